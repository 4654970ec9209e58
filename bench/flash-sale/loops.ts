// The client loops shared by the benchmark's processes.
import type { BuyOutcome } from "@/lib/inventory/testing/fixtures";

export interface LoopResult {
  ok: number;
  refused: number;
  busy: number;
  errors: number;
  seconds: number;
  /** Milliseconds per attempt, unsorted. */
  latencies: number[];
  firstError?: string;
}

/** `clients` loops of `step` until `deadline` (epoch ms); a loop stops at its first refusal (sold out). */
export async function runLoops(
  clients: number,
  deadline: number,
  step: (client: number) => Promise<BuyOutcome>,
): Promise<LoopResult> {
  const result: LoopResult = { ok: 0, refused: 0, busy: 0, errors: 0, seconds: 0, latencies: [] };
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      while (Date.now() < deadline) {
        const t0 = performance.now();
        let outcome: BuyOutcome;
        try {
          outcome = await step(client);
        } catch (error) {
          result.firstError ??= String(error);
          outcome = "error";
        }
        result.latencies.push(performance.now() - t0);
        if (outcome === "ok") result.ok += 1;
        else if (outcome === "busy") result.busy += 1;
        else if (outcome === "error") result.errors += 1;
        else {
          result.refused += 1;
          return;
        }
      }
    }),
  );
  result.seconds = (performance.now() - started) / 1000;
  return result;
}
