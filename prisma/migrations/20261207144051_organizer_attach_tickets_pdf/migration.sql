-- AlterTable
ALTER TABLE "tickets_organizers" ADD COLUMN     "attach_tickets_pdf" BOOLEAN NOT NULL DEFAULT false;
