/**
 * How long holds outlive their Checkout Session: a payment completed in the session's last second whose
 * webhook arrives late still finds its seats held (and converts without waiting for the inventory locks).
 * `checkout.session.expired` still releases them at once; the expiry sweep only after this grace. Kept apart
 * from the database code so the passes page can wait for a late confirmation just as long.
 */
export const HOLD_GRACE_MS = 5 * 60_000;
