// What an organizer and an admin see of an event's moderation: JSON-safe, for props and API answers.
export interface EventModeration {
  eventId: string;
  status: "draft" | "published" | "cancelled" | "archived";
  moderationReason: string | null;
  moderatedAt: string | null;
  appealNote: string | null;
  appealedAt: string | null;
}

/** The event columns toEventModeration reads. */
export const eventModerationSelect = {
  id: true,
  status: true,
  moderationReason: true,
  moderatedAt: true,
  appealNote: true,
  appealedAt: true,
} as const;

export function toEventModeration(row: {
  id: string;
  status: EventModeration["status"];
  moderationReason: string | null;
  moderatedAt: Date | null;
  appealNote: string | null;
  appealedAt: Date | null;
}): EventModeration {
  return {
    eventId: row.id,
    status: row.status,
    moderationReason: row.moderationReason,
    moderatedAt: row.moderatedAt?.toISOString() ?? null,
    appealNote: row.appealNote,
    appealedAt: row.appealedAt?.toISOString() ?? null,
  };
}
