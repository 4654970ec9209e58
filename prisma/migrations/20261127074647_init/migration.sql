-- CreateEnum
CREATE TYPE "tickets_organizer_status" AS ENUM ('active', 'suspended');

-- CreateEnum
CREATE TYPE "tickets_stripe_account_kind" AS ENUM ('express', 'standard');

-- CreateEnum
CREATE TYPE "tickets_member_role" AS ENUM ('owner', 'manager', 'scanner');

-- CreateEnum
CREATE TYPE "tickets_event_status" AS ENUM ('draft', 'published', 'cancelled', 'archived');

-- CreateEnum
CREATE TYPE "tickets_fee_model" AS ENUM ('buyer_pays', 'organizer_absorbs');

-- CreateEnum
CREATE TYPE "tickets_tier_visibility" AS ENUM ('public', 'hidden');

-- CreateEnum
CREATE TYPE "tickets_discount_kind" AS ENUM ('percent', 'fixed');

-- CreateEnum
CREATE TYPE "tickets_order_status" AS ENUM ('pending', 'paid', 'expired', 'cancelled', 'refunded', 'partially_refunded');

-- CreateEnum
CREATE TYPE "tickets_charge_type" AS ENUM ('destination', 'direct');

-- CreateEnum
CREATE TYPE "tickets_ticket_status" AS ENUM ('valid', 'refunded', 'void');

-- CreateEnum
CREATE TYPE "tickets_refund_status" AS ENUM ('pending', 'succeeded', 'failed');

-- CreateEnum
CREATE TYPE "tickets_checkin_result" AS ENUM ('admitted', 'duplicate', 'rejected');

-- CreateEnum
CREATE TYPE "tickets_webhook_status" AS ENUM ('pending', 'processed', 'ignored', 'failed');

-- CreateEnum
CREATE TYPE "tickets_email_status" AS ENUM ('queued', 'sent', 'failed');

-- CreateEnum
CREATE TYPE "tickets_job_status" AS ENUM ('queued', 'running', 'succeeded', 'failed');

-- CreateTable
CREATE TABLE "tickets_users" (
    "id" TEXT NOT NULL,
    "name" TEXT,
    "email" TEXT NOT NULL,
    "email_verified" TIMESTAMPTZ(3),
    "image" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "tickets_users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "tickets_accounts" (
    "id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "provider_account_id" TEXT NOT NULL,
    "refresh_token" TEXT,
    "access_token" TEXT,
    "expires_at" INTEGER,
    "token_type" TEXT,
    "scope" TEXT,
    "id_token" TEXT,
    "session_state" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "tickets_accounts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "tickets_sessions" (
    "id" TEXT NOT NULL,
    "session_token" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "expires" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "tickets_sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "tickets_verification_tokens" (
    "identifier" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "expires" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "tickets_verification_tokens_pkey" PRIMARY KEY ("identifier","token")
);

