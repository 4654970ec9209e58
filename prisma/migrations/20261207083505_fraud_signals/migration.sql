-- CreateTable
CREATE TABLE "tickets_fraud_signals" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "organizer_id" TEXT NOT NULL,
    "event_id" TEXT,
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "window_start" TIMESTAMPTZ(3) NOT NULL,
    "window_ms" INTEGER NOT NULL,
    "first_seen_at" TIMESTAMPTZ(3) NOT NULL,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL,
    "tripped_at" TIMESTAMPTZ(3),

    CONSTRAINT "tickets_fraud_signals_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "tickets_fraud_signals_tripped_at_idx" ON "tickets_fraud_signals"("tripped_at");

-- CreateIndex
CREATE UNIQUE INDEX "tickets_fraud_signals_kind_organizer_id_key_window_start_key" ON "tickets_fraud_signals"("kind", "organizer_id", "key", "window_start");
