"use client";

import { useRouter } from "next/navigation";
import { ReasonDialog } from "@/components/admin/reason-dialog";
import { apiFetch } from "@/components/ui/api-client";
import { DataTable, type Column } from "@/components/ui/data-table";
import { ConfirmDialog } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { useToast } from "@/components/ui/toast";
import { badgeClass, buttonClass, cx, ui } from "@/components/ui/styles";
import type { PlatformOrganizerRow } from "@/lib/organizers/list-platform-organizers";

const path = (id: string, action: "suspend" | "resume") =>
  `/api/tickets/admin/organizers/${encodeURIComponent(id)}/${action}`;

function StripeCell({ stripe }: { stripe: PlatformOrganizerRow["stripe"] }) {
  if (!stripe.accountId) return <span className={badgeClass("neutral")}>Not connected</span>;
  const flag = (on: boolean, label: string) => (
    <span className={badgeClass(on ? "ok" : "warn")}>
      {label} {on ? "✓" : "✗"}
    </span>
  );
  return (
    <div className="flex flex-wrap gap-1">
      <span className={badgeClass("neutral")}>
        {stripe.kind ?? "express"}
        {stripe.testMode ? " · test" : ""}
      </span>
      {flag(stripe.chargesEnabled, "Charges")}
      {flag(stripe.payoutsEnabled, "Payouts")}
      {flag(stripe.detailsSubmitted, "Details")}
    </div>
  );
}

/** Every organizer, with suspend (reason required) and resume; the page reloads its data after each. */
export function OrganizerAdminTable({ organizers }: { organizers: PlatformOrganizerRow[] }) {
  const router = useRouter();
  const toast = useToast();
  const columns: Column<PlatformOrganizerRow>[] = [
    {
      id: "name",
      header: "Organizer",
      sortValue: (o) => o.name.toLowerCase(),
      cell: (o) => (
        <div>
          <strong>{o.name}</strong>
          <div className={ui.hint}>{o.contactEmail}</div>
        </div>
      ),
    },
    { id: "stripe", header: "Stripe", cell: (o) => <StripeCell stripe={o.stripe} /> },
    {
      id: "events",
      header: "Events",
      numeric: true,
      sortValue: (o) => o.events.total,
      cell: (o) => (
        <span>
          {o.events.total}
          <div className={ui.hint}>{o.events.published} published</div>
        </span>
      ),
    },
    {
      id: "status",
      header: "Status",
      sortValue: (o) => o.status,
      cell: (o) =>
        o.status === "suspended" ? (
          <div className={ui.stack}>
            <span className={badgeClass("bad")} data-testid="organizer-status">
              Suspended
            </span>
            <span className={cx(ui.hint, "max-w-xs")}>{o.suspensionReason}</span>
          </div>
        ) : (
          <span className={badgeClass("ok")} data-testid="organizer-status">
            Active
          </span>
        ),
    },
    {
      id: "actions",
      header: "Actions",
      cell: (o) =>
        o.status === "suspended" ? (
          <ConfirmDialog
            title={`Resume ${o.name}?`}
            description="Sales and publishing are allowed again; the banner in their portal goes away."
            confirmLabel="Resume"
            variant="primary"
            trigger={
              <button type="button" className={buttonClass({ variant: "secondary", size: "sm" })}>
                Resume
              </button>
            }
            onConfirm={() => {
              apiFetch(path(o.id, "resume"), { method: "POST" }).then(
                () => {
                  toast({ title: `${o.name} resumed` });
                  router.refresh();
                },
                () => toast({ title: `Could not resume ${o.name}`, tone: "error" }),
              );
            }}
          />
        ) : (
          <ReasonDialog
            title={`Suspend ${o.name}?`}
            description="Their events stop selling and they cannot publish until you resume them. Tickets already sold stay valid."
            triggerLabel="Suspend"
            confirmLabel="Suspend"
            send={(reason) => apiFetch(path(o.id, "suspend"), { body: { reason } })}
            onDone={() => {
              toast({ title: `${o.name} suspended` });
              router.refresh();
            }}
          />
        ),
    },
  ];
  return (
    <DataTable
      label="Organizers"
      rows={organizers}
      columns={columns}
      rowKey={(o) => o.id}
      searchText={(o) => `${o.name} ${o.slug} ${o.contactEmail}`}
      searchLabel="Search organizers"
      empty={<EmptyState title="No organizers yet." />}
    />
  );
}
