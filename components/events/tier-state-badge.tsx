import { badgeClass, type Tone } from "@/components/ui/styles";
import type { TierSaleState } from "@/lib/inventory/tier-sale-state";

const LABELS: Record<TierSaleState, { text: string; tone: Tone }> = {
  on_sale: { text: "On sale", tone: "ok" },
  few_left: { text: "Few left", tone: "warn" },
  in_carts: { text: "In other buyers' carts", tone: "warn" },
  sold_out: { text: "Sold out", tone: "bad" },
  not_yet_on_sale: { text: "Not yet on sale", tone: "neutral" },
  sales_ended: { text: "Sales ended", tone: "neutral" },
};

export function TierStateBadge({ state, remaining }: { state: TierSaleState; remaining: number }) {
  const label = LABELS[state];
  return (
    <span className={badgeClass(label.tone)}>
      {state === "few_left" ? `Only ${remaining} left` : label.text}
    </span>
  );
}
