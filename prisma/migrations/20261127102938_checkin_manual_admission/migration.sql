-- AlterTable
ALTER TABLE "tickets_checkins" ADD COLUMN     "manual" BOOLEAN NOT NULL DEFAULT false;
