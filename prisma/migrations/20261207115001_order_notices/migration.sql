-- CreateEnum
CREATE TYPE "tickets_order_notice_kind" AS ENUM ('event_reminder');

-- CreateTable
CREATE TABLE "tickets_order_notices" (
    "id" TEXT NOT NULL,
    "organizer_id" TEXT NOT NULL,
    "order_id" TEXT NOT NULL,
    "kind" "tickets_order_notice_kind" NOT NULL,
    "outbox_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "tickets_order_notices_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "tickets_order_notices_organizer_id_idx" ON "tickets_order_notices"("organizer_id");

-- CreateIndex
CREATE UNIQUE INDEX "tickets_order_notices_order_id_kind_key" ON "tickets_order_notices"("order_id", "kind");

-- AddForeignKey
ALTER TABLE "tickets_order_notices" ADD CONSTRAINT "tickets_order_notices_organizer_id_fkey" FOREIGN KEY ("organizer_id") REFERENCES "tickets_organizers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tickets_order_notices" ADD CONSTRAINT "tickets_order_notices_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "tickets_orders"("id") ON DELETE CASCADE ON UPDATE CASCADE;
