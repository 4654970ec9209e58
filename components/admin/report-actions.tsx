"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { EventModerationActions } from "@/components/admin/event-moderation-actions";
import { apiFetch, problemText } from "@/components/ui/api-client";
import { useToast } from "@/components/ui/toast";
import { buttonClass, ui } from "@/components/ui/styles";

/** An open report's actions: dismiss it, or unpublish its event (which closes the event's open reports). */
export function ReportActions({
  reportId,
  event,
}: {
  reportId: string;
  event: { id: string; title: string; status: string; moderatedAt: string | null };
}) {
  const router = useRouter();
  const toast = useToast();
  const dismiss = useMutation({
    mutationFn: () =>
      apiFetch(`/api/tickets/admin/reports/${encodeURIComponent(reportId)}/dismiss`, { method: "POST" }),
    onSuccess: () => {
      toast({ title: "Report dismissed" });
      router.refresh();
    },
    onError: (error) => toast({ title: problemText(error, "Could not dismiss."), tone: "error" }),
  });
  return (
    <div className={ui.row}>
      <button
        type="button"
        className={buttonClass({ variant: "ghost", size: "sm" })}
        disabled={dismiss.isPending}
        onClick={() => dismiss.mutate()}
      >
        Dismiss
      </button>
      {event.moderatedAt ? null : <EventModerationActions event={event} />}
    </div>
  );
}
