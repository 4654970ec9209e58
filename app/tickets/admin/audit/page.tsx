import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { TableFrame } from "@/components/ui/table-frame";
import { buttonClass, cx, ui } from "@/components/ui/styles";
import { auditActionLabel } from "@/lib/audit/audit-labels";
import { listAuditEntries } from "@/lib/audit/list-audit-entries";
import { requireAdminPage } from "@/lib/auth/require-page";
import { isAppError } from "@/lib/errors";
import { formatInZone } from "@/lib/events/zoned-time";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Audit log" };

const FILTERS = [
  {
    name: "actor",
    label: "Actor",
    hint: "email, user id, or admin / user / stripe / system / buyer / device",
  },
  { name: "action", label: "Action", hint: "a prefix, e.g. tickets.order." },
  { name: "entityType", label: "Target type", hint: "order, event, ticket, organizer…" },
  { name: "entityId", label: "Target id", hint: "" },
  { name: "from", label: "From (UTC day)", hint: "", type: "date" },
  { name: "to", label: "To (UTC day)", hint: "", type: "date" },
] as const;

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;

export default async function AdminAuditPage({ searchParams }: { searchParams: SearchParams }) {
  await requireAdminPage();
  const raw = await searchParams;
  const values = Object.fromEntries(
    FILTERS.flatMap((f) => {
      const value = first(raw[f.name]);
      return value ? [[f.name, value]] : [];
    }),
  ) as Record<string, string>;
  const result = await listAuditEntries({ ...values, cursor: first(raw.cursor) }).then(
    (page) => ({ page, error: null }),
    (error: unknown) => {
      if (!isAppError(error) || error.code !== "validation") throw error;
      return { page: null, error: error.message };
    },
  );
  const keep = new URLSearchParams(values);
  return (
    <main className={ui.page}>
      <h1>Audit log</h1>
      <form className={cx(ui.card, ui.grid, "items-end")} method="get" aria-label="Filter the audit log">
        {FILTERS.map((f) => (
          <div key={f.name} className={ui.field}>
            <label htmlFor={`audit-${f.name}`}>{f.label}</label>
            <input
              id={`audit-${f.name}`}
              name={f.name}
              type={"type" in f ? f.type : "text"}
              defaultValue={values[f.name] ?? ""}
            />
            {f.hint ? <p className={ui.hint}>{f.hint}</p> : null}
          </div>
        ))}
        <div className={ui.row}>
          <button type="submit" className={buttonClass()}>
            Filter
          </button>
          <Link href="/tickets/admin/audit">Clear</Link>
        </div>
      </form>
      {result.error ? <Alert tone="error">{result.error}</Alert> : null}
      {result.page && result.page.entries.length === 0 ? <EmptyState title="No entries match." /> : null}
      {result.page && result.page.entries.length > 0 ? (
        <TableFrame label="Audit entries">
          <table className={ui.table} aria-label="Audit entries">
            <thead>
              <tr>
                <th>When (UTC)</th>
                <th>Actor</th>
                <th>Action</th>
                <th>Target</th>
                <th>Data</th>
              </tr>
            </thead>
            <tbody>
              {result.page.entries.map((entry) => (
                <tr key={entry.id} data-testid="audit-entry">
                  <td className={cx(ui.small, "whitespace-nowrap")}>
                    <time dateTime={entry.createdAt}>{formatInZone(entry.createdAt, "UTC")}</time>
                  </td>
                  <td className={ui.small}>
                    {entry.actor?.email ?? "—"}
                    <div className={ui.hint}>{entry.actorType}</div>
                  </td>
                  <td className={ui.small}>
                    <code>{entry.action}</code>
                    <div className={ui.hint}>{auditActionLabel(entry.action)}</div>
                  </td>
                  <td className={ui.small}>
                    {entry.entityType} <code className="break-all">{entry.entityId}</code>
                    {entry.organizer ? <div className={ui.hint}>{entry.organizer.name}</div> : null}
                  </td>
                  <td>
                    <pre className="m-0 max-w-sm overflow-x-auto text-xs whitespace-pre-wrap">
                      {JSON.stringify(entry.data, null, 2)}
                    </pre>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableFrame>
      ) : null}
      <nav aria-label="Audit log pages" className={cx(ui.row, "justify-between")}>
        {raw.cursor ? (
          <Link href={`/tickets/admin/audit${keep.size > 0 ? `?${keep}` : ""}`}>← Newest</Link>
        ) : (
          <span />
        )}
        {result.page?.nextCursor ? (
          <Link
            href={`/tickets/admin/audit?${new URLSearchParams([...keep, ["cursor", result.page.nextCursor]])}`}
          >
            Older →
          </Link>
        ) : null}
      </nav>
    </main>
  );
}
