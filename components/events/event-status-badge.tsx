import { badgeClass, type Tone } from "@/components/ui/styles";
import type { EventStatus } from "@/lib/events/event-rules";

const LABELS: Record<EventStatus, { text: string; tone: Tone }> = {
  draft: { text: "Draft", tone: "neutral" },
  published: { text: "Published", tone: "ok" },
  cancelled: { text: "Cancelled", tone: "bad" },
  archived: { text: "Archived", tone: "neutral" },
};

export function EventStatusBadge({ status }: { status: EventStatus }) {
  const label = LABELS[status];
  return <span className={badgeClass(label.tone)}>{label.text}</span>;
}
