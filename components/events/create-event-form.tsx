"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { EventForm, emptyEventValues } from "@/components/events/event-form";
import { apiFetch } from "@/components/ui/api-client";
import type { OrganizerEvent } from "@/lib/events/organizer-event-view";

export function CreateEventForm({
  defaultTimezone,
  defaultCurrency,
}: {
  defaultTimezone: string;
  defaultCurrency: string;
}) {
  const router = useRouter();
  const mutation = useMutation({
    mutationFn: (body: Record<string, unknown>) => apiFetch<OrganizerEvent>("/api/tickets/events", { body }),
    onSuccess: (event) => {
      router.push(`/tickets/organizer/events/${event.id}`);
    },
  });
  return (
    <EventForm
      formLabel="New event"
      idPrefix="new-event"
      initialValues={emptyEventValues({ timezone: defaultTimezone, currency: defaultCurrency })}
      submitLabel="Create event"
      pendingLabel="Creating…"
      suggestSlug
      isPending={mutation.isPending || mutation.isSuccess}
      error={mutation.error}
      onSubmit={(body) => mutation.mutate(body)}
    />
  );
}
