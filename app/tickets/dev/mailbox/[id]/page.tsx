import Link from "next/link";
import { notFound } from "next/navigation";
import { isAppError } from "@/lib/errors";
import { isDevMailboxEnabled } from "@/lib/email/assert-dev-mailbox-enabled";
import { getMailboxMessage } from "@/lib/email/get-mailbox-message";
import { rewriteCidReferences } from "@/lib/email/rewrite-cid-references";
import { badgeClass, cx, ui } from "@/components/ui/styles";

export const dynamic = "force-dynamic";
export const metadata = { title: "Dev mailbox message", robots: { index: false } };

const STATUS_BADGE = { sent: "ok", queued: "warn", failed: "bad" } as const;

async function loadMessage(id: string) {
  try {
    return await getMailboxMessage(id);
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  }
}

export default async function DevMailboxMessagePage({ params }: { params: Promise<{ id: string }> }) {
  if (!isDevMailboxEnabled()) notFound();
  const { id } = await params;
  const message = await loadMessage(id);
  const attachmentUrl = (index: number) =>
    `/api/tickets/dev/mailbox/${encodeURIComponent(message.id)}/attachments/${index}`;
  const html = rewriteCidReferences(message.html, message.attachments, attachmentUrl);

  return (
    <main className={ui.page}>
      <p className={ui.small}>
        <Link href="/tickets/dev/mailbox">← Mailbox</Link>
      </p>
      <h1>{message.subject}</h1>
      <div className={ui.card}>
        <table className={ui.table}>
          <tbody>
            <tr>
              <th>From</th>
              <td>{message.fromAddress}</td>
            </tr>
            <tr>
              <th>To</th>
              <td>{message.toAddress}</td>
            </tr>
            <tr>
              <th>Template</th>
              <td>{message.template}</td>
            </tr>
            <tr>
              <th>Status</th>
              <td>
                <span className={badgeClass(STATUS_BADGE[message.status])}>{message.status}</span>{" "}
                <span className={ui.hint}>
                  {message.provider ? `via ${message.provider}` : null}
                  {message.sentAt ? ` at ${message.sentAt.toISOString()}` : null}
                </span>
              </td>
            </tr>
            <tr>
              <th>Attempts</th>
              <td>{message.attempts}</td>
            </tr>
            <tr>
              <th>Last error</th>
              <td className={ui.small}>{message.lastError ?? "—"}</td>
            </tr>
            <tr>
              <th>Queued</th>
              <td className={ui.small}>{message.createdAt.toISOString()}</td>
            </tr>
          </tbody>
        </table>
      </div>

      <section className={ui.stack}>
        <h2>HTML</h2>
        {/* No scripts and no same-origin access; links may open in a new tab. */}
        <iframe
          title="Email HTML preview"
          srcDoc={html}
          sandbox="allow-popups allow-popups-to-escape-sandbox"
          className="h-160 w-full rounded-card border border-line bg-white"
        />
      </section>

      <section className={ui.stack}>
        <h2>Plain text</h2>
        <pre className={cx(ui.card, ui.small, "whitespace-pre-wrap [overflow-wrap:anywhere]")}>
          {message.text}
        </pre>
      </section>

      <section className={ui.stack}>
        <h2>Attachments</h2>
        {message.attachments.length === 0 ? (
          <p className={ui.muted}>None.</p>
        ) : (
          <ul>
            {message.attachments.map((a, index) => (
              <li key={`${index}-${a.filename}`}>
                <a href={attachmentUrl(index)} download={a.filename}>
                  {a.filename}
                </a>{" "}
                <span className={ui.hint}>
                  {a.contentType}
                  {a.cid ? ` · inline (cid:${a.cid})` : ""}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}
