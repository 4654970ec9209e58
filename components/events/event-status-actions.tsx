"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { EventStatusBadge } from "@/components/events/event-status-badge";
import { ApiError, apiFetch } from "@/components/ui/api-client";
import { useOptimisticCache } from "@/components/ui/optimistic-cache";
import type { EventStatus } from "@/lib/events/event-rules";
import type { OrganizerEvent } from "@/lib/events/organizer-event-view";
import { alertClass, buttonClass, cx, ui, type ButtonVariant } from "@/components/ui/styles";

type StatusAction = "publish" | "unpublish" | "archive";

const NEXT_STATUS: Record<StatusAction, EventStatus> = {
  publish: "published",
  unpublish: "draft",
  archive: "archived",
};

/** The buttons in order, each with the statuses it is offered in. */
const ACTIONS: {
  action: StatusAction;
  label: string;
  variant: ButtonVariant;
  offered: (s: EventStatus) => boolean;
}[] = [
  { action: "publish", label: "Publish", variant: "primary", offered: (s) => s === "draft" },
  { action: "unpublish", label: "Unpublish", variant: "secondary", offered: (s) => s === "published" },
  { action: "archive", label: "Archive", variant: "secondary", offered: (s) => s !== "archived" },
];

const FIELD_HINTS: Record<string, string> = {
  tiers: "Add a ticket tier below, then publish.",
  endsAt: "Change the end time in the form below, then publish.",
};

/** Status with Publish / Unpublish / Archive; the badge changes at once and rolls back if the server refuses. */
export function EventStatusActions({
  event,
  queryKey,
}: {
  event: OrganizerEvent;
  queryKey: readonly unknown[];
}) {
  const queryClient = useQueryClient();
  const cache = useOptimisticCache<OrganizerEvent>(queryKey);
  const mutation = useMutation({
    mutationFn: (action: StatusAction) =>
      apiFetch<OrganizerEvent>(`/api/tickets/events/${encodeURIComponent(event.id)}/${action}`, {
        method: "POST",
      }),
    onMutate: (action) => cache.apply((previous) => ({ ...previous, status: NEXT_STATUS[action] })),
    onError: (_error, _action, context) => cache.rollback(context),
    onSuccess: (updated) => {
      queryClient.setQueryData(queryKey, updated);
    },
  });

  const error = mutation.error instanceof ApiError ? mutation.error : null;
  const stripeProblem = error !== null && /stripe/i.test(error.problem.detail);
  const hint = error?.problem.errors?.map((e) => FIELD_HINTS[e.field]).find(Boolean);

  return (
    <section className={cx(ui.card, ui.stack)} aria-label="Status">
      <div className={ui.row}>
        <h2>Status</h2>
        <EventStatusBadge status={event.status} />
        {event.status === "published" && !mutation.isPending ? (
          <Link href={`/tickets/e/${event.slug}`}>View public page</Link>
        ) : null}
        <Link href={`/tickets/organizer/events/${event.id}/checkin`}>Check-in and scanners</Link>
      </div>
      {mutation.isError ? (
        <div className={alertClass("error")} role="alert">
          <p>
            {error?.problem.detail ?? "Could not change the status. Check your connection and try again."}
          </p>
          {hint ? <p>{hint}</p> : null}
          {stripeProblem ? (
            <p>
              <Link href="/tickets/organizer/payments">Set up payments with Stripe →</Link>
            </p>
          ) : null}
        </div>
      ) : null}
      <div className={ui.row}>
        {ACTIONS.filter(({ offered }) => offered(event.status)).map(({ action, label, variant }) => (
          <button
            key={action}
            type="button"
            className={buttonClass({ variant })}
            disabled={mutation.isPending}
            onClick={() => mutation.mutate(action)}
          >
            {label}
          </button>
        ))}
      </div>
      <p className={ui.hint}>
        {event.status === "draft"
          ? "Only you and your team can see a draft. Publishing needs at least one ticket tier."
          : event.status === "published"
            ? "On sale. Unpublishing hides the event page and stops sales; tickets sold stay valid."
            : event.status === "archived"
              ? "Archived events are kept for your records and can no longer be changed."
              : "This event was cancelled."}
        {event.status === "draft" || event.status === "published" ? " Archiving is final." : null}
      </p>
    </section>
  );
}
