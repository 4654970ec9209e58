"use client";
// The event page's tickets: every public tier with its all-in price once, a stepper where it is on sale, a
// running total (with an applied discount code, priced by the server exactly as the checkout will) and, on
// phones, a sticky Continue bar.
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { TierStateBadge } from "@/components/events/tier-state-badge";
import { apiFetch, type ApiError } from "@/components/ui/api-client";
import type { DiscountQuote } from "@/lib/checkout/quote-discount";
import { describeUnitPrice } from "@/lib/events/describe-unit-price";
import type { UnitPrice } from "@/lib/events/unit-price";
import type { TierSaleState } from "@/lib/inventory/tier-sale-state";
import { formatMoney } from "@/lib/money/format-money";
import { HOLDER_NAME_MAX } from "@/lib/tickets/holder-name";
import { alertClass, buttonClass, cx, ui } from "@/components/ui/styles";

export interface PickableTier {
  id: string;
  name: string;
  description: string | null;
  currency: string;
  /** The ticket's own price, before fee and taxes. */
  priceMinor: number;
  /** One ticket all in, with its parts. */
  price: UnitPrice;
  state: TierSaleState;
  remaining: number;
  seatsBackInMinutes: number | null;
  /** How many the buyer may pick now (0 when not on sale). */
  max: number;
}

interface CheckoutResponse {
  orderId: string;
  url: string;
}

export const BUYER_LIMITS = { name: 120, email: 254, discountCode: 64 } as const;

