"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import QRCode from "qrcode";
import { useId, useState } from "react";
import type { CreateDeviceResponse } from "@/lib/checkin/contract";
import { Alert } from "@/components/ui/alert";
import { ApiError, apiFetch } from "@/components/ui/api-client";
import { buttonClass, cx, ui } from "@/components/ui/styles";
import { formatInZone } from "@/lib/events/zoned-time";

/**
 * Creates a single-use scanner link and shows it as a QR code (to scan with the door phone) and a link. Its
 * expiry is shown in the event's zone (`timeZone`), not the browser's.
 */
export function ScannerLinkForm({ eventId, timeZone }: { eventId: string; timeZone: string }) {
  const queryClient = useQueryClient();
  const nameId = useId();
  const [name, setName] = useState("Door 1");
  const [created, setCreated] = useState<(CreateDeviceResponse & { qr: string }) | null>(null);
  const [error, setError] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: async () => {
      const response = await apiFetch<CreateDeviceResponse>(
        `/api/tickets/events/${encodeURIComponent(eventId)}/devices`,
        { body: { name } },
      );
      const qr = await QRCode.toDataURL(response.provisioningUrl, { margin: 2, width: 280 });
      return { ...response, qr };
    },
    onSuccess: (result) => {
      setCreated(result);
      setError(null);
      void queryClient.invalidateQueries({ queryKey: ["event-checkins", eventId] });
    },
    onError: (e) => setError(e instanceof ApiError ? e.message : "Could not create the scanner link."),
  });

  return (
    <div className={cx(ui.card, ui.stack)}>
      <form
        className={cx(ui.row, "items-end")}
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <div className={cx(ui.field, "min-w-48 flex-1")}>
          <label htmlFor={nameId}>Scanner name</label>
          <input id={nameId} value={name} maxLength={60} required onChange={(e) => setName(e.target.value)} />
        </div>
        <button type="submit" className={buttonClass()} disabled={create.isPending}>
          {create.isPending ? "Creating…" : "Create scanner link"}
        </button>
      </form>
      {error ? <Alert tone="error">{error}</Alert> : null}
      {created ? (
        <div className={ui.stack} aria-live="polite">
          <p>
            Scan this with the door phone for <strong>{created.device.name}</strong>. The link works once and
            expires <time dateTime={created.expiresAt}>{formatInZone(created.expiresAt, timeZone)}</time>.
          </p>
          {/* eslint-disable-next-line @next/next/no-img-element -- a data URL, nothing to optimise */}
          <img
            src={created.qr}
            alt={`Scanner link QR code for ${created.device.name}`}
            width={280}
            height={280}
          />
          <p className={ui.small}>
            <a href={created.provisioningUrl}>{created.provisioningUrl}</a>
          </p>
        </div>
      ) : null}
    </div>
  );
}
