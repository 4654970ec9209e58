-- AlterTable
ALTER TABLE "tickets_organizers" ADD COLUMN     "self_test" BOOLEAN NOT NULL DEFAULT false;
