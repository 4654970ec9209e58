import Link from "next/link";
import { notFound } from "next/navigation";
import { isDevMailboxEnabled } from "@/lib/email/assert-dev-mailbox-enabled";
import { findMailboxMessages } from "@/lib/email/find-mailbox-messages";
import { badgeClass, buttonClass, cx, ui } from "@/components/ui/styles";

export const dynamic = "force-dynamic";
export const metadata = { title: "Dev mailbox", robots: { index: false } };

const STATUS_BADGE = { sent: "ok", queued: "warn", failed: "bad" } as const;

export default async function DevMailboxPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  if (!isDevMailboxEnabled()) notFound();
  const { to: rawTo } = await searchParams;
  const to = typeof rawTo === "string" && rawTo.trim() !== "" ? rawTo.trim() : undefined;
  const messages = await findMailboxMessages({ to });

  return (
    <main className={ui.page}>
      <h1>Dev mailbox</h1>
      <p className={ui.hint}>
        Every email the app has queued, newest first. Only available in development and test mode
        (DEV_MAILBOX).
      </p>
      <form method="get" className={ui.row}>
        <div className={ui.field}>
          <label htmlFor="to">Recipient</label>
          <input id="to" name="to" type="email" defaultValue={to ?? ""} placeholder="someone@example.com" />
        </div>
        <button type="submit" className={buttonClass({ variant: "secondary" })}>
          Filter
        </button>
        {to ? <Link href="/tickets/dev/mailbox">Show all</Link> : null}
      </form>
      {messages.length === 0 ? (
        <p className={cx(ui.card, ui.muted)}>No messages{to ? ` for ${to}` : ""} yet.</p>
      ) : (
        <div className={ui.card}>
          <table className={ui.table}>
            <thead>
              <tr>
                <th>To</th>
                <th>Subject</th>
                <th>Template</th>
                <th>Status</th>
                <th>Provider</th>
                <th>Queued</th>
              </tr>
            </thead>
            <tbody>
              {messages.map((m) => (
                <tr key={m.id}>
                  <td>{m.toAddress}</td>
                  <td>
                    <Link href={`/tickets/dev/mailbox/${m.id}`}>{m.subject}</Link>
                  </td>
                  <td className={ui.small}>{m.template}</td>
                  <td>
                    <span className={badgeClass(STATUS_BADGE[m.status])}>{m.status}</span>
                  </td>
                  <td className={ui.small}>{m.provider ?? "—"}</td>
                  <td className={ui.hint}>
                    <time dateTime={m.createdAt.toISOString()}>{m.createdAt.toISOString()}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </main>
  );
}
