import type { EventStatus } from "@/lib/events/event-rules";

const LABELS: Record<EventStatus, { text: string; tone: string }> = {
  draft: { text: "Draft", tone: "" },
  published: { text: "Published", tone: "ok" },
  cancelled: { text: "Cancelled", tone: "bad" },
  archived: { text: "Archived", tone: "" },
};

export function EventStatusBadge({ status }: { status: EventStatus }) {
  const label = LABELS[status];
  return <span className={`badge ${label.tone}`}>{label.text}</span>;
}
