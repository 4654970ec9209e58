-- CreateIndex
CREATE INDEX "tickets_orders_organizer_id_channel_idx" ON "tickets_orders"("organizer_id", "channel");
