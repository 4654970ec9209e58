"use client";
// Full-screen scan result: colour, a big word, one line for door staff, announced as an alert. Tap anywhere (one
// full-screen button) or wait 3 s to go back.
import { useEffect } from "react";
import type { ScanOutcome, Verdict } from "@/lib/checkin/client/verify";

const LOOK: Record<ScanOutcome, { title: string; tone: "ok" | "bad" | "warn" }> = {
  valid: { title: "VALID", tone: "ok" },
  already_used: { title: "ALREADY USED", tone: "bad" },
  refunded: { title: "REFUNDED", tone: "bad" },
  void: { title: "VOID", tone: "bad" },
  transferred: { title: "TRANSFERRED", tone: "bad" },
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
    <div className={`ci-result ci-${look.tone}`} data-outcome={verdict.outcome}>
      <div role="alert" className="ci-result-body">
        <p className="ci-result-title">{look.title}</p>
        <p className="ci-result-message">{verdict.message}</p>
        {verdict.outcome === "already_used" && verdict.admittedBy ? (
          <p className="ci-result-detail">on {verdict.admittedBy}</p>
        ) : null}
        {verdict.outcome === "valid" ||
        verdict.outcome === "disputed" ||
        verdict.outcome === "already_used" ? (
          <p className="ci-result-detail">
            {verdict.tierName}
            {verdict.holderName ? ` · ${verdict.holderName}` : ""}
            {verdict.bySignatureOnly ? " · sold after last sync" : ""}
          </p>
        ) : null}
      </div>
      <button type="button" className="ci-result-dismiss" onClick={onDismiss}>
        Tap to continue
      </button>
    </div>
  );
}
