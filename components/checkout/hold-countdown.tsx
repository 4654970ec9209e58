"use client";
// The buyer's hold, counting down on the payment page. The server decides when a hold has run out; this only
// tells the buyer how long they have.
import { useSyncExternalStore } from "react";
import { formatCountdown } from "@/lib/checkout/format-countdown";
import { alertClass } from "@/components/ui/styles";

function everySecond(onTick: () => void): () => void {
  const timer = window.setInterval(onTick, 1000);
  return () => window.clearInterval(timer);
}
const currentSecond = () => Math.floor(Date.now() / 1000) * 1000;

export function HoldCountdown({ expiresAt }: { expiresAt: string }) {
  const deadline = Date.parse(expiresAt);
  const now = useSyncExternalStore(everySecond, currentSecond, () => null);
  if (now === null) return null;
  const left = deadline - now;
  if (left <= 0) {
    return (
      <p className={alertClass("error")} role="alert" data-testid="hold-countdown">
        Your hold has run out and the seats went back on sale. Go back to the event to try again.
      </p>
    );
  }
  return (
    <p className="rounded-card bg-accent-soft px-4 py-2.5 text-accent-ink" data-testid="hold-countdown">
      Seats held for you for{" "}
      <strong>
        <time dateTime={`PT${Math.ceil(left / 1000)}S`}>{formatCountdown(left)}</time>
      </strong>
    </p>
  );
}
