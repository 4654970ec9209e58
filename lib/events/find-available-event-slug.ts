import "server-only";
import type { Db } from "@/lib/db";

/** `base` if no event uses it, else the first free `base-2`, `base-3`, … (slugs are unique across events). */
export async function findAvailableEventSlug(client: Db, base: string): Promise<string> {
  const rows = await client.event.findMany({
    where: { slug: { startsWith: base } },
    select: { slug: true },
  });
  const taken = new Set(rows.map((r) => r.slug));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base.slice(0, 60 - String(n).length - 1).replace(/-+$/, "")}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}
