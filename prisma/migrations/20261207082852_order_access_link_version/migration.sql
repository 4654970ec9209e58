-- AlterTable
ALTER TABLE "tickets_orders" ADD COLUMN     "access_link_version" INTEGER NOT NULL DEFAULT 0;
