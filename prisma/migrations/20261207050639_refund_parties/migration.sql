/*
  Warnings:

  - A unique constraint covering the columns `[stripe_transfer_reversal_id]` on the table `tickets_refunds` will be added. If there are existing duplicate values, this will fail.
  - A unique constraint covering the columns `[stripe_application_fee_refund_id]` on the table `tickets_refunds` will be added. If there are existing duplicate values, this will fail.

*/
-- AlterTable
ALTER TABLE "tickets_order_items" ADD COLUMN     "application_fee_minor" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "tickets_orders" ADD COLUMN     "stripe_application_fee_id" TEXT,
ADD COLUMN     "stripe_transfer_id" TEXT;

-- AlterTable
ALTER TABLE "tickets_refunds" ADD COLUMN     "allocation" JSONB,
ADD COLUMN     "application_fee_minor" INTEGER,
ADD COLUMN     "application_fee_refunded_minor" INTEGER,
ADD COLUMN     "settled_at" TIMESTAMPTZ(3),
ADD COLUMN     "settlement_error" TEXT,
ADD COLUMN     "stripe_application_fee_refund_id" TEXT,
ADD COLUMN     "stripe_transfer_reversal_id" TEXT,
ADD COLUMN     "transfer_reversed_minor" INTEGER;

-- CreateIndex
CREATE UNIQUE INDEX "tickets_refunds_stripe_transfer_reversal_id_key" ON "tickets_refunds"("stripe_transfer_reversal_id");

-- CreateIndex
CREATE UNIQUE INDEX "tickets_refunds_stripe_application_fee_refund_id_key" ON "tickets_refunds"("stripe_application_fee_refund_id");

-- Backfill: each existing line's part of its order's application fee, so the lines add up to the order's.
-- The service fee a buyer paid is the platform's (buyer_pays: the line's fee). What the application fee
-- exceeds the service fees by is the fee the organizer absorbed: split over the lines by their base
-- (price − discount), largest remainder, ties to the earlier line, like lib/money/allocate.ts.
WITH weights AS (
  SELECT
    i.id,
    i.order_id,
    i.created_at,
    GREATEST(o.application_fee_minor - o.fee_minor, 0)::bigint AS absorbed,
    GREATEST(i.unit_price_minor::bigint * i.quantity - i.discount_minor, 0) AS weight,
    (SUM(GREATEST(i.unit_price_minor::bigint * i.quantity - i.discount_minor, 0))
      OVER (PARTITION BY i.order_id))::bigint AS weight_sum
  FROM "tickets_order_items" i
  JOIN "tickets_orders" o ON o.id = i.order_id
),
shares AS (
  SELECT
    id,
    order_id,
    created_at,
    absorbed,
    CASE WHEN weight_sum = 0 THEN 0 ELSE absorbed * weight / weight_sum END AS floor_part,
    CASE WHEN weight_sum = 0 THEN 0 ELSE absorbed * weight % weight_sum END AS remainder
  FROM weights
),
ranked AS (
  SELECT
    id,
    floor_part,
    absorbed - SUM(floor_part) OVER (PARTITION BY order_id) AS left_over,
    ROW_NUMBER() OVER (PARTITION BY order_id ORDER BY remainder DESC, created_at, id) AS place
  FROM shares
)
UPDATE "tickets_order_items" i
SET "application_fee_minor" = i.fee_minor + r.floor_part + CASE WHEN r.place <= r.left_over THEN 1 ELSE 0 END
FROM ranked r
WHERE r.id = i.id;
