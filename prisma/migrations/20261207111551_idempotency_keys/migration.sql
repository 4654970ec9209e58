-- CreateEnum
CREATE TYPE "tickets_idempotency_key_state" AS ENUM ('in_progress', 'completed');

-- CreateTable
CREATE TABLE "tickets_idempotency_keys" (
    "principal_hash" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "request_hash" TEXT NOT NULL,
    "state" "tickets_idempotency_key_state" NOT NULL,
    "claim_token" TEXT NOT NULL,
    "locked_until" TIMESTAMPTZ(3),
    "response_status" INTEGER,
    "response_headers" JSONB,
    "response_body" BYTEA,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "tickets_idempotency_keys_pkey" PRIMARY KEY ("principal_hash","key")
);

-- CreateIndex
CREATE INDEX "tickets_idempotency_keys_expires_at_idx" ON "tickets_idempotency_keys"("expires_at");
