"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ScannerLinkForm } from "@/components/checkin-admin/scanner-link-form";
import type { CheckinScanRow, DeviceSummary, EventCheckinsResponse } from "@/lib/checkin/contract";
import { ApiError, apiFetch } from "@/components/ui/api-client";
import { Alert } from "@/components/ui/alert";
import { DataTable, type Column } from "@/components/ui/data-table";
import { ConfirmDialog } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { badgeClass, buttonClass, cx, ui, type Tone } from "@/components/ui/styles";
import { useToast } from "@/components/ui/toast";
import { formatInZone } from "@/lib/events/zoned-time";

export function checkinsQueryKey(eventId: string) {
  return ["event-checkins", eventId] as const;
}

/** "20:00:05 EST": in the event's zone, named (the same on the server's render and in the browser). */
function timeOf(iso: string | null, timeZone: string): string {
  return iso ? formatInZone(iso, timeZone, { style: "time" }) : "—";
}

function scanLabel(row: CheckinScanRow): string {
  const how = row.manual ? " by hand (lookup)" : "";
  if (row.result === "admitted")
    return row.forced ? `Admitted${how} (flagged: ${row.reason ?? "forced"})` : `Admitted${how}`;
  if (row.result === "duplicate") return `Duplicate${how}`;
  return `Rejected${how}${row.reason ? `: ${row.reason.replace(/_/g, " ")}` : ""}`;
}

const DEVICE_TONES: Record<DeviceSummary["status"], Tone> = {
  active: "ok",
  pending: "warn",
  expired: "neutral",
  revoked: "bad",
};

