// What the organizer's reports answer (JSON-safe: times as ISO strings, money as integer minor units with
// its currency). Every figure is a sum of stored order, order item, refund and ticket rows; see
// lib/reports/report-sql.ts for which rows count.
import type { MetricsInterval } from "@/lib/reports/metrics-range";

/** Money of one currency: an organizer's events may sell in different currencies, never added together. */
export interface MoneyFigures {
  currency: string;
  /** Orders charged online (paid, partially refunded or refunded), comps left out. */
  orders: number;
  /** Tickets those orders bought (refunded ones included). */
  tickets: number;
  /** What buyers were charged: the orders' totals (ticket price − discounts + service fees + taxes). */
  grossMinor: number;
  /** The platform's application fees on those orders. */
  platformFeesMinor: number;
  /** Succeeded refunds: what buyers got back. */
  refundsMinor: number;
  refundCount: number;
  /** The platform's part of those refunds (its application fee given back to the organizer). */
  platformRefundsMinor: number;
  /**
   * gross − platform fees − refunds + the platform's part of refunds: what the platform recorded for the
   * organizer, before Stripe's own processing fees.
   */
  netMinor: number;
  /** Taxes charged (in gross; the organizer remits them). */
  taxMinor: number;
  /** Discounts given on those orders. */
  discountMinor: number;
}

export interface TaxFigure {
  currency: string;
  /** The tax's name as charged ("GST"). */
  name: string;
  amountMinor: number;
}

export interface CompFigures {
  /** Comp orders (Order.channel = comp): no payment, zero money. */
  orders: number;
  /** Their tickets still valid. */
  tickets: number;
}

export interface CheckinProgress {
  /** Valid tickets (comps included). */
  valid: number;
  /** Of those, admitted at the door at least once. */
  checkedIn: number;
}

export interface TierFigures {
  id: string;
  name: string;
  capacity: number;
  /** Valid tickets, comps included (the seats the tier has given away, as inventory counts them). */
  sold: number;
  /** Seats in live checkout holds. */
  held: number;
  /** What buyers can still take, within the event's cap. */
  remaining: number;
}

export interface DiscountFigures {
  id: string;
  code: string;
  /** Orders charged with the code, per currency (usually one). */
  usage: { currency: string; orders: number; discountMinor: number }[];
}

export interface ReportEvent {
  id: string;
  title: string;
  status: string;
  startsAt: string;
  endsAt: string;
  timezone: string;
  currency: string;
}

export interface EventSummary {
  event: ReportEvent;
  money: MoneyFigures[];
  taxes: TaxFigure[];
  comps: CompFigures;
  checkin: CheckinProgress;
  /** Event-wide cap (null: the tiers' capacities are the limit) and the seats left under it. */
  capacity: number | null;
  remaining: number | null;
  tiers: TierFigures[];
  discounts: DiscountFigures[];
  /** When the summary was read. */
  asOf: string;
}

export interface DashboardEventRow {
  event: ReportEvent;
  money: MoneyFigures[];
  comps: CompFigures;
  checkin: CheckinProgress;
}

export interface OrganizerDashboard {
  /** Per currency, over every event. */
  totals: MoneyFigures[];
  taxes: TaxFigure[];
  comps: CompFigures;
  checkin: CheckinProgress;
  events: DashboardEventRow[];
  asOf: string;
}

export interface MetricsPoint {
  /** Start of the bucket (an instant; shown in the event's zone). */
  start: string;
  /** Tickets bought by orders paid in the bucket (comps left out). */
  sold: number;
  grossMinor: number;
  platformFeesMinor: number;
  taxMinor: number;
  /** Succeeded refunds created in the bucket. */
  refundsMinor: number;
}

export interface MetricsSeries {
  currency: string;
  points: MetricsPoint[];
}

export interface EventMetrics {
  event: ReportEvent;
  interval: MetricsInterval;
  from: string;
  to: string;
  /** One series per currency the event's orders were charged in (the event's currency when it has none). */
  series: MetricsSeries[];
}
