"use client";

import { useId, useState } from "react";
import { buttonClass, cx, ui } from "@/components/ui/styles";
import type { ExportKind } from "@/lib/exports/export-rows";

const EXPORTS: { kind: ExportKind; label: string; description: string }[] = [
  {
    kind: "orders",
    label: "Orders",
    description:
      "One row per completed order: reference, buyer, items, subtotal, discount, fee, tax, total, refunds and whether it was sold online or a comp.",
  },
  {
    kind: "attendees",
    label: "Attendees",
    description:
      "One row per ticket: holder, tier, status (refunded tickets included), the order and buyer, and when it was checked in.",
  },
  {
    kind: "emails",
    label: "Buyer emails",
    description:
      "One row per buyer address with their orders, tickets and first order. Marketing consent is not collected yet, so check before you send promotions.",
  },
  {
    kind: "scans",
    label: "Scans",
    description:
      "Every check-in scan: time, ticket, result and reason, device, and whether it was made offline.",
  },
];

/** The download link of one export; `bom` starts the file with a byte-order mark so Excel reads UTF-8. */
export function exportHref(eventId: string, kind: ExportKind, bom: boolean): string {
  return `/api/tickets/events/${encodeURIComponent(eventId)}/export.csv?kind=${kind}${bom ? "&bom=1" : ""}`;
}

/**
 * The event's CSV downloads (plain links: the browser saves the streamed file), with an option for Excel.
 * Times are in the event's time zone; text that looks like a formula is prefixed with a quote.
 */
export function EventExports({ eventId }: { eventId: string }) {
  const [bom, setBom] = useState(false);
  const bomId = useId();
  return (
    <section className={cx(ui.card, ui.stack)} aria-labelledby={`${bomId}-title`}>
      <h2 id={`${bomId}-title`}>Exports</h2>
      <p className={ui.hint}>
        CSV files (UTF-8), with times in the event&apos;s time zone. Large events download as they are read,
        so the file may take a moment to finish.
      </p>
      <div className={ui.field}>
        <div className={ui.row}>
          <input id={bomId} type="checkbox" checked={bom} onChange={(e) => setBom(e.target.checked)} />
          <label htmlFor={bomId}>Excel (BOM)</label>
        </div>
        <p className={ui.hint}>
          Tick this if accents or non-Latin names look garbled when Excel opens the file.
        </p>
      </div>
      <ul className={ui.stack}>
        {EXPORTS.map((item) => (
          <li key={item.kind} className="flex flex-col gap-1.5 sm:flex-row sm:items-start sm:gap-4">
            <a
              className={buttonClass({ variant: "secondary", size: "sm" }, "shrink-0 sm:w-40")}
              href={exportHref(eventId, item.kind, bom)}
              download
            >
              {item.label} CSV
            </a>
            <p className={ui.small}>{item.description}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