-- CreateTable
CREATE TABLE "tickets_organizers" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "contact_email" TEXT NOT NULL,
    "default_currency" VARCHAR(3) NOT NULL,
    "timezone" TEXT NOT NULL,
    "logo_url" TEXT,
    "status" "tickets_organizer_status" NOT NULL DEFAULT 'active',
    "stripe_account_id" TEXT,
    "stripe_account_kind" "tickets_stripe_account_kind",
    "stripe_test_mode" BOOLEAN NOT NULL DEFAULT false,
    "stripe_charges_enabled" BOOLEAN NOT NULL DEFAULT false,
    "stripe_payouts_enabled" BOOLEAN NOT NULL DEFAULT false,
    "stripe_details_submitted" BOOLEAN NOT NULL DEFAULT false,
    "stripe_requirements" JSONB,
    "stripe_synced_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "tickets_organizers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "tickets_organizer_members" (
    "id" TEXT NOT NULL,
    "organizer_id" TEXT NOT NULL,
    "user_id" TEXT,
    "email" TEXT NOT NULL,
    "role" "tickets_member_role" NOT NULL,
    "invited_by_id" TEXT,
    "accepted_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "tickets_organizer_members_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "tickets_events" (
    "id" TEXT NOT NULL,
    "organizer_id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT,
    "description" TEXT,
    "venue_name" TEXT NOT NULL,
    "venue_address" TEXT,
    "city" TEXT NOT NULL,
    "region" TEXT,
    "country" VARCHAR(2) NOT NULL,
    "timezone" TEXT NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "capacity" INTEGER,
    "currency" VARCHAR(3) NOT NULL,
    "cover_image_url" TEXT,
    "status" "tickets_event_status" NOT NULL DEFAULT 'draft',
    "published_at" TIMESTAMPTZ(3),
    "cancelled_at" TIMESTAMPTZ(3),
    "allow_refunds_until" TIMESTAMPTZ(3),
    "fee_model" "tickets_fee_model" NOT NULL DEFAULT 'buyer_pays',
    "taxes" JSONB NOT NULL DEFAULT '[]',
    "stripe_tax_enabled" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "tickets_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "tickets_tiers" (
    "id" TEXT NOT NULL,
    "event_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "price_minor" INTEGER NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "capacity" INTEGER NOT NULL,
    "max_per_order" INTEGER NOT NULL DEFAULT 10,
    "sales_start_at" TIMESTAMPTZ(3),
    "sales_end_at" TIMESTAMPTZ(3),
    "visibility" "tickets_tier_visibility" NOT NULL DEFAULT 'public',
    "sort_order" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "tickets_tiers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "tickets_discounts" (
    "id" TEXT NOT NULL,
    "event_id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "kind" "tickets_discount_kind" NOT NULL,
    "percent_bps" INTEGER,
    "amount_minor" INTEGER,
    "max_uses" INTEGER,
    "valid_from" TIMESTAMPTZ(3),
    "valid_until" TIMESTAMPTZ(3),
    "tier_ids" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "tickets_discounts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "tickets_holds" (
    "id" TEXT NOT NULL,
    "event_id" TEXT NOT NULL,
    "tier_id" TEXT NOT NULL,
    "order_id" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "released_at" TIMESTAMPTZ(3),
    "converted_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "tickets_holds_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "tickets_orders" (
    "id" TEXT NOT NULL,
    "organizer_id" TEXT NOT NULL,
    "event_id" TEXT NOT NULL,
    "status" "tickets_order_status" NOT NULL DEFAULT 'pending',
    "buyer_email" TEXT NOT NULL,
    "buyer_name" TEXT NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "subtotal_minor" INTEGER NOT NULL,
    "discount_minor" INTEGER NOT NULL DEFAULT 0,
    "fee_minor" INTEGER NOT NULL DEFAULT 0,
    "tax_minor" INTEGER NOT NULL DEFAULT 0,
    "total_minor" INTEGER NOT NULL,
    "application_fee_minor" INTEGER NOT NULL DEFAULT 0,
    "refunded_minor" INTEGER NOT NULL DEFAULT 0,
    "tax_lines" JSONB NOT NULL DEFAULT '[]',
    "discount_id" TEXT,
    "access_token_hash" TEXT NOT NULL,
    "charge_type" "tickets_charge_type" NOT NULL DEFAULT 'destination',
    "stripe_account_id" TEXT,
    "stripe_checkout_session_id" TEXT,
    "stripe_payment_intent_id" TEXT,
    "stripe_charge_id" TEXT,
    "disputed" BOOLEAN NOT NULL DEFAULT false,
    "expires_at" TIMESTAMPTZ(3),
    "paid_at" TIMESTAMPTZ(3),
    "cancelled_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "tickets_orders_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "tickets_order_items" (
    "id" TEXT NOT NULL,
    "order_id" TEXT NOT NULL,
    "tier_id" TEXT NOT NULL,
    "tier_name" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "unit_price_minor" INTEGER NOT NULL,
    "discount_minor" INTEGER NOT NULL DEFAULT 0,
    "fee_minor" INTEGER NOT NULL DEFAULT 0,
    "tax_minor" INTEGER NOT NULL DEFAULT 0,
    "total_minor" INTEGER NOT NULL,
    "tax_lines" JSONB NOT NULL DEFAULT '[]',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "tickets_order_items_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "tickets_tickets" (
    "id" TEXT NOT NULL,
    "organizer_id" TEXT NOT NULL,
    "event_id" TEXT NOT NULL,
    "tier_id" TEXT NOT NULL,
    "order_id" TEXT NOT NULL,
    "order_item_id" TEXT NOT NULL,
    "secret" TEXT NOT NULL,
    "secret_hash" TEXT NOT NULL,
    "key_id" INTEGER NOT NULL,
    "holder_name" TEXT,
    "holder_email" TEXT,
    "status" "tickets_ticket_status" NOT NULL DEFAULT 'valid',
    "disputed" BOOLEAN NOT NULL DEFAULT false,
    "voided_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "tickets_tickets_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "tickets_refunds" (
    "id" TEXT NOT NULL,
    "organizer_id" TEXT NOT NULL,
    "order_id" TEXT NOT NULL,
    "amount_minor" INTEGER NOT NULL,
    "reason" TEXT,
    "status" "tickets_refund_status" NOT NULL DEFAULT 'pending',
    "ticket_ids" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "stripe_refund_id" TEXT,
    "failure_reason" TEXT,
    "requested_by_id" TEXT,
    "admin_override" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "tickets_refunds_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "tickets_signing_keys" (
    "id" TEXT NOT NULL,
    "key_id" INTEGER NOT NULL,
    "organizer_id" TEXT NOT NULL,
    "event_id" TEXT NOT NULL,
    "public_key" TEXT NOT NULL,
    "private_key" TEXT NOT NULL,
    "retired_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "tickets_signing_keys_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "tickets_revoked_secrets" (
    "id" BIGSERIAL NOT NULL,
    "event_id" TEXT NOT NULL,
    "ticket_id" TEXT NOT NULL,
    "secret_hash" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "tickets_revoked_secrets_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "tickets_scanner_devices" (
    "id" TEXT NOT NULL,
    "organizer_id" TEXT NOT NULL,
    "event_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "provisioning_token_hash" TEXT,
    "provisioning_expires_at" TIMESTAMPTZ(3),
    "token_hash" TEXT,
    "provisioned_at" TIMESTAMPTZ(3),
    "last_seen_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    "created_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "tickets_scanner_devices_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "tickets_checkins" (
    "id" TEXT NOT NULL,
    "event_id" TEXT NOT NULL,
    "ticket_id" TEXT,
    "device_id" TEXT,
    "nonce" TEXT NOT NULL,
    "result" "tickets_checkin_result" NOT NULL,
    "reason" TEXT,
    "forced" BOOLEAN NOT NULL DEFAULT false,
    "scanned_at" TIMESTAMPTZ(3) NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "tickets_checkins_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "tickets_webhook_events" (
    "id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "account" TEXT,
    "livemode" BOOLEAN NOT NULL DEFAULT false,
    "payload" JSONB NOT NULL,
    "status" "tickets_webhook_status" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processed_at" TIMESTAMPTZ(3),

    CONSTRAINT "tickets_webhook_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "tickets_email_outbox" (
    "id" TEXT NOT NULL,
    "organizer_id" TEXT,
    "order_id" TEXT,
    "template" TEXT NOT NULL,
    "to_address" TEXT NOT NULL,
    "from_address" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "attachments" JSONB NOT NULL DEFAULT '[]',
    "status" "tickets_email_status" NOT NULL DEFAULT 'queued',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "provider" TEXT,
    "provider_message_id" TEXT,
    "last_error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),

    CONSTRAINT "tickets_email_outbox_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "tickets_jobs" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "status" "tickets_job_status" NOT NULL DEFAULT 'queued',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "max_attempts" INTEGER NOT NULL DEFAULT 8,
    "run_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "locked_at" TIMESTAMPTZ(3),
    "locked_by" TEXT,
    "last_error" TEXT,
    "singleton_key" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "tickets_jobs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "tickets_audit_log" (
    "id" TEXT NOT NULL,
    "organizer_id" TEXT,
    "actor_user_id" TEXT,
    "actor_type" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" TEXT NOT NULL,
    "data" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "tickets_audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "tickets_worker_heartbeats" (
    "id" TEXT NOT NULL,
    "seen_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "tickets_worker_heartbeats_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "tickets_rate_limits" (
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "window_start" TIMESTAMPTZ(3) NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "tickets_rate_limits_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "tickets_platform_settings" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "tickets_platform_settings_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "tickets_users_email_key" ON "tickets_users"("email");

-- CreateIndex
CREATE INDEX "tickets_accounts_user_id_idx" ON "tickets_accounts"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "tickets_accounts_provider_provider_account_id_key" ON "tickets_accounts"("provider", "provider_account_id");

-- CreateIndex
CREATE UNIQUE INDEX "tickets_sessions_session_token_key" ON "tickets_sessions"("session_token");

-- CreateIndex
CREATE INDEX "tickets_sessions_user_id_idx" ON "tickets_sessions"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "tickets_verification_tokens_token_key" ON "tickets_verification_tokens"("token");

-- CreateIndex
CREATE INDEX "tickets_verification_tokens_expires_idx" ON "tickets_verification_tokens"("expires");

-- CreateIndex
CREATE UNIQUE INDEX "tickets_organizers_slug_key" ON "tickets_organizers"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "tickets_organizers_stripe_account_id_key" ON "tickets_organizers"("stripe_account_id");

-- CreateIndex
CREATE INDEX "tickets_organizer_members_user_id_idx" ON "tickets_organizer_members"("user_id");

-- CreateIndex
CREATE INDEX "tickets_organizer_members_invited_by_id_idx" ON "tickets_organizer_members"("invited_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "tickets_organizer_members_organizer_id_email_key" ON "tickets_organizer_members"("organizer_id", "email");

-- CreateIndex
CREATE UNIQUE INDEX "tickets_organizer_members_organizer_id_user_id_key" ON "tickets_organizer_members"("organizer_id", "user_id");

-- CreateIndex
CREATE UNIQUE INDEX "tickets_events_slug_key" ON "tickets_events"("slug");

-- CreateIndex
CREATE INDEX "tickets_events_organizer_id_idx" ON "tickets_events"("organizer_id");

-- CreateIndex
CREATE INDEX "tickets_events_status_starts_at_idx" ON "tickets_events"("status", "starts_at");

-- CreateIndex
CREATE INDEX "tickets_events_city_idx" ON "tickets_events"("city");

-- CreateIndex
CREATE INDEX "tickets_tiers_event_id_sort_order_idx" ON "tickets_tiers"("event_id", "sort_order");

-- CreateIndex
CREATE UNIQUE INDEX "tickets_discounts_event_id_code_key" ON "tickets_discounts"("event_id", "code");

-- CreateIndex
CREATE INDEX "tickets_holds_tier_id_expires_at_idx" ON "tickets_holds"("tier_id", "expires_at");

-- CreateIndex
CREATE INDEX "tickets_holds_event_id_expires_at_idx" ON "tickets_holds"("event_id", "expires_at");

-- CreateIndex
CREATE INDEX "tickets_holds_order_id_idx" ON "tickets_holds"("order_id");

-- CreateIndex
CREATE UNIQUE INDEX "tickets_orders_access_token_hash_key" ON "tickets_orders"("access_token_hash");

-- CreateIndex
CREATE UNIQUE INDEX "tickets_orders_stripe_checkout_session_id_key" ON "tickets_orders"("stripe_checkout_session_id");

-- CreateIndex
CREATE UNIQUE INDEX "tickets_orders_stripe_payment_intent_id_key" ON "tickets_orders"("stripe_payment_intent_id");

-- CreateIndex
CREATE INDEX "tickets_orders_organizer_id_created_at_idx" ON "tickets_orders"("organizer_id", "created_at");

-- CreateIndex
CREATE INDEX "tickets_orders_event_id_status_idx" ON "tickets_orders"("event_id", "status");

-- CreateIndex
CREATE INDEX "tickets_orders_discount_id_idx" ON "tickets_orders"("discount_id");

-- CreateIndex
CREATE INDEX "tickets_orders_buyer_email_idx" ON "tickets_orders"("buyer_email");

-- CreateIndex
CREATE INDEX "tickets_orders_status_expires_at_idx" ON "tickets_orders"("status", "expires_at");

-- CreateIndex
CREATE INDEX "tickets_order_items_order_id_idx" ON "tickets_order_items"("order_id");

-- CreateIndex
CREATE INDEX "tickets_order_items_tier_id_idx" ON "tickets_order_items"("tier_id");

-- CreateIndex
CREATE UNIQUE INDEX "tickets_tickets_secret_key" ON "tickets_tickets"("secret");

-- CreateIndex
CREATE UNIQUE INDEX "tickets_tickets_secret_hash_key" ON "tickets_tickets"("secret_hash");

-- CreateIndex
CREATE INDEX "tickets_tickets_organizer_id_idx" ON "tickets_tickets"("organizer_id");

-- CreateIndex
CREATE INDEX "tickets_tickets_event_id_updated_at_idx" ON "tickets_tickets"("event_id", "updated_at");

-- CreateIndex
CREATE INDEX "tickets_tickets_tier_id_status_idx" ON "tickets_tickets"("tier_id", "status");

-- CreateIndex
CREATE INDEX "tickets_tickets_order_id_idx" ON "tickets_tickets"("order_id");

-- CreateIndex
CREATE INDEX "tickets_tickets_order_item_id_idx" ON "tickets_tickets"("order_item_id");

-- CreateIndex
CREATE UNIQUE INDEX "tickets_refunds_stripe_refund_id_key" ON "tickets_refunds"("stripe_refund_id");

-- CreateIndex
CREATE INDEX "tickets_refunds_organizer_id_idx" ON "tickets_refunds"("organizer_id");

-- CreateIndex
CREATE INDEX "tickets_refunds_order_id_idx" ON "tickets_refunds"("order_id");

-- CreateIndex
CREATE INDEX "tickets_refunds_requested_by_id_idx" ON "tickets_refunds"("requested_by_id");

-- CreateIndex
CREATE INDEX "tickets_signing_keys_organizer_id_idx" ON "tickets_signing_keys"("organizer_id");

-- CreateIndex
CREATE UNIQUE INDEX "tickets_signing_keys_event_id_key_id_key" ON "tickets_signing_keys"("event_id", "key_id");

-- CreateIndex
CREATE INDEX "tickets_revoked_secrets_event_id_id_idx" ON "tickets_revoked_secrets"("event_id", "id");

-- CreateIndex
CREATE INDEX "tickets_revoked_secrets_ticket_id_idx" ON "tickets_revoked_secrets"("ticket_id");

-- CreateIndex
CREATE UNIQUE INDEX "tickets_scanner_devices_provisioning_token_hash_key" ON "tickets_scanner_devices"("provisioning_token_hash");

-- CreateIndex
CREATE UNIQUE INDEX "tickets_scanner_devices_token_hash_key" ON "tickets_scanner_devices"("token_hash");

-- CreateIndex
CREATE INDEX "tickets_scanner_devices_organizer_id_idx" ON "tickets_scanner_devices"("organizer_id");

-- CreateIndex
CREATE INDEX "tickets_scanner_devices_event_id_idx" ON "tickets_scanner_devices"("event_id");

-- CreateIndex
CREATE INDEX "tickets_scanner_devices_created_by_id_idx" ON "tickets_scanner_devices"("created_by_id");

-- CreateIndex
CREATE INDEX "tickets_checkins_event_id_received_at_idx" ON "tickets_checkins"("event_id", "received_at");

-- CreateIndex
CREATE INDEX "tickets_checkins_ticket_id_scanned_at_idx" ON "tickets_checkins"("ticket_id", "scanned_at");

-- CreateIndex
CREATE UNIQUE INDEX "tickets_checkins_device_id_nonce_key" ON "tickets_checkins"("device_id", "nonce");

-- CreateIndex
CREATE INDEX "tickets_webhook_events_status_received_at_idx" ON "tickets_webhook_events"("status", "received_at");

-- CreateIndex
CREATE INDEX "tickets_webhook_events_type_idx" ON "tickets_webhook_events"("type");

-- CreateIndex
CREATE INDEX "tickets_email_outbox_status_created_at_idx" ON "tickets_email_outbox"("status", "created_at");

-- CreateIndex
CREATE INDEX "tickets_email_outbox_organizer_id_idx" ON "tickets_email_outbox"("organizer_id");

-- CreateIndex
CREATE INDEX "tickets_email_outbox_order_id_idx" ON "tickets_email_outbox"("order_id");

-- CreateIndex
CREATE INDEX "tickets_email_outbox_to_address_idx" ON "tickets_email_outbox"("to_address");

-- CreateIndex
CREATE UNIQUE INDEX "tickets_jobs_singleton_key_key" ON "tickets_jobs"("singleton_key");

-- CreateIndex
CREATE INDEX "tickets_jobs_status_run_at_idx" ON "tickets_jobs"("status", "run_at");

-- CreateIndex
CREATE INDEX "tickets_jobs_name_status_idx" ON "tickets_jobs"("name", "status");

-- CreateIndex
CREATE INDEX "tickets_audit_log_organizer_id_created_at_idx" ON "tickets_audit_log"("organizer_id", "created_at");

-- CreateIndex
CREATE INDEX "tickets_audit_log_actor_user_id_idx" ON "tickets_audit_log"("actor_user_id");

-- CreateIndex
CREATE INDEX "tickets_audit_log_entity_type_entity_id_idx" ON "tickets_audit_log"("entity_type", "entity_id");

-- CreateIndex
CREATE INDEX "tickets_rate_limits_expires_at_idx" ON "tickets_rate_limits"("expires_at");

-- AddForeignKey
ALTER TABLE "tickets_accounts" ADD CONSTRAINT "tickets_accounts_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "tickets_users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tickets_sessions" ADD CONSTRAINT "tickets_sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "tickets_users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tickets_organizer_members" ADD CONSTRAINT "tickets_organizer_members_organizer_id_fkey" FOREIGN KEY ("organizer_id") REFERENCES "tickets_organizers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tickets_organizer_members" ADD CONSTRAINT "tickets_organizer_members_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "tickets_users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tickets_organizer_members" ADD CONSTRAINT "tickets_organizer_members_invited_by_id_fkey" FOREIGN KEY ("invited_by_id") REFERENCES "tickets_users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tickets_events" ADD CONSTRAINT "tickets_events_organizer_id_fkey" FOREIGN KEY ("organizer_id") REFERENCES "tickets_organizers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tickets_tiers" ADD CONSTRAINT "tickets_tiers_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "tickets_events"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tickets_discounts" ADD CONSTRAINT "tickets_discounts_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "tickets_events"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tickets_holds" ADD CONSTRAINT "tickets_holds_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "tickets_events"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tickets_holds" ADD CONSTRAINT "tickets_holds_tier_id_fkey" FOREIGN KEY ("tier_id") REFERENCES "tickets_tiers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tickets_holds" ADD CONSTRAINT "tickets_holds_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "tickets_orders"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tickets_orders" ADD CONSTRAINT "tickets_orders_organizer_id_fkey" FOREIGN KEY ("organizer_id") REFERENCES "tickets_organizers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tickets_orders" ADD CONSTRAINT "tickets_orders_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "tickets_events"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tickets_orders" ADD CONSTRAINT "tickets_orders_discount_id_fkey" FOREIGN KEY ("discount_id") REFERENCES "tickets_discounts"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tickets_order_items" ADD CONSTRAINT "tickets_order_items_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "tickets_orders"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tickets_order_items" ADD CONSTRAINT "tickets_order_items_tier_id_fkey" FOREIGN KEY ("tier_id") REFERENCES "tickets_tiers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tickets_tickets" ADD CONSTRAINT "tickets_tickets_organizer_id_fkey" FOREIGN KEY ("organizer_id") REFERENCES "tickets_organizers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tickets_tickets" ADD CONSTRAINT "tickets_tickets_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "tickets_events"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tickets_tickets" ADD CONSTRAINT "tickets_tickets_tier_id_fkey" FOREIGN KEY ("tier_id") REFERENCES "tickets_tiers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tickets_tickets" ADD CONSTRAINT "tickets_tickets_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "tickets_orders"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tickets_tickets" ADD CONSTRAINT "tickets_tickets_order_item_id_fkey" FOREIGN KEY ("order_item_id") REFERENCES "tickets_order_items"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tickets_refunds" ADD CONSTRAINT "tickets_refunds_organizer_id_fkey" FOREIGN KEY ("organizer_id") REFERENCES "tickets_organizers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tickets_refunds" ADD CONSTRAINT "tickets_refunds_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "tickets_orders"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tickets_refunds" ADD CONSTRAINT "tickets_refunds_requested_by_id_fkey" FOREIGN KEY ("requested_by_id") REFERENCES "tickets_users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tickets_signing_keys" ADD CONSTRAINT "tickets_signing_keys_organizer_id_fkey" FOREIGN KEY ("organizer_id") REFERENCES "tickets_organizers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tickets_signing_keys" ADD CONSTRAINT "tickets_signing_keys_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "tickets_events"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tickets_revoked_secrets" ADD CONSTRAINT "tickets_revoked_secrets_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "tickets_events"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tickets_revoked_secrets" ADD CONSTRAINT "tickets_revoked_secrets_ticket_id_fkey" FOREIGN KEY ("ticket_id") REFERENCES "tickets_tickets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tickets_scanner_devices" ADD CONSTRAINT "tickets_scanner_devices_organizer_id_fkey" FOREIGN KEY ("organizer_id") REFERENCES "tickets_organizers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tickets_scanner_devices" ADD CONSTRAINT "tickets_scanner_devices_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "tickets_events"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tickets_scanner_devices" ADD CONSTRAINT "tickets_scanner_devices_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "tickets_users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tickets_checkins" ADD CONSTRAINT "tickets_checkins_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "tickets_events"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tickets_checkins" ADD CONSTRAINT "tickets_checkins_ticket_id_fkey" FOREIGN KEY ("ticket_id") REFERENCES "tickets_tickets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tickets_checkins" ADD CONSTRAINT "tickets_checkins_device_id_fkey" FOREIGN KEY ("device_id") REFERENCES "tickets_scanner_devices"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tickets_email_outbox" ADD CONSTRAINT "tickets_email_outbox_organizer_id_fkey" FOREIGN KEY ("organizer_id") REFERENCES "tickets_organizers"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tickets_email_outbox" ADD CONSTRAINT "tickets_email_outbox_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "tickets_orders"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tickets_audit_log" ADD CONSTRAINT "tickets_audit_log_organizer_id_fkey" FOREIGN KEY ("organizer_id") REFERENCES "tickets_organizers"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tickets_audit_log" ADD CONSTRAINT "tickets_audit_log_actor_user_id_fkey" FOREIGN KEY ("actor_user_id") REFERENCES "tickets_users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
