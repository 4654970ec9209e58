// Reports answered from memory for a moment: open dashboards poll every few seconds, and each poll would
// otherwise re-aggregate up to every order of an event. Per app instance, a report is computed at most once
// per REPORT_CACHE_MS for the same organizer and question, and requests arriving while it is computed share
// that one computation (single flight). Failures are not kept. The key always starts with the organizer, so
// one organizer can never be answered from another's entry.
import "server-only";

export const REPORT_CACHE_MS = 2_000;
const MAX_ENTRIES = 1_000;

const entries = new Map<string, { expiresAt: number; value: Promise<unknown> }>();

export function cachedReport<T>(
  organizerId: string,
  question: string,
  load: () => Promise<T>,
  now = Date.now(),
): Promise<T> {
  const key = `${organizerId}\u0000${question}`;
  const hit = entries.get(key);
  if (hit && hit.expiresAt > now) return hit.value as Promise<T>;
  if (entries.size >= MAX_ENTRIES) {
    for (const [k, entry] of entries) if (entry.expiresAt <= now) entries.delete(k);
    if (entries.size >= MAX_ENTRIES) entries.clear();
  }
  const value = load();
  const entry = { expiresAt: now + REPORT_CACHE_MS, value };
  entries.set(key, entry);
  value.catch(() => {
    if (entries.get(key) === entry) entries.delete(key);
  });
  return value;
}
