"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ScannerLinkForm } from "@/components/checkin-admin/scanner-link-form";
import type { CheckinScanRow, DeviceSummary, EventCheckinsResponse } from "@/lib/checkin/contract";
import { ApiError, apiFetch } from "@/components/ui/api-client";

export function checkinsQueryKey(eventId: string) {
  return ["event-checkins", eventId] as const;
}

function timeOf(iso: string | null, timeZone: string): string {
  if (!iso) return "—";
  return new Intl.DateTimeFormat("en-CA", {
    timeZone,
    hour: "numeric",
    minute: "2-digit",
    second: "2-digit",
  }).format(new Date(iso));
}

function scanLabel(row: CheckinScanRow): string {
  const how = row.manual ? " by hand (lookup)" : "";
  if (row.result === "admitted")
    return row.forced ? `Admitted${how} (flagged: ${row.reason ?? "forced"})` : `Admitted${how}`;
  if (row.result === "duplicate") return `Duplicate${how}`;
  return `Rejected${how}${row.reason ? `: ${row.reason.replace(/_/g, " ")}` : ""}`;
}

/** Live check-in progress for one event (polls every 5 s); managers also create and revoke scanner links. */
export function CheckinDashboard({ eventId, canManage }: { eventId: string; canManage: boolean }) {
  const queryClient = useQueryClient();
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
    onSuccess: () => queryClient.invalidateQueries({ queryKey: checkinsQueryKey(eventId) }),
    onError: (e) => setError(e instanceof ApiError ? e.message : "Could not revoke the device."),
  });

  if (query.isPending) return <p>Loading check-in…</p>;
  if (query.isError) {
    return (
      <p role="alert">{query.error instanceof ApiError ? query.error.message : "Could not load check-in."}</p>
    );
  }
  const data = query.data;
  const tz = data.event.timezone;
  const percent = data.totals.valid > 0 ? Math.round((data.totals.admitted / data.totals.valid) * 100) : 0;

  return (
    <div className="stack">
      <section aria-labelledby="progress-heading" className="stack">
        <h2 id="progress-heading">
          {data.totals.admitted} of {data.totals.valid} checked in ({percent}%)
        </h2>
        <table>
          <thead>
            <tr>
              <th scope="col">Tier</th>
              <th scope="col">Checked in</th>
              <th scope="col">Valid tickets</th>
            </tr>
          </thead>
          <tbody>
            {data.tiers.map((t) => (
              <tr key={t.id}>
                <td>{t.name}</td>
                <td>{t.admitted}</td>
                <td>
                  <progress max={Math.max(t.valid, 1)} value={t.admitted} aria-label={`${t.name} progress`} />{" "}
                  {t.valid}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="small">Updated {timeOf(data.serverTime, tz)}</p>
      </section>

      <section aria-labelledby="devices-heading" className="stack">
        <h2 id="devices-heading">Scanner devices</h2>
        {canManage ? <ScannerLinkForm eventId={eventId} /> : null}
        {error ? <p role="alert">{error}</p> : null}
        {data.devices.length === 0 ? (
          <p>No scanners yet.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Status</th>
                <th scope="col">Last seen</th>
                <th scope="col">Scans</th>
                {canManage ? <th scope="col">Actions</th> : null}
              </tr>
            </thead>
            <tbody>
              {data.devices.map((d) => (
                <tr key={d.id}>
                  <td>{d.name}</td>
                  <td>{d.status}</td>
                  <td>{timeOf(d.lastSeenAt, tz)}</td>
                  <td>
                    {d.scans.admitted} admitted, {d.scans.duplicate} duplicate, {d.scans.rejected} rejected
                  </td>
                  {canManage ? (
                    <td>
                      {d.status !== "revoked" ? (
                        <button
                          type="button"
                          disabled={revoke.isPending}
                          onClick={() => {
                            if (window.confirm(`Revoke ${d.name}? It stops working at its next sync.`)) {
                              setError(null);
                              revoke.mutate(d);
                            }
                          }}
                        >
                          Revoke
                        </button>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="duplicates-heading" className="stack">
        <h2 id="duplicates-heading">Duplicates ({data.duplicates.length})</h2>
        {data.duplicates.length === 0 ? (
          <p>No duplicate scans.</p>
        ) : (
          <ul>
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

      <section aria-labelledby="recent-heading" className="stack">
        <h2 id="recent-heading">Recent scans</h2>
        {data.recentScans.length === 0 ? (
          <p>No scans yet.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Holder</th>
                <th scope="col">Tier</th>
                <th scope="col">Result</th>
                <th scope="col">Device</th>
              </tr>
            </thead>
            <tbody>
              {data.recentScans.map((s) => (
                <tr key={s.id}>
                  <td>{timeOf(s.scannedAt, tz)}</td>
                  <td>{s.holderName ?? "—"}</td>
                  <td>{s.tierName ?? "—"}</td>
                  <td>{scanLabel(s)}</td>
                  <td>{s.deviceName ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
