-- CreateEnum
CREATE TYPE "tickets_event_report_status" AS ENUM ('open', 'dismissed', 'actioned');

-- AlterTable
ALTER TABLE "tickets_events" ADD COLUMN     "appeal_note" TEXT,
ADD COLUMN     "appealed_at" TIMESTAMPTZ(3),
ADD COLUMN     "moderated_at" TIMESTAMPTZ(3),
ADD COLUMN     "moderation_reason" TEXT;

-- AlterTable
ALTER TABLE "tickets_organizers" ADD COLUMN     "suspended_at" TIMESTAMPTZ(3),
ADD COLUMN     "suspension_reason" TEXT;

-- CreateTable
CREATE TABLE "tickets_event_reports" (
    "id" TEXT NOT NULL,
    "event_id" TEXT NOT NULL,
    "organizer_id" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "details" TEXT NOT NULL,
    "email" TEXT,
    "status" "tickets_event_report_status" NOT NULL DEFAULT 'open',
    "resolved_at" TIMESTAMPTZ(3),
    "resolved_by" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "tickets_event_reports_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "tickets_event_reports_status_created_at_idx" ON "tickets_event_reports"("status", "created_at");

-- CreateIndex
CREATE INDEX "tickets_event_reports_event_id_idx" ON "tickets_event_reports"("event_id");

-- AddForeignKey
ALTER TABLE "tickets_event_reports" ADD CONSTRAINT "tickets_event_reports_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "tickets_events"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Audit actions are namespaced `tickets.<noun>.<verb>` (lib/audit/record-audit.ts adds the prefix from now on).
UPDATE "tickets_audit_log" SET "action" = 'tickets.' || "action" WHERE "action" NOT LIKE 'tickets.%';
