// The money side of the Stripe stand-in: payments, refunds, transfers, application fees and a balance per
// account, with Stripe's semantics (test-only module). A destination charge lands on the platform, is
// transferred in full to the connected account and the application fee is collected back from it; a direct
// charge lands on the connected account and the application fee moves to the platform. Refunds debit the
// account the charge lives on; `reverse_transfer` and `refund_application_fee` move money back in
// PROPORTION to the amount refunded (the whole rest on a refund that completes the charge), as Stripe
// documents them; explicit transfer reversals and application-fee refunds move exactly what is asked, never
// more than is left (400 invalid_request_error otherwise). Stripe's own processing fees are left out.

export const PLATFORM = "platform";

type Json = Record<string, unknown>;

export class StandInError extends Error {
  constructor(
    message: string,
    readonly status = 400,
    readonly code: string | null = null,
  ) {
    super(message);
  }
}

export interface LedgerCharge {
  id: string;
  paymentIntent: string;
  /** The account the charge lives on: PLATFORM for destination charges, the connected account for direct. */
  account: string;
  amount: number;
  amountRefunded: number;
  currency: string;
  transfer: string | null;
  applicationFee: string | null;
  /** Stripe's fingerprint of the card that paid (the same card gives the same value). */
  cardFingerprint: string;
}

export interface LedgerTransfer {
  id: string;
  destination: string;
  amount: number;
  amountReversed: number;
  sourceTransaction: string;
  currency: string;
}

export interface LedgerApplicationFee {
  id: string;
  /** The connected account the fee was collected from (and is refunded to). */
  account: string;
  charge: string;
  amount: number;
  amountRefunded: number;
  currency: string;
}

export interface LedgerPayment {
  paymentIntentId: string;
  chargeId: string;
  transferId: string | null;
  applicationFeeId: string | null;
}

export class StandInLedger {
  readonly balances = new Map<string, number>();
  /** Per account, per currency (what GET /v1/balance answers as available). */
  readonly currencyBalances = new Map<string, Map<string, number>>();
  /** Per account, per currency: money Stripe has not made available yet (tests set it; GET /v1/balance). */
  readonly pendingBalances = new Map<string, Map<string, number>>();
  /** Payouts to the accounts' banks, in the order made (GET /v1/payouts lists them newest first). */
  readonly payouts = new Map<string, Json & { id: string; account: string }>();
  readonly paymentIntents = new Map<
    string,
    { id: string; account: string; charge: string; amount: number }
  >();
  readonly charges = new Map<string, LedgerCharge>();
  readonly transfers = new Map<string, LedgerTransfer>();
  readonly applicationFees = new Map<string, LedgerApplicationFee>();
  readonly refunds = new Map<string, Json & { id: string }>();
  readonly reversals = new Map<string, Json & { id: string }>();
  readonly feeRefunds = new Map<string, Json & { id: string }>();
  private counter = 0;

  reset(): void {
    for (const map of [
      this.balances,
      this.paymentIntents,
      this.charges,
      this.transfers,
      this.applicationFees,
      this.refunds,
      this.reversals,
      this.feeRefunds,
      this.currencyBalances,
      this.pendingBalances,
      this.payouts,
    ]) {
      map.clear();
    }
  }

  /** An account's balance in minor units (PLATFORM when no account is given). */
  balance(account: string = PLATFORM): number {
    return this.balances.get(account) ?? 0;
  }

  /**
   * A successful payment: the charge lands on `account` (a connected account for direct charges, else the
   * platform); `destination` transfers it in full to the connected account; the application fee then goes
   * from the connected account to the platform.
   */
  pay(input: {
    account: string | null;
    destination: string | null;
    amount: number;
    currency: string;
    applicationFee: number;
    cardFingerprint?: string;
  }): LedgerPayment {
    const owner = input.account ?? PLATFORM;
    const paymentIntentId = this.id("pi");
    const chargeId = this.id("ch");
    this.move(owner, input.amount, input.currency);
    let transferId: string | null = null;
    if (input.destination && owner === PLATFORM) {
      transferId = this.id("tr");
      this.transfers.set(transferId, {
        id: transferId,
        destination: input.destination,
        amount: input.amount,
        amountReversed: 0,
        sourceTransaction: chargeId,
        currency: input.currency,
      });
      this.move(PLATFORM, -input.amount, input.currency);
      this.move(input.destination, input.amount, input.currency);
    }
    const connected = input.destination ?? (owner === PLATFORM ? null : owner);
    let applicationFeeId: string | null = null;
    if (input.applicationFee > 0 && connected) {
      applicationFeeId = this.id("fee");
      this.applicationFees.set(applicationFeeId, {
        id: applicationFeeId,
        account: connected,
        charge: chargeId,
        amount: input.applicationFee,
        amountRefunded: 0,
        currency: input.currency,
      });
      this.move(connected, -input.applicationFee, input.currency);
      this.move(PLATFORM, input.applicationFee, input.currency);
    }
    this.charges.set(chargeId, {
      id: chargeId,
      paymentIntent: paymentIntentId,
      account: owner,
      amount: input.amount,
      amountRefunded: 0,
      currency: input.currency,
      transfer: transferId,
      applicationFee: applicationFeeId,
      cardFingerprint: input.cardFingerprint ?? `fp_${chargeId}`,
    });
    this.paymentIntents.set(paymentIntentId, {
      id: paymentIntentId,
      account: owner,
      charge: chargeId,
      amount: input.amount,
    });
    return { paymentIntentId, chargeId, transferId, applicationFeeId };
  }

