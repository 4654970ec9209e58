-- AlterTable
ALTER TABLE "tickets_refunds" ADD COLUMN     "internal_note" TEXT;
