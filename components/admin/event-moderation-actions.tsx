"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { ReasonDialog } from "@/components/admin/reason-dialog";
import { apiFetch, problemText } from "@/components/ui/api-client";
import { useToast } from "@/components/ui/toast";
import { buttonClass, ui } from "@/components/ui/styles";

const eventPath = (id: string, action: "moderate" | "appeal-decision") =>
  `/api/tickets/admin/events/${encodeURIComponent(id)}/${action}`;

/**
 * An admin's moderation buttons for one event: "Unpublish" (with a reason) while it is not moderated;
 * "Restore publication" or "Keep down" (with a reason) once it is. The page reloads its data after each.
 */
export function EventModerationActions({
  event,
}: {
  event: { id: string; title: string; status: string; moderatedAt: string | null };
}) {
  const router = useRouter();
  const toast = useToast();
  const restore = useMutation({
    mutationFn: () => apiFetch(eventPath(event.id, "appeal-decision"), { body: { decision: "restore" } }),
    onSuccess: () => {
      toast({ title: `${event.title} is published again` });
      router.refresh();
    },
    onError: (error) => toast({ title: problemText(error, "Could not restore the event."), tone: "error" }),
  });
  if (!event.moderatedAt) {
    if (event.status !== "published" && event.status !== "draft") return null;
    return (
      <ReasonDialog
        title={`Unpublish ${event.title}?`}
        description="The public page and sales stop at once. The organizer sees your reason and can edit the event and ask for review; only an admin can republish it."
        triggerLabel="Unpublish"
        confirmLabel="Unpublish"
        send={(reason) => apiFetch(eventPath(event.id, "moderate"), { body: { reason } })}
        onDone={() => {
          toast({ title: `${event.title} unpublished` });
          router.refresh();
        }}
      />
    );
  }
  return (
    <div className={ui.row}>
      <button
        type="button"
        className={buttonClass({ variant: "primary", size: "sm" })}
        disabled={restore.isPending}
        onClick={() => restore.mutate()}
      >
        {restore.isPending ? "Restoring…" : "Restore publication"}
      </button>
      <ReasonDialog
        title={`Keep ${event.title} unpublished?`}
        description="The organizer sees your reason and can edit the event and ask for review again."
        triggerLabel="Keep down"
        confirmLabel="Keep unpublished"
        send={(reason) =>
          apiFetch(eventPath(event.id, "appeal-decision"), { body: { decision: "keep_down", reason } })
        }
        onDone={() => {
          toast({ title: `${event.title} stays unpublished` });
          router.refresh();
        }}
      />
    </div>
  );
}
