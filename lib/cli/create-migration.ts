// npm run db:migration -- <name>: writes prisma/migrations/<timestamp>_<name>/migration.sql for the
// difference between the committed migrations and prisma/schema.prisma. Needs no database server.
import { createMigration } from "@/lib/db/migrate";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migration -- <name>   (lower-case letters, digits and _)");
  process.exit(2);
}
const created = await createMigration(name);
console.log(
  created ? `created prisma/migrations/${created}/migration.sql` : "schema unchanged: no migration needed",
);
process.exit(0);
