// The client loops shared by the benchmark's processes.
import type { BuyOutcome } from "@/lib/inventory/testing/fixtures";

export interface LoopResult {
  ok: number;
  /** Successes during the warm-up, not counted in `ok`. */
  warmUpOk: number;
  refused: number;
  busy: number;
  errors: number;
  seconds: number;
  /** Milliseconds per attempt, unsorted. */
  latencies: number[];
  firstError?: string;
}

export function emptyLoopResult(): LoopResult {
  return { ok: 0, warmUpOk: 0, refused: 0, busy: 0, errors: 0, seconds: 0, latencies: [] };
}

/**
 * `clients` loops of `step` until `deadline` (epoch ms); a loop stops at its first refusal (sold out).
 * Attempts that start before `measureFrom` (epoch ms) are warm-up: run, but only errors and refusals count.
 */
export async function runLoops(
  clients: number,
  deadline: number,
  step: (client: number) => Promise<BuyOutcome>,
  measureFrom = 0,
): Promise<LoopResult> {
  const result = emptyLoopResult();
  const started = performance.now() + Math.max(0, measureFrom - Date.now());
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      while (Date.now() < deadline) {
        const warmUp = Date.now() < measureFrom;
        const t0 = performance.now();
        let outcome: BuyOutcome;
        try {
          outcome = await step(client);
        } catch (error) {
          result.firstError ??= String(error);
          outcome = "error";
        }
        if (warmUp && (outcome === "ok" || outcome === "busy")) {
          if (outcome === "ok") result.warmUpOk += 1;
          continue;
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
