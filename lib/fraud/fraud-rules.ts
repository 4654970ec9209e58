// Fraud signals: what is counted, over which window, and when a count becomes a signal worth an admin's
// look. Signals never block a buyer; they are logged and listed for platform admins. One place for every
// threshold, so tuning them is one edit.

export const FRAUD_SIGNAL_KINDS = [
  "failed_checkout_ip",
  "failed_checkout_email",
  "orders_email_domain",
  "orders_card_fingerprint",
  "discount_code_guessing",
] as const;

export type FraudSignalKind = (typeof FRAUD_SIGNAL_KINDS)[number];

export interface FraudRule {
  /** The count (within one window) at which the signal trips. */
  threshold: number;
  windowMs: number;
  description: string;
}

const MINUTE = 60_000;

export const FRAUD_RULES: Record<FraudSignalKind, FraudRule> = {
  failed_checkout_ip: {
    threshold: 8,
    windowMs: 10 * MINUTE,
    description: "checkouts refused for one IP address (card testing, scripted probing)",
  },
  failed_checkout_email: {
    threshold: 5,
    windowMs: 10 * MINUTE,
    description: "checkouts refused for one buyer email",
  },
  orders_email_domain: {
    threshold: 10,
    windowMs: 60 * MINUTE,
    description: "paid orders from one email domain (throwaway domains, resellers)",
  },
  orders_card_fingerprint: {
    threshold: 4,
    windowMs: 60 * MINUTE,
    description: "paid orders with one card (Stripe's card fingerprint) under different orders",
  },
  discount_code_guessing: {
    threshold: 5,
    windowMs: 10 * MINUTE,
    description: "unknown or used-up discount codes tried from one IP address",
  },
};

/** Mail providers shared by millions of buyers: many orders from them say nothing. */
const SHARED_MAIL_DOMAINS = new Set([
  "gmail.com",
  "googlemail.com",
  "outlook.com",
  "hotmail.com",
  "live.com",
  "msn.com",
  "yahoo.com",
  "icloud.com",
  "me.com",
  "aol.com",
  "proton.me",
  "protonmail.com",
  "gmx.com",
  "gmx.de",
  "web.de",
  "yandex.ru",
  "mail.ru",
  "qq.com",
  "163.com",
]);

/** The domain an order's email counts under, or null for a shared mail provider (not a signal). */
export function emailDomainKey(email: string): string | null {
  const at = email.lastIndexOf("@");
  if (at < 1) return null;
  const domain = email
    .slice(at + 1)
    .trim()
    .toLowerCase()
    .replace(/\.$/, "");
  if (!domain || SHARED_MAIL_DOMAINS.has(domain)) return null;
  return domain;
}

/** Whether this increment is the one that reaches the threshold (the signal is logged once per window). */
export function tripsAt(kind: FraudSignalKind, count: number): boolean {
  return count === FRAUD_RULES[kind].threshold;
}
