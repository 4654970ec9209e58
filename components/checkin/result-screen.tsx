"use client";
// Full-screen scan result: colour, a big word, one line for door staff. Tap or wait 3 s to go back.
import { useEffect } from "react";
import type { ScanOutcome, Verdict } from "@/lib/checkin/client/verify";

const LOOK: Record<ScanOutcome, { title: string; tone: "ok" | "bad" | "warn" }> = {
  valid: { title: "VALID", tone: "ok" },
  already_used: { title: "ALREADY USED", tone: "bad" },
  refunded: { title: "REFUNDED", tone: "bad" },
  void: { title: "VOID", tone: "bad" },
  disputed: { title: "DISPUTED", tone: "warn" },
  wrong_event: { title: "WRONG EVENT", tone: "bad" },
  invalid: { title: "INVALID", tone: "bad" },
};

export const RESULT_MS = 3_000;

export function ResultScreen({ verdict, onDismiss }: { verdict: Verdict; onDismiss: () => void }) {
  useEffect(() => {
    const t = window.setTimeout(onDismiss, RESULT_MS);
    return () => window.clearTimeout(t);
  }, [verdict, onDismiss]);
  const look = LOOK[verdict.outcome];
  return (
    <button
      type="button"
      className={`ci-result ci-${look.tone}`}
      data-outcome={verdict.outcome}
      onClick={onDismiss}
      role="alert"
      aria-label={`${look.title}. ${verdict.message}`}
    >
      <span className="ci-result-title">{look.title}</span>
      <span className="ci-result-message">{verdict.message}</span>
      {verdict.outcome === "already_used" && verdict.admittedBy ? (
        <span className="ci-result-detail">on {verdict.admittedBy}</span>
      ) : null}
      {verdict.outcome === "valid" || verdict.outcome === "disputed" || verdict.outcome === "already_used" ? (
        <span className="ci-result-detail">
          {verdict.tierName}
          {verdict.holderName ? ` · ${verdict.holderName}` : ""}
          {verdict.bySignatureOnly ? " · sold after last sync" : ""}
        </span>
      ) : null}
      <span className="ci-result-hint">Tap to continue</span>
    </button>
  );
}