export function TicketPicker({
  eventId,
  tiers,
  priceNote,
}: {
  eventId: string;
  tiers: PickableTier[];
  priceNote: string;
}) {
  const [quantities, setQuantities] = useState<Record<string, number>>({});
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [discountCode, setDiscountCode] = useState("");
  /** Optional name per seat, by tier (index = seat); blank seats get the buyer's name. */
  const [holderNames, setHolderNames] = useState<Record<string, string[]>>({});
  const quote = useMutation<DiscountQuote, ApiError, string>({
    mutationFn: (code) =>
      apiFetch(`/api/tickets/checkout/quote?${new URLSearchParams({ eventId, code }).toString()}`),
  });
  const applied = quote.data && quote.data.code === discountCode.trim().toUpperCase() ? quote.data : null;
  const items = Object.entries(quantities)
    .filter(([, quantity]) => quantity > 0)
    .map(([tierId, quantity]) => {
      const names = (holderNames[tierId] ?? []).slice(0, quantity).map((n) => n.trim());
      return { tierId, quantity, ...(names.some(Boolean) ? { holderNames: names } : {}) };
    });
  const checkout = useMutation<CheckoutResponse, ApiError>({
    mutationFn: () =>
      apiFetch("/api/tickets/checkout/session", {
        body: {
          eventId,
          items,
          buyer: { name, email },
          ...(discountCode.trim() ? { discountCode: discountCode.trim() } : {}),
        },
      }),
    onSuccess: ({ url }) => window.location.assign(url),
  });

  const currency = tiers[0]?.currency ?? "usd";
  const money = (minor: number) => formatMoney(minor, currency);
  const unitPrice = (tier: PickableTier) => applied?.tiers.find((t) => t.tierId === tier.id) ?? tier.price;
  const unit = (tier: PickableTier) => unitPrice(tier).totalMinor;
  const count = Object.values(quantities).reduce((a, b) => a + b, 0);
  const fullTotal = tiers.reduce((sum, t) => sum + (quantities[t.id] ?? 0) * t.price.totalMinor, 0);
  const total = tiers.reduce((sum, t) => sum + (quantities[t.id] ?? 0) * unit(t), 0);
  const errors = { ...checkout.error?.fieldErrors, ...quote.error?.fieldErrors };
  const codeError = quote.isError ? (errors.code ?? quote.error.message) : errors.discountCode;
  const canBuy = tiers.some((t) => t.max > 0);

  return (
    <form
      className={ui.stack}
      aria-label="Buy tickets"
      onSubmit={(e) => {
        e.preventDefault();
        checkout.mutate();
      }}
      noValidate
    >
      <p className={ui.hint}>{priceNote}</p>
      <ul className="m-0 grid list-none gap-3 p-0">
        {tiers.map((tier) => (
          <li
            key={tier.id}
            className={cx(ui.card, "flex items-center justify-between gap-4")}
            data-testid="tier"
          >
            <div className="grid flex-1 gap-1.5">
              <div className={cx(ui.row, "items-start justify-between")}>
                <strong id={`tier-${tier.id}`}>{tier.name}</strong>
                <TierStateBadge state={tier.state} remaining={tier.remaining} />
              </div>
              {tier.description ? <div className={ui.hint}>{tier.description}</div> : null}
              <div>
                {unit(tier) !== tier.price.totalMinor ? (
                  <>
                    <s className={ui.muted}>{money(tier.price.totalMinor)}</s>{" "}
                  </>
                ) : null}
                <strong data-testid="tier-price" className="text-lg">
                  {money(unit(tier))}
                </strong>
                <Breakdown text={describeUnitPrice(tier.priceMinor, unitPrice(tier), tier.currency)} />
              </div>
              {tier.state === "in_carts" ? (
                <p className={ui.small} role="status">
                  All remaining tickets are in other buyers&apos; carts — check back in{" "}
                  {tier.seatsBackInMinutes ?? 1} min.
                </p>
              ) : null}
            </div>
            {tier.max > 0 ? (
              <QuantityStepper
                tierId={tier.id}
                tierName={tier.name}
                value={quantities[tier.id] ?? 0}
                max={tier.max}
                onChange={(n) => setQuantities({ ...quantities, [tier.id]: n })}
              />
            ) : null}
          </li>
        ))}
      </ul>
      {canBuy ? (
        <>
          <Field
            label="Your name"
            id="buyer-name"
            error={errors["buyer.name"]}
            input={{
              autoComplete: "name",
              maxLength: BUYER_LIMITS.name,
              value: name,
              onChange: (e) => {
                setName(e.target.value);
                if (checkout.isError) checkout.reset();
              },
            }}
          />
          <Field
            label="Email for your tickets"
            id="buyer-email"
            error={errors["buyer.email"]}
            hint="We send your tickets here."
            input={{
              type: "email",
              autoComplete: "email",
              inputMode: "email",
              maxLength: BUYER_LIMITS.email,
              value: email,
              onChange: (e) => {
                setEmail(e.target.value);
                if (checkout.isError) checkout.reset();
              },
            }}
          />
          {count > 0 ? (
            <details className={ui.stack}>
              <summary>Names on the tickets (optional)</summary>
              <p className={ui.hint}>
                Door staff see the name when they scan. Leave a seat blank for your own name; you can change
                names on your passes page until the event starts.
              </p>
              {items.flatMap((item, line) => {
                const tier = tiers.find((t) => t.id === item.tierId);
                return Array.from({ length: item.quantity }, (_, seat) => (
                  <Field
                    key={`${item.tierId}-${seat}`}
                    label={`${tier?.name ?? "Ticket"} ${seat + 1}`}
                    id={`holder-${item.tierId}-${seat}`}
                    error={errors[`items.${line}.holderNames.${seat}`]}
                    input={{
                      autoComplete: "off",
                      maxLength: HOLDER_NAME_MAX,
                      value: holderNames[item.tierId]?.[seat] ?? "",
                      onChange: (e) => {
                        const names = [...(holderNames[item.tierId] ?? [])];
                        names[seat] = e.target.value;
                        setHolderNames({ ...holderNames, [item.tierId]: Array.from(names, (n) => n ?? "") });
                        if (checkout.isError) checkout.reset();
                      },
                    }}
                  />
                ));
              })}
            </details>
          ) : null}
          <div className={cx(ui.row, "items-end [&>div:first-child]:flex-1")}>
            <Field
              label="Discount code"
              id="discount-code"
              error={codeError}
              hint={applied ? `Code ${applied.code} applied.` : undefined}
              input={{
                autoCapitalize: "characters",
                maxLength: BUYER_LIMITS.discountCode,
                value: discountCode,
                onChange: (e) => {
                  setDiscountCode(e.target.value);
                  quote.reset();
                },
              }}
            />
            <button
              className={buttonClass({ variant: "secondary" })}
              type="button"
              disabled={!discountCode.trim() || quote.isPending || applied !== null}
              onClick={() => quote.mutate(discountCode.trim())}
            >
              {applied ? "Applied" : quote.isPending ? "Checking…" : "Apply"}
            </button>
          </div>
          {checkout.isError &&
          !checkout.error.problem.errors?.some(
            (e) =>
              e.field.startsWith("buyer") || e.field === "discountCode" || e.field.includes("holderNames."),
          ) ? (
            <p className={alertClass("error")} role="alert">
              {checkout.error.message}
            </p>
          ) : null}
          <div
            className={cx(
              "flex flex-wrap items-center justify-between gap-3",
              // On phones the total and Continue stay on screen wherever the buyer is on the page.
              "max-sm:fixed max-sm:inset-x-0 max-sm:bottom-0 max-sm:z-10 max-sm:border-t max-sm:border-line max-sm:bg-card",
              "max-sm:px-5 max-sm:pt-3 max-sm:pb-[calc(0.75rem+env(safe-area-inset-bottom))] max-sm:shadow-lg",
              "max-sm:[&>button]:flex-1",
            )}
          >
            <div className="[&_strong]:text-xl" aria-live="polite">
              <span className={ui.hint}>Total</span>{" "}
              {total !== fullTotal ? (
                <>
                  <s className={ui.muted}>{money(fullTotal)}</s>{" "}
                </>
              ) : null}
              <strong data-testid="running-total">{money(total)}</strong>
              {total !== fullTotal ? (
                <span className={ui.small} data-testid="running-discount">
                  {" "}
                  (you save {money(fullTotal - total)})
                </span>
              ) : null}
            </div>
            <button
              className={buttonClass()}
              type="submit"
              disabled={count === 0 || checkout.isPending || checkout.isSuccess}
            >
              {checkout.isPending || checkout.isSuccess
                ? "Holding your seats…"
                : count === 0
                  ? "Choose tickets"
                  : `Continue to payment (${count})`}
            </button>
          </div>
          <p className={ui.hint}>Your seats are held for 30 minutes while you pay.</p>
        </>
      ) : null}
    </form>
  );
}

