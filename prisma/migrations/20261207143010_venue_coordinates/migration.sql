-- AlterTable
ALTER TABLE "tickets_events" ADD COLUMN     "venue_latitude" DOUBLE PRECISION,
ADD COLUMN     "venue_longitude" DOUBLE PRECISION;