  /** POST /v1/refunds, made as `account` (the Stripe-Account header; PLATFORM without it). */
  refund(
    account: string,
    form: Record<string, string>,
    metadata: Record<string, string>,
    status: string,
  ): Json & { id: string } {
    const charge = this.findCharge(account, form.payment_intent, form.charge);
    const left = charge.amount - charge.amountRefunded;
    const amount = form.amount === undefined ? left : Number(form.amount);
    if (!Number.isSafeInteger(amount) || amount < 1) {
      throw new StandInError("Invalid positive integer", 400, "parameter_invalid_integer");
    }
    if (amount > left) {
      throw new StandInError(
        `Refund amount (${amount}) is greater than unrefunded amount on charge (${left})`,
        400,
        "amount_too_large",
      );
    }
    const completes = amount === left;
    const flag = (name: string) => form[name] === "true";
    if (flag("reverse_transfer") && !charge.transfer) {
      throw new StandInError("This charge has no transfer to reverse.");
    }
    this.move(charge.account, -amount, charge.currency);
    charge.amountRefunded += amount;
    let reversal: (Json & { id: string }) | null = null;
    if (flag("reverse_transfer") && charge.transfer) {
      const transfer = this.transfer(charge.transfer);
      const rest = transfer.amount - transfer.amountReversed;
      const share = completes ? rest : Math.min(rest, Math.round((amount * transfer.amount) / charge.amount));
      if (share > 0) reversal = this.reverse(transfer, share, {});
    }
    if (flag("refund_application_fee") && charge.applicationFee) {
      const fee = this.fee(charge.applicationFee);
      const rest = fee.amount - fee.amountRefunded;
      const share = completes ? rest : Math.min(rest, Math.round((amount * fee.amount) / charge.amount));
      if (share > 0) this.refundFee(fee, share, {});
    }
    const refund = {
      id: this.id("re"),
      object: "refund",
      amount,
      currency: charge.currency,
      charge: charge.id,
      payment_intent: charge.paymentIntent,
      status,
      reason: form.reason ?? null,
      failure_reason: null,
      transfer_reversal: reversal?.id ?? null,
      metadata,
      created: Math.floor(Date.now() / 1000),
    };
    this.refunds.set(refund.id, refund);
    return refund;
  }

  /** POST /v1/transfers/:id/reversals (platform only). */
  createReversal(transferId: string, form: Record<string, string>, metadata: Record<string, string>) {
    const transfer = this.transfer(transferId);
    const rest = transfer.amount - transfer.amountReversed;
    const amount = form.amount === undefined ? rest : Number(form.amount);
    if (!Number.isSafeInteger(amount) || amount < 1) throw new StandInError("Invalid positive integer");
    if (amount > rest) {
      throw new StandInError(
        `The transfer ${transfer.id} has ${rest} left to reverse; ${amount} was requested.`,
      );
    }
    return this.reverse(transfer, amount, metadata);
  }

  /** POST /v1/application_fees/:id/refunds (platform only). */
  createFeeRefund(feeId: string, form: Record<string, string>, metadata: Record<string, string>) {
    const fee = this.fee(feeId);
    const rest = fee.amount - fee.amountRefunded;
    const amount = form.amount === undefined ? rest : Number(form.amount);
    if (!Number.isSafeInteger(amount) || amount < 1) throw new StandInError("Invalid positive integer");
    if (amount > rest) {
      throw new StandInError(
        `Refund amount (${amount}) is greater than unrefunded amount on the application fee (${rest})`,
      );
    }
    return this.refundFee(fee, amount, metadata);
  }

