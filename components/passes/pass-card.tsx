import { passStyles as styles } from "@/components/passes/pass-styles";
import { ticketDownloadPaths, ticketQrCodePath, type OrderSummaryTicket } from "@/lib/orders/order-summary";
import { buttonClass, cx, ui } from "@/components/ui/styles";

/** Which wallet passes the platform signs (lib/wallet/wallet-config: walletOptions). */
export interface PassWallets {
  apple: boolean;
  google: boolean;
}

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

/** One valid pass's downloads on the order's passes page: its PDF page and, where configured, its wallet passes. */
export function TicketDownloads({
  orderId,
  ticket,
  token,
  wallet,
}: {
  orderId: string;
  ticket: OrderSummaryTicket;
  token: string;
  wallet: PassWallets;
}) {
  const paths = ticketDownloadPaths(orderId, ticket.id, token);
  const button = buttonClass({ variant: "secondary", size: "sm" });
  const label = `ticket ${ticket.shortCode}`;
  return (
    <div className={ui.row}>
      <a className={button} href={paths.pdf} download aria-label={`PDF of ${label}`}>
        PDF
      </a>
      {wallet.apple ? (
        <a className={button} href={paths.appleWallet} aria-label={`Add ${label} to Apple Wallet`}>
          Add to Apple Wallet
        </a>
      ) : null}
      {wallet.google ? (
        <a
          className={button}
          href={paths.googleWallet}
          target="_blank"
          rel="noopener noreferrer"
          aria-label={`Save ${label} to Google Wallet`}
        >
          Save to Google Wallet
        </a>
      ) : null}
    </div>
  );
}
