import "server-only";
import type { Db } from "@/lib/db";

/** Empties every tickets_ table (the module's own tables only; a host site's tables are never touched). */
export async function truncateAllTables(client: Db): Promise<void> {
  const rows = await client.$queryRaw<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename LIKE 'tickets\\_%'`;
  if (rows.length === 0) return;
  await client.$executeRawUnsafe(
    `TRUNCATE ${rows.map((r) => `"${r.tablename}"`).join(", ")} RESTART IDENTITY CASCADE`,
  );
}
