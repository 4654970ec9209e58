/** Delay before retry number `attempt` (1-based): exponential from `baseMs`, capped, with ±20% jitter. */
export function retryDelayMs(
  attempt: number,
  options: { baseMs?: number; capMs?: number; random?: () => number } = {},
): number {
  const base = options.baseMs ?? 5_000;
  const cap = options.capMs ?? 60 * 60 * 1000;
  const random = options.random ?? Math.random;
  const exponential = Math.min(cap, base * 2 ** Math.max(0, attempt - 1));
  const jitter = exponential * 0.2 * (random() * 2 - 1);
  return Math.max(0, Math.round(Math.min(cap, exponential + jitter)));
}
