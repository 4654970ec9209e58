import { badgeClass } from "@/components/ui/styles";

/** Marks a complimentary order (channel `comp`: issued without payment) wherever orders are shown. */
export function CompBadge({ channel }: { channel: "online" | "comp" }) {
  if (channel !== "comp") return null;
  return (
    <span
      className={badgeClass("accent")}
      title="Complimentary: issued by a platform admin without payment"
      data-testid="comp-badge"
    >
      Comp
    </span>
  );
}
