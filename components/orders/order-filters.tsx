import Link from "next/link";
import type { OrderListFormValues } from "@/components/orders/order-list-url";
import { ORDER_STATUS_LABELS } from "@/components/orders/order-status-badge";
import { alertClass, buttonClass, cx, ui } from "@/components/ui/styles";
import type { OrderFilterOptions } from "@/lib/refunds/list-order-filter-options";
import { ORDER_LIST_STATUSES } from "@/lib/refunds/order-list-query";

/** The statuses the select offers: one at a time, or the unfinished checkouts together. */
const STATUS_OPTIONS: { value: string; label: string }[] = [
  ...ORDER_LIST_STATUSES.map((status) => ({ value: status, label: ORDER_STATUS_LABELS[status] })),
  { value: "pending,expired", label: "Unfinished checkouts (pending or expired)" },
];

const FIELD_LABELS: Record<string, string> = {
  q: "Search",
  status: "Status",
  eventId: "Event",
  tierId: "Ticket type",
  from: "Placed from",
  to: "Placed to",
  cursor: "The page link",
  limit: "Page size",
};

/** "Placed to must be after from": the refused field by its label ("status.1" is the status field). */
function describeError(error: { field: string; message: string }): string {
  const field = error.field.split(".")[0] ?? error.field;
  return `${FIELD_LABELS[field] ?? field} ${error.message}.`;
}

/**
 * Search and filters as a plain GET form: works without JavaScript, and every value stays in the URL (a
 * search can be bookmarked or shared). Submitting starts again at the first page.
 */
export function OrderFilters({
  values,
  options,
  timeZone,
  error,
}: {
  values: OrderListFormValues;
  options: OrderFilterOptions;
  /** The zone the from/to days are read in (the chosen event's, else the organizer's). */
  timeZone: string;
  /** A field the server refused, with why. */
  error: { field: string; message: string } | null;
}) {
  const invalid = (field: string) => (error?.field.split(".")[0] === field ? true : undefined);
  const errorId = "order-filter-error";
  return (
    <form
      method="get"
      action="/tickets/organizer/orders"
      className={cx(ui.card, ui.stack)}
      aria-label="Search orders"
    >
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <div className={cx(ui.field, "sm:col-span-2 lg:col-span-3")}>
          <label htmlFor="order-q">Search</label>
          <input
            id="order-q"
            type="search"
            name="q"
            defaultValue={values.q ?? ""}
            maxLength={200}
            placeholder="Name, email or order reference"
            aria-invalid={invalid("q")}
            aria-describedby={invalid("q") ? errorId : undefined}
          />
        </div>
        <div className={ui.field}>
          <label htmlFor="order-status">Status</label>
          <select id="order-status" name="status" defaultValue={values.status ?? ""}>
            <option value="">All orders</option>
            {STATUS_OPTIONS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <div className={ui.field}>
          <label htmlFor="order-event">Event</label>
          <select id="order-event" name="eventId" defaultValue={values.eventId ?? ""}>
            <option value="">All events</option>
            {options.events.map((e) => (
              <option key={e.id} value={e.id}>
                {e.title}
              </option>
            ))}
          </select>
        </div>
        <div className={ui.field}>
          <label htmlFor="order-tier">Ticket type</label>
          <select id="order-tier" name="tierId" defaultValue={values.tierId ?? ""}>
            <option value="">All ticket types</option>
            {options.events
              .filter((e) => e.tiers.length > 0)
              .map((e) => (
                <optgroup key={e.id} label={e.title}>
                  {e.tiers.map((t) => (
                    <option key={t.id} value={t.id}>
                      {t.name}
                    </option>
                  ))}
                </optgroup>
              ))}
          </select>
        </div>
        <div className={ui.field}>
          <label htmlFor="order-from">Placed from</label>
          <input
            id="order-from"
            type="date"
            name="from"
            defaultValue={values.from ?? ""}
            aria-invalid={invalid("from")}
            aria-describedby={`order-dates-zone${invalid("from") ? ` ${errorId}` : ""}`}
          />
        </div>
        <div className={ui.field}>
          <label htmlFor="order-to">Placed to</label>
          <input
            id="order-to"
            type="date"
            name="to"
            defaultValue={values.to ?? ""}
            aria-invalid={invalid("to")}
            aria-describedby={`order-dates-zone${invalid("to") ? ` ${errorId}` : ""}`}
          />
        </div>
      </div>
      <p id="order-dates-zone" className={ui.hint}>
        Days run midnight to midnight in {timeZone}
        {values.eventId ? " (the event's time zone)" : " (your organization's time zone)"}.
      </p>
      {values.limit ? <input type="hidden" name="limit" value={values.limit} /> : null}
      {error ? (
        <p id={errorId} className={alertClass("error")} role="alert">
          {describeError(error)}
        </p>
      ) : null}
      <div className={ui.row}>
        <button type="submit" className={buttonClass()}>
          Search
        </button>
        <Link className={buttonClass({ variant: "ghost" })} href="/tickets/organizer/orders">
          Clear filters
        </Link>
      </div>
    </form>
  );
}