function Breakdown({ text }: { text: string | null }) {
  return text ? (
    <div className={ui.hint} data-testid="tier-breakdown">
      {text}
    </div>
  ) : null;
}

function QuantityStepper({
  tierId,
  tierName,
  value,
  max,
  onChange,
}: {
  tierId: string;
  tierName: string;
  value: number;
  max: number;
  onChange: (value: number) => void;
}) {
  return (
    <div className="inline-flex items-center gap-1" role="group" aria-labelledby={`tier-${tierId}`}>
      <button
        type="button"
        className={STEPPER_BUTTON}
        aria-label={`Remove one ${tierName} ticket`}
        disabled={value === 0}
        onClick={() => onChange(value - 1)}
      >
        −
      </button>
      <output
        className="min-w-[2ch] text-center text-lg font-bold"
        aria-live="polite"
        aria-label={`${tierName} tickets`}
      >
        {value}
      </output>
      <button
        type="button"
        className={STEPPER_BUTTON}
        aria-label={`Add one ${tierName} ticket`}
        disabled={value >= max}
        onClick={() => onChange(value + 1)}
      >
        +
      </button>
    </div>
  );
}

function Field({
  label,
  id,
  error,
  hint,
  input,
}: {
  label: string;
  id: string;
  error?: string;
  hint?: string;
  input: React.InputHTMLAttributes<HTMLInputElement>;
}) {
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ");
  return (
    <div className={ui.field}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        {...input}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
      />
      {hint ? (
        <p className={ui.hint} id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className={ui.fieldError} id={`${id}-error`} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

const STEPPER_BUTTON =
  "size-11 cursor-pointer rounded-full border border-accent bg-white text-2xl leading-none text-accent " +
  "disabled:cursor-not-allowed disabled:border-line disabled:text-muted";
