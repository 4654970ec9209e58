-- CreateEnum
CREATE TYPE "tickets_order_channel" AS ENUM ('online', 'comp');

-- AlterTable
ALTER TABLE "tickets_orders" ADD COLUMN     "channel" "tickets_order_channel" NOT NULL DEFAULT 'online';
