"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { CoverImageUpload } from "@/components/events/cover-image-upload";
import { EventExports } from "@/components/events/event-exports";
import { EventForm, eventValues } from "@/components/events/event-form";
import { EventStatusActions } from "@/components/events/event-status-actions";
import { TransfersToggle } from "@/components/events/transfers-toggle";
import { DiscountManager } from "@/components/discounts/discount-manager";
import { TierManager } from "@/components/tiers/tier-manager";
import { CancelEventPanel } from "@/components/orders/cancel-event-panel";
import { EventSales } from "@/components/reports/event-sales";
import { apiFetch } from "@/components/ui/api-client";
import { Tabs } from "@/components/ui/tabs";
import type { OrganizerEvent } from "@/lib/events/organizer-event-view";
import { ui } from "@/components/ui/styles";

export const organizerEventKey = (id: string) => ["organizer", "event", id] as const;

/**
 * The organizer's page for one event: status and publishing on top, then its sections as tabs (details,
 * tickets, discount codes, the public page's image, sales figures, CSV exports, cancellation), each saved
 * on its own.
 */
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
  // The tabs stay mounted; the sales figures poll only while their tab is open.
  const salesOpen = useSearchParams().get("tab") === "sales";

  return (
    <div className={ui.stack}>
      <EventStatusActions event={event} queryKey={queryKey} />
      <Tabs
        label="Event sections"
        tabs={[
          {
            id: "details",
            label: "Details",
            content: (
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
            ),
          },
          {
            id: "tickets",
            label: "Tickets",
            content: (
              <div className={ui.stack}>
                <TransfersToggle event={event} queryKey={queryKey} disabled={frozen} />
                <TierManager eventId={event.id} currency={event.currency} />
              </div>
            ),
          },
          {
            id: "discounts",
            label: "Discount codes",
            content: <DiscountManager eventId={event.id} currency={event.currency} />,
          },
          {
            id: "page",
            label: "Event page",
            content: (
              <CoverImageUpload
                eventId={event.id}
                coverImageUrl={event.coverImageUrl}
                disabled={frozen}
                onUploaded={(url) => {
                  const current = queryClient.getQueryData<OrganizerEvent>(queryKey);
                  if (current)
                    queryClient.setQueryData<OrganizerEvent>(queryKey, { ...current, coverImageUrl: url });
                }}
              />
            ),
          },
          { id: "sales", label: "Sales", content: <EventSales eventId={event.id} active={salesOpen} /> },
          { id: "exports", label: "Exports", content: <EventExports eventId={event.id} /> },
          ...(event.status === "published" || event.status === "cancelled"
            ? [{ id: "cancel", label: "Cancel event", content: <CancelEventPanel eventId={event.id} /> }]
            : []),
        ]}
      />
    </div>
  );
}
