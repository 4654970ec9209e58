import type { Metadata } from "next";
import Link from "next/link";
import { BuyerOrdersSection } from "@/components/account/buyer-orders";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { claimInvitations } from "@/lib/auth/claim-invitations";
import { requireUserPage } from "@/lib/auth/require-page";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { listBuyerOrders } from "@/lib/orders/list-buyer-orders";
import { listUserOrganizers } from "@/lib/organizers/list-user-organizers";
import { openOrganizer } from "./actions";
import { badgeClass, buttonClass, cx, ui } from "@/components/ui/styles";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const user = await requireUserPage("/tickets/account");
  await claimInvitations(user.id, user.email);
  const [orders, organizers] = await Promise.all([listBuyerOrders(user.email), listUserOrganizers(user.id)]);
  return (
    <main className={cx(ui.page, "max-w-2xl")}>
      <h1>Your account</h1>
      <div className={cx(ui.card, ui.stack)}>
        <p>
          Signed in as <strong>{user.email}</strong>
          {user.isAdmin ? <span className={badgeClass("ok")}> Platform admin</span> : null}
        </p>
        <SignOutButton />
      </div>
      <BuyerOrdersSection orders={orders} />
      <section className={cx(ui.card, ui.stack)}>
        <h2>Organizers</h2>
        {organizers.length === 0 ? (
          <p className={ui.muted}>You are not on any organizer’s team yet.</p>
        ) : (
          <ul className={ui.stack}>
            {organizers.map((o) => (
              <li key={o.id} className={cx(ui.row, "justify-between")}>
                <span>
                  {o.name} <span className={badgeClass()}>{ROLE_LABELS[o.role]}</span>
                </span>
                <form action={openOrganizer}>
                  <input type="hidden" name="organizerId" value={o.id} />
                  <button className={buttonClass({ variant: "secondary" })} type="submit">
                    Open
                  </button>
                </form>
              </li>
            ))}
          </ul>
        )}
        <Link href="/tickets/organizer/new">Create an organizer</Link>
      </section>
    </main>
  );
}
