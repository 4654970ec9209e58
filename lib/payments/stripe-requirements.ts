// What Stripe still needs from a connected account, as stored on the organizer and as shown in plain words.
import { z } from "zod";
import type Stripe from "stripe";

const fieldList = z.array(z.string()).catch([]);

/** The organizer's `stripeRequirements` column (written by syncConnectedAccount; parsed on the way out). */
export const storedRequirementsSchema = z.object({
  currently_due: fieldList.default([]),
  eventually_due: fieldList.default([]),
  past_due: fieldList.default([]),
  pending_verification: fieldList.default([]),
  disabled_reason: z.string().nullable().catch(null).default(null),
  current_deadline: z.number().int().nullable().catch(null).default(null),
});

export type StoredRequirements = z.infer<typeof storedRequirementsSchema>;

export const NO_REQUIREMENTS: StoredRequirements = {
  currently_due: [],
  eventually_due: [],
  past_due: [],
  pending_verification: [],
  disabled_reason: null,
  current_deadline: null,
};

export function requirementsFromAccount(account: Pick<Stripe.Account, "requirements">): StoredRequirements {
  const r = account.requirements;
  return {
    currently_due: r?.currently_due ?? [],
    eventually_due: r?.eventually_due ?? [],
    past_due: r?.past_due ?? [],
    pending_verification: r?.pending_verification ?? [],
    disabled_reason: r?.disabled_reason ?? null,
    current_deadline: r?.current_deadline ?? null,
  };
}

/** Reads the stored JSON; anything unreadable counts as "nothing known". */
export function parseStoredRequirements(value: unknown): StoredRequirements {
  const parsed = storedRequirementsSchema.safeParse(value ?? {});
  return parsed.success ? parsed.data : NO_REQUIREMENTS;
}

const EXACT: Record<string, string> = {
  external_account: "A bank account for payouts",
  business_type: "Your type of business (individual, company, non-profit)",
  "business_profile.url": "Your website or a link to your events",
  "business_profile.mcc": "Your business category",
  "business_profile.product_description": "A short description of what you sell",
  "business_profile.name": "Your business name",
  "business_profile.support_phone": "A customer support phone number",
  "business_profile.support_email": "A customer support email address",
  "business_profile.annual_revenue": "Your expected annual revenue",
  "business_profile.estimated_worker_count": "How many people work for you",
  "settings.payments.statement_descriptor": "The name buyers see on their card statement",
  "settings.card_payments.statement_descriptor_prefix": "The name buyers see on their card statement",
  "company.name": "Your company's legal name",
  "company.tax_id": "Your company's tax or business number",
  "company.phone": "Your company's phone number",
  "company.owners_provided": "Confirmation that you have listed the company's owners",
  "company.directors_provided": "Confirmation that you have listed the company's directors",
  "company.executives_provided": "Confirmation that you have listed the company's executives",
  "company.verification.document": "A document proving the company is registered",
  "individual.email": "Your email address",
  "individual.phone": "Your phone number",
  "individual.id_number": "Your government ID number (e.g. SIN or SSN)",
  "individual.ssn_last_4": "The last 4 digits of your SSN",
  "individual.verification.document": "A photo of your ID document",
  "individual.verification.additional_document": "A second identity document",
};

const PREFIX: [string, string][] = [
  ["tos_acceptance.", "Accept Stripe's terms of service"],
  ["individual.first_name", "Your legal name"],
  ["individual.last_name", "Your legal name"],
  ["individual.dob.", "Your date of birth"],
  ["individual.address.", "Your home address"],
  ["individual.", "Your personal details"],
  ["company.address.", "Your company's address"],
  ["company.", "Your company's details"],
  ["representative.", "Details of the company's representative"],
  ["owners.", "Details of the company's owners"],
  ["directors.", "Details of the company's directors"],
  ["executives.", "Details of the company's executives"],
  ["person_", "Details of a person on the account"],
  ["business_profile.", "Your business profile"],
  ["settings.", "Account settings"],
];

/** One Stripe requirement field (e.g. `individual.dob.day`) in words an organizer understands. */
export function describeRequirement(field: string): string {
  const exact = EXACT[field];
  if (exact) return exact;
  for (const [prefix, words] of PREFIX) if (field.startsWith(prefix)) return words;
  const words = field.replace(/[._]+/g, " ").trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : "More information";
}

/** Requirement fields in words, without repeats (dob.day/month/year become one line). */
export function describeRequirements(fields: readonly string[]): string[] {
  return [...new Set(fields.map(describeRequirement))];
}

/** Why Stripe disabled the account, in words; null when it is not disabled. */
export function describeDisabledReason(reason: string | null): string | null {
  if (!reason) return null;
  if (reason === "requirements.past_due") return "Stripe needs information that is overdue.";
  if (reason === "requirements.pending_verification") return "Stripe is checking the details you gave.";
  if (reason === "under_review" || reason === "listed") return "Stripe is reviewing the account.";
  if (reason === "platform_paused") return "The platform has paused this account.";
  if (reason === "action_required.requested_capabilities")
    return "Stripe needs you to finish setting up card payments.";
  if (reason.startsWith("rejected.")) return "Stripe has rejected the account. Contact Stripe support.";
  return "Stripe has disabled the account. Contact Stripe support.";
}
