"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { CoverImageUpload } from "@/components/events/cover-image-upload";
import { EventForm, eventValues } from "@/components/events/event-form";
import { EventStatusActions } from "@/components/events/event-status-actions";
import { DiscountManager } from "@/components/discounts/discount-manager";
import { TierManager } from "@/components/tiers/tier-manager";
import { CancelEventPanel } from "@/components/orders/cancel-event-panel";
import { apiFetch } from "@/components/ui/api-client";
import type { OrganizerEvent } from "@/lib/events/organizer-event-view";

export const organizerEventKey = (id: string) => ["organizer", "event", id] as const;

/** The organizer's page for one event: status, cover image, details form, tiers and discount codes. */
export function EventEditor({ initialEvent }: { initialEvent: OrganizerEvent }) {
  const queryClient = useQueryClient();
  const router = useRouter();
  const queryKey = organizerEventKey(initialEvent.id);
  const { data: event } = useQuery({
    queryKey,
    queryFn: () => apiFetch<OrganizerEvent>(`/api/tickets/events/${encodeURIComponent(initialEvent.id)}`),
    initialData: initialEvent,
  });
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      apiFetch<OrganizerEvent>(`/api/tickets/events/${encodeURIComponent(event.id)}`, {
        method: "PATCH",
        body,
      }),
    onMutate: () => setSaved(false),
    onSuccess: (updated) => {
      queryClient.setQueryData(queryKey, updated);
      setSaved(true);
      router.refresh(); // the page heading shows the title
    },
  });
  const frozen = event.status === "archived" || event.status === "cancelled";

  return (
    <div className="stack">
      <EventStatusActions event={event} queryKey={queryKey} />
      <CoverImageUpload
        eventId={event.id}
        coverImageUrl={event.coverImageUrl}
        disabled={frozen}
        onUploaded={(url) => {
          const current = queryClient.getQueryData<OrganizerEvent>(queryKey);
          if (current) queryClient.setQueryData<OrganizerEvent>(queryKey, { ...current, coverImageUrl: url });
        }}
      />
      <section className="stack">
        <h2>Details</h2>
        <EventForm
          formLabel="Event details"
          idPrefix="event"
          initialValues={eventValues(initialEvent)}
          submitLabel="Save changes"
          pendingLabel="Saving…"
          slugLocked={event.status !== "draft"}
          readOnly={frozen}
          isPending={save.isPending}
          error={save.error}
          notice={saved ? "Changes saved." : null}
          onSubmit={(body) => save.mutate(body)}
        />
      </section>
      <TierManager eventId={event.id} currency={event.currency} />
      <DiscountManager eventId={event.id} currency={event.currency} />
      {event.status === "published" || event.status === "cancelled" ? (
        <CancelEventPanel eventId={event.id} />
      ) : null}
    </div>
  );
}
