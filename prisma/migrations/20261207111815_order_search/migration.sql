-- Trigram matching for the organizer order search (name, email, reference). A trusted extension since
-- PostgreSQL 13, so the database owner may create it. The embedded PGlite loads it (lib/db/embedded.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- DropIndex
DROP INDEX "tickets_orders_organizer_id_created_at_idx";

-- CreateIndex
CREATE INDEX "tickets_orders_organizer_id_created_at_id_idx" ON "tickets_orders"("organizer_id", "created_at", "id");

-- CreateIndex
CREATE INDEX "tickets_orders_organizer_id_event_id_created_at_id_idx" ON "tickets_orders"("organizer_id", "event_id", "created_at", "id");

-- CreateIndex
CREATE INDEX "tickets_orders_buyer_name_trgm_idx" ON "tickets_orders" USING GIN ("buyer_name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "tickets_orders_buyer_email_trgm_idx" ON "tickets_orders" USING GIN ("buyer_email" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "tickets_orders_id_trgm_idx" ON "tickets_orders" USING GIN ("id" gin_trgm_ops);
