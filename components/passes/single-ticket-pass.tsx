"use client";

import { useRouter } from "next/navigation";
import { PassCard } from "@/components/passes/pass-card";
import { passStyles as styles } from "@/components/passes/pass-styles";
import { TicketActions } from "@/components/passes/ticket-actions";
import type { TicketPass } from "@/lib/tickets/get-ticket-pass";
import { ui } from "@/components/ui/styles";

/** One pass with its actions; after a rename or a transfer the page is read again from the server. */
export function SingleTicketPass({ pass, token }: { pass: TicketPass; token: string }) {
  const router = useRouter();
  const { ticket } = pass;
  return (
    <section className={ui.stack} aria-labelledby="pass-heading">
      <h2 id="pass-heading">Your pass</h2>
      {ticket.status === "valid" ? (
        <p className={ui.hint}>
          Show this QR code at the door; it admits one person once. Turn your screen brightness up.
        </p>
      ) : null}
      <div className={styles.passes}>
        <PassCard ticket={ticket} token={token} index={0} count={1} eventTime={pass.event.startsAtLocal}>
          {ticket.status === "valid" ? (
            <TicketActions
              orderId={pass.orderId}
              ticketId={ticket.id}
              holderName={ticket.holderName}
              token={token}
              canRename={pass.renameRefusal === null}
              canTransfer={pass.transferRefusal === null}
              onChanged={() => router.refresh()}
            />
          ) : null}
        </PassCard>
      </div>
    </section>
  );
}
