-- AlterEnum
ALTER TYPE "tickets_ticket_status" ADD VALUE 'transferred';

-- AlterTable
ALTER TABLE "tickets_events" ADD COLUMN     "transfers_enabled" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "tickets_order_items" ADD COLUMN     "holder_names" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "tickets_ticket_transfers" (
    "id" TEXT NOT NULL,
    "organizer_id" TEXT NOT NULL,
    "order_id" TEXT NOT NULL,
    "from_ticket_id" TEXT NOT NULL,
    "to_ticket_id" TEXT NOT NULL,
    "recipient_name" TEXT NOT NULL,
    "recipient_email" TEXT NOT NULL,
    "access_token_hash" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "tickets_ticket_transfers_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "tickets_ticket_transfers_from_ticket_id_key" ON "tickets_ticket_transfers"("from_ticket_id");

-- CreateIndex
CREATE UNIQUE INDEX "tickets_ticket_transfers_to_ticket_id_key" ON "tickets_ticket_transfers"("to_ticket_id");

-- CreateIndex
CREATE UNIQUE INDEX "tickets_ticket_transfers_access_token_hash_key" ON "tickets_ticket_transfers"("access_token_hash");

-- CreateIndex
CREATE INDEX "tickets_ticket_transfers_organizer_id_idx" ON "tickets_ticket_transfers"("organizer_id");

-- CreateIndex
CREATE INDEX "tickets_ticket_transfers_order_id_idx" ON "tickets_ticket_transfers"("order_id");

-- AddForeignKey
ALTER TABLE "tickets_ticket_transfers" ADD CONSTRAINT "tickets_ticket_transfers_from_ticket_id_fkey" FOREIGN KEY ("from_ticket_id") REFERENCES "tickets_tickets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tickets_ticket_transfers" ADD CONSTRAINT "tickets_ticket_transfers_to_ticket_id_fkey" FOREIGN KEY ("to_ticket_id") REFERENCES "tickets_tickets"("id") ON DELETE CASCADE ON UPDATE CASCADE;
