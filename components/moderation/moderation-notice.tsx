"use client";

import { useMutation } from "@tanstack/react-query";
import { useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { ApiError, apiFetch, problemText } from "@/components/ui/api-client";
import { Field, fieldAria } from "@/components/ui/field";
import { alertClass, buttonClass, cx, ui } from "@/components/ui/styles";
import type { EventModeration } from "@/lib/moderation/event-moderation-view";

/**
 * On the organizer's event page while a platform admin has it unpublished: the admin's reason, and "Ask for
 * review" (after editing the event below) with a note on what changed; once asked, says it is waiting.
 */
export function ModerationNotice({ initial }: { initial: EventModeration }) {
  const id = useId();
  const [moderation, setModeration] = useState(initial);
  const [note, setNote] = useState("");
  const mutation = useMutation({
    mutationFn: () =>
      apiFetch<EventModeration>(`/api/tickets/events/${encodeURIComponent(initial.eventId)}/appeal`, {
        body: { note },
      }),
    onSuccess: setModeration,
  });
  if (!moderation.moderatedAt) return null;
  const noteError =
    mutation.error instanceof ApiError && mutation.error.problem.status === 422
      ? (mutation.error.fieldErrors.note ?? mutation.error.problem.detail)
      : null;
  return (
    <section
      className={cx(alertClass("warn"), ui.stack)}
      aria-label="Unpublished by the platform"
      data-testid="moderation-notice"
    >
      <strong>A platform admin unpublished this event.</strong>
      <p>Reason: {moderation.moderationReason}</p>
      {moderation.appealedAt ? (
        <p role="status">
          You asked for review. An admin will republish the event or tell you what still needs to change.
        </p>
      ) : (
        <form
          className={ui.stack}
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            mutation.mutate();
          }}
        >
          <p>Edit the event below to fix what the reason says, then ask for review.</p>
          {mutation.isError && !noteError ? (
            <Alert tone="error">
              {problemText(mutation.error, "Could not send. Check your connection.")}
            </Alert>
          ) : null}
          <Field id={`${id}-note`} label="What did you change?" error={noteError}>
            <textarea
              {...fieldAria(`${id}-note`, noteError)}
              name="note"
              rows={3}
              maxLength={1000}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
          </Field>
          <div>
            <button type="submit" className={buttonClass()} disabled={mutation.isPending}>
              {mutation.isPending ? "Sending…" : "Ask for review"}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