/** Live check-in progress for one event (polls every 5 s); managers also create and revoke scanner links. */
export function CheckinDashboard({ eventId, canManage }: { eventId: string; canManage: boolean }) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const [error, setError] = useState<string | null>(null);
  const query = useQuery({
    queryKey: checkinsQueryKey(eventId),
    queryFn: () =>
      apiFetch<EventCheckinsResponse>(`/api/tickets/events/${encodeURIComponent(eventId)}/checkins`),
    refetchInterval: 5_000,
    refetchIntervalInBackground: false,
  });
  const revoke = useMutation({
    mutationFn: (device: DeviceSummary) =>
      apiFetch<void>(`/api/tickets/devices/${encodeURIComponent(device.id)}`, { method: "DELETE" }),
    onSuccess: (_, device) => {
      toast({ title: `${device.name} revoked`, description: "It stops scanning at its next sync." });
      return queryClient.invalidateQueries({ queryKey: checkinsQueryKey(eventId) });
    },
    onError: (e) => setError(e instanceof ApiError ? e.message : "Could not revoke the device."),
  });

  if (query.isPending) return <Skeleton rows={6} label="Loading check-in…" />;
  if (query.isError) {
    return (
      <Alert tone="error">
        {query.error instanceof ApiError ? query.error.message : "Could not load check-in."}
      </Alert>
    );
  }
  const data = query.data;
  const tz = data.event.timezone;
  const percent = data.totals.valid > 0 ? Math.round((data.totals.admitted / data.totals.valid) * 100) : 0;

  const deviceColumns: Column<DeviceSummary>[] = [
    { id: "name", header: "Name", cell: (d) => d.name, sortValue: (d) => d.name },
    {
      id: "status",
      header: "Status",
      cell: (d) => <span className={badgeClass(DEVICE_TONES[d.status])}>{d.status}</span>,
      sortValue: (d) => d.status,
    },
    {
      id: "lastSeen",
      header: "Last seen",
      cell: (d) => timeOf(d.lastSeenAt, tz),
      sortValue: (d) => d.lastSeenAt ?? "",
    },
    {
      id: "scans",
      header: "Scans",
      cell: (d) =>
        `${d.scans.admitted} admitted, ${d.scans.duplicate} duplicate, ${d.scans.rejected} rejected`,
      sortValue: (d) => d.scans.admitted,
    },
  ];
  if (canManage)
    deviceColumns.push({
      id: "actions",
      header: "Actions",
      cell: (d) =>
        d.status !== "revoked" ? (
          <ConfirmDialog
            title={`Revoke ${d.name}?`}
            description="It stops working at its next sync; scans it already made are kept."
            confirmLabel="Revoke device"
            onConfirm={() => {
              setError(null);
              revoke.mutate(d);
            }}
            trigger={
              <button
                type="button"
                className={buttonClass({ variant: "secondary", size: "sm" })}
                disabled={revoke.isPending}
              >
                Revoke
              </button>
            }
          />
        ) : null,
    });

  const scanColumns: Column<CheckinScanRow>[] = [
    { id: "time", header: "Time", cell: (r) => timeOf(r.scannedAt, tz), sortValue: (r) => r.scannedAt },
    {
      id: "holder",
      header: "Holder",
      cell: (r) => r.holderName ?? "—",
      sortValue: (r) => r.holderName ?? "",
    },
    { id: "tier", header: "Tier", cell: (r) => r.tierName ?? "—", sortValue: (r) => r.tierName ?? "" },
    { id: "result", header: "Result", cell: (r) => scanLabel(r), sortValue: (r) => r.result },
    {
      id: "device",
      header: "Device",
      cell: (r) => r.deviceName ?? "—",
      sortValue: (r) => r.deviceName ?? "",
    },
  ];

  return (
    <div className={ui.stack}>
      <section aria-labelledby="progress-heading" className={cx(ui.card, ui.stack)}>
        <h2 id="progress-heading">
          {data.totals.admitted} of {data.totals.valid} checked in ({percent}%)
        </h2>
        <ul className="m-0 grid list-none gap-3 p-0">
          {data.tiers.map((t) => (
            <li key={t.id} className="grid gap-1">
              <div className="flex justify-between gap-3 text-sm">
                <span className="font-semibold">{t.name}</span>
                <span className="tabular-nums">
                  {t.admitted} of {t.valid}
                </span>
              </div>
              <progress
                className="h-2 w-full overflow-hidden rounded-full [&::-webkit-progress-bar]:bg-line [&::-webkit-progress-value]:bg-accent [&::-moz-progress-bar]:bg-accent"
                max={Math.max(t.valid, 1)}
                value={t.admitted}
                aria-label={`${t.name} progress`}
              />
            </li>
          ))}
        </ul>
        <p className={ui.hint}>Updated {timeOf(data.serverTime, tz)}</p>
      </section>

      <section aria-labelledby="devices-heading" className={ui.stack}>
        <h2 id="devices-heading">Scanner devices</h2>
        {canManage ? <ScannerLinkForm eventId={eventId} timeZone={tz} /> : null}
        {error ? <Alert tone="error">{error}</Alert> : null}
        <DataTable
          label="Scanner devices"
          rows={data.devices}
          columns={deviceColumns}
          rowKey={(d) => d.id}
          searchText={data.devices.length > 10 ? (d) => d.name : undefined}
          searchLabel="Search devices"
          empty={
            <EmptyState title="No scanners yet.">
              {canManage ? "Create a scanner link above and open it on the door phone." : null}
            </EmptyState>
          }
        />
      </section>

      <section aria-labelledby="duplicates-heading" className={ui.stack}>
        <h2 id="duplicates-heading">Duplicates ({data.duplicates.length})</h2>
        {data.duplicates.length === 0 ? (
          <EmptyState title="No duplicate scans." />
        ) : (
          <ul className={cx(ui.card, "m-0 flex list-none flex-col gap-2")}>
            {data.duplicates.map((d) => (
              <li key={d.id}>
                {d.holderName ?? "Unknown holder"} ({d.tierName ?? "?"}): {timeOf(d.scannedAt, tz)} on{" "}
                {d.deviceName ?? "a removed device"}
                {d.forced ? " (let in offline)" : ""}
                {d.firstAdmission
                  ? `; first admitted ${timeOf(d.firstAdmission.scannedAt, tz)} on ${d.firstAdmission.deviceName ?? "a removed device"}`
                  : ""}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="recent-heading" className={ui.stack}>
        <h2 id="recent-heading">Recent scans</h2>
        <DataTable
          label="Recent scans"
          rows={data.recentScans}
          columns={scanColumns}
          rowKey={(r) => r.id}
          searchText={(r) => `${r.holderName ?? ""} ${r.tierName ?? ""} ${r.deviceName ?? ""}`}
          searchLabel="Search scans"
          pageSize={20}
          empty={<EmptyState title="No scans yet.">Scans appear here within seconds of the door.</EmptyState>}
        />
      </section>
    </div>
  );
}
