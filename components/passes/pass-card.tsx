import { passStyles as styles } from "@/components/passes/pass-styles";
import { ticketQrCodePath, type OrderSummaryTicket } from "@/lib/orders/order-summary";
import { cx, ui } from "@/components/ui/styles";

/**
 * One pass: the QR code (from the qrcode route, with the buyer's token), tier, holder, event time and the
 * short code the box office can look up. Refunded, void, transferred and disputed tickets show no QR code;
 * a transferred one says who has it now. `children`: the actions under a pass (rename, transfer).
 */
export function PassCard({
  ticket,
  token,
  index,
  count,
  eventTime,
  children,
}: {
  ticket: OrderSummaryTicket;
  token: string;
  index: number;
  count: number;
  eventTime: string;
  children?: React.ReactNode;
}) {
  const invalid = ticket.status !== "valid";
  const review = !invalid && ticket.disputed;
  const className = cx(styles.pass, invalid && styles.invalid, review && styles.review);
  return (
    <article className={className} aria-label={`Ticket ${index + 1} of ${count}`} data-testid="pass">
      {invalid ? (
        <div className={styles.qrPlaceholder} data-qr-placeholder role="status">
          {ticket.status === "transferred"
            ? `Transferred to ${ticket.transferredTo ?? "someone else"}`
            : ticket.status === "void"
              ? "Void — not valid"
              : "Refunded — not valid"}
        </div>
      ) : review ? (
        <div className={styles.qrPlaceholder} data-qr-placeholder role="status">
          Under review — see box office
        </div>
      ) : (
        // eslint-disable-next-line @next/next/no-img-element
        <img
          className={styles.qr}
          src={ticketQrCodePath(ticket.id, token)}
          alt={`QR code for ticket ${ticket.shortCode}`}
          width={392}
          height={392}
          decoding="async"
        />
      )}
      <strong>{ticket.tierName}</strong>
      {ticket.holderName ? <span>{ticket.holderName}</span> : null}
      <span className={ui.small}>{eventTime}</span>
      <span className={ui.hint}>
        Ticket {index + 1} of {count} · box office code{" "}
        <span className={styles.code}>{ticket.shortCode}</span>
      </span>
      {children}
    </article>
  );
}