  /** The PaymentIntent as Stripe returns it to `account`, its latest charge expanded when asked. */
  paymentIntentJson(account: string, id: string, expandCharge: boolean): Json {
    const intent = this.paymentIntents.get(id);
    if (!intent || intent.account !== account) {
      throw new StandInError(`No such payment_intent: '${id}'`, 404, "resource_missing");
    }
    const charge = this.charges.get(intent.charge);
    return {
      id: intent.id,
      object: "payment_intent",
      amount: intent.amount,
      status: "succeeded",
      latest_charge: expandCharge && charge ? this.chargeJson(charge) : intent.charge,
    };
  }

  chargeJson(charge: LedgerCharge): Json {
    return {
      id: charge.id,
      object: "charge",
      amount: charge.amount,
      amount_refunded: charge.amountRefunded,
      refunded: charge.amountRefunded === charge.amount,
      currency: charge.currency,
      payment_intent: charge.paymentIntent,
      transfer: charge.transfer ?? undefined,
      application_fee: charge.applicationFee,
      payment_method_details: { type: "card", card: { fingerprint: charge.cardFingerprint } },
    };
  }

  private findCharge(account: string, paymentIntent?: string, chargeId?: string): LedgerCharge {
    const id = chargeId ?? (paymentIntent ? this.paymentIntents.get(paymentIntent)?.charge : undefined);
    const charge = id ? this.charges.get(id) : undefined;
    if (!charge || charge.account !== account) {
      throw new StandInError(
        `No such ${paymentIntent ? "payment_intent" : "charge"}: '${paymentIntent ?? chargeId ?? ""}'`,
        400,
        "resource_missing",
      );
    }
    return charge;
  }

  private transfer(id: string): LedgerTransfer {
    const transfer = this.transfers.get(id);
    if (!transfer) throw new StandInError(`No such transfer: '${id}'`, 404, "resource_missing");
    return transfer;
  }

  private fee(id: string): LedgerApplicationFee {
    const fee = this.applicationFees.get(id);
    if (!fee) throw new StandInError(`No such application fee: '${id}'`, 404, "resource_missing");
    return fee;
  }

  private reverse(transfer: LedgerTransfer, amount: number, metadata: Record<string, string>) {
    transfer.amountReversed += amount;
    this.move(transfer.destination, -amount, transfer.currency);
    this.move(PLATFORM, amount, transfer.currency);
    const reversal = {
      id: this.id("trr"),
      object: "transfer_reversal",
      amount,
      currency: transfer.currency,
      transfer: transfer.id,
      metadata,
    };
    this.reversals.set(reversal.id, reversal);
    return reversal;
  }

  private refundFee(fee: LedgerApplicationFee, amount: number, metadata: Record<string, string>) {
    fee.amountRefunded += amount;
    this.move(PLATFORM, -amount, fee.currency);
    this.move(fee.account, amount, fee.currency);
    const refund = {
      id: this.id("fr"),
      object: "fee_refund",
      amount,
      currency: fee.currency,
      fee: fee.id,
      metadata,
    };
    this.feeRefunds.set(refund.id, refund);
    return refund;
  }

  /** A payout of `amount` from the account's available balance in `currency` to its bank. */
  payout(account: string, amount: number, currency: string, status = "paid"): Json & { id: string } {
    const available = this.currencyBalances.get(account)?.get(currency) ?? 0;
    if (amount < 1 || amount > available) {
      throw new StandInError(`Insufficient funds in ${currency}: ${available} available, ${amount} asked.`);
    }
    this.move(account, -amount, currency);
    const created = Math.floor(Date.now() / 1000) + this.payouts.size;
    const payout = {
      id: this.id("po"),
      object: "payout",
      account,
      amount,
      currency,
      status,
      method: "standard",
      type: "bank_account",
      created,
      arrival_date: created + 2 * 24 * 60 * 60,
    };
    this.payouts.set(payout.id, payout);
    return payout;
  }

  /** GET /v1/balance as `account` sees it: available (and pending, when set) per currency. */
  balanceJson(account: string): Json {
    const amounts = (byCurrency: Map<string, number> | undefined) =>
      [...(byCurrency ?? new Map<string, number>()).entries()].map(([currency, amount]) => ({
        amount,
        currency,
        source_types: { card: amount },
      }));
    return {
      object: "balance",
      livemode: false,
      available: amounts(this.currencyBalances.get(account)),
      pending: amounts(this.pendingBalances.get(account)),
    };
  }

  private move(account: string, amount: number, currency: string): void {
    this.balances.set(account, this.balance(account) + amount);
    const byCurrency = this.currencyBalances.get(account) ?? new Map<string, number>();
    byCurrency.set(currency, (byCurrency.get(currency) ?? 0) + amount);
    this.currencyBalances.set(account, byCurrency);
  }

  private id(prefix: string): string {
    this.counter += 1;
    return `${prefix}_standin_${this.counter}`;
  }
}
