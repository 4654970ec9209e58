import "server-only";
import type Stripe from "stripe";
import { db } from "@/lib/db";
import { syncConnectedAccount } from "@/lib/payments/sync-connected-account";
import type { WebhookHandlerContext } from "@/lib/webhooks/handlers";

/**
 * `account.updated` → the organizer's charges / payouts / requirements. The payload is only a pointer: with a
 * Stripe client the account is re-fetched, so an older event delivered after a newer one still stores the
 * account as it is now. Test-mode accounts (no client, or an `acct_test_` stand-in) use the verified payload.
 */
export async function handleAccountUpdated(
  event: Stripe.AccountUpdatedEvent,
  ctx: WebhookHandlerContext,
): Promise<void> {
  const accountId = event.data.object.id;
  const organizer = await db.organizer.findUnique({
    where: { stripeAccountId: accountId },
    select: { id: true, stripeTestMode: true },
  });
  if (!organizer) {
    ctx.ignore(`no organizer is connected to ${accountId}`);
    return;
  }
  const account =
    ctx.stripe && !organizer.stripeTestMode
      ? await ctx.stripe.accounts.retrieve(accountId)
      : event.data.object;
  await syncConnectedAccount(organizer.id, account, { actorType: "stripe", source: `webhook:${event.id}` });
}
