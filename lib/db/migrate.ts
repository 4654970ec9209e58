// Applies and creates Prisma migrations through Prisma's schema engine compiled to wasm, so no native engine
// has to be downloaded. Writes the standard `_prisma_migrations` table with the CLI's checksums, so
// `prisma migrate deploy` and this module are interchangeable on the same database.
// See ../shared/notes/prisma-offline.md for how the engine is driven.
import { readFile, readdir, writeFile, mkdir } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";

type SqlMigrationAwareFactory = Parameters<typeof bindMigrationAwareSqlAdapterFactory>[0];

const ROOT = path.resolve(import.meta.dirname, "..", "..");
export const SCHEMA_PATH = path.join(ROOT, "prisma", "schema.prisma");
export const MIGRATIONS_DIR = path.join(ROOT, "prisma", "migrations");
const FILTERS = { externalTables: [], externalEnums: [] };

let enginePromise: Promise<typeof import("@prisma/schema-engine-wasm")> | undefined;

/** Node cannot `import` a .wasm file, so instantiate the engine's wasm with its JS glue by hand. */
async function loadEngineModule(): Promise<typeof import("@prisma/schema-engine-wasm")> {
  enginePromise ??= (async () => {
    const require = createRequire(import.meta.url);
    const pkgDir = path.dirname(require.resolve("@prisma/schema-engine-wasm"));
    const glue = (await import(
      /* webpackIgnore: true */ path.join(pkgDir, "schema_engine_bg.js")
    )) as typeof import("@prisma/schema-engine-wasm") & {
      __wbg_set_wasm(exports: WebAssembly.Exports): void;
    };
    const bytes = await readFile(path.join(pkgDir, "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, {
      "./schema_engine_bg.js": glue as unknown as WebAssembly.ModuleImports,
    });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
    return glue;
  })();
  return enginePromise;
}

export async function loadMigrationsList(migrationsDir = MIGRATIONS_DIR): Promise<MigrationList> {
  const entries = await readdir(migrationsDir, { withFileTypes: true }).catch(() => []);
  const dirs = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const migrationDirectories = await Promise.all(
    dirs.map(async (dir) => ({
      path: dir,
      migrationFile: {
        path: "migration.sql",
        content: {
          tag: "ok" as const,
          value: await readFile(path.join(migrationsDir, dir, "migration.sql"), "utf8"),
        },
      },
    })),
  );
  const lockContent = await readFile(path.join(migrationsDir, "migration_lock.toml"), "utf8").catch(
    () => null,
  );
  return {
    baseDir: migrationsDir,
    lockfile: { path: "migration_lock.toml", content: lockContent },
    shadowDbInitScript: "",
    migrationDirectories,
  };
}

async function openEngine(
  factory: SqlMigrationAwareFactory,
  log: (line: string) => void,
): Promise<SchemaEngine> {
  const engine = await loadEngineModule();
  const schema = await readFile(SCHEMA_PATH, "utf8");
  return engine.SchemaEngine.new(
    { datamodels: [[SCHEMA_PATH, schema]] },
    (line: string) => log(line),
    bindMigrationAwareSqlAdapterFactory(factory),
  );
}

export interface DeployResult {
  applied: string[];
}

/** `prisma migrate deploy`: refuses on failed migrations, applies pending ones in order. */
export async function deployMigrations(
  databaseUrl: string,
  options: { log?: (line: string) => void; migrationsDir?: string } = {},
): Promise<DeployResult> {
  const factory = new PrismaPg({ connectionString: databaseUrl, max: 2 });
  const engine = await openEngine(factory as unknown as SqlMigrationAwareFactory, options.log ?? (() => {}));
  try {
    const migrationsList = await loadMigrationsList(options.migrationsDir);
    const diagnosis = await engine.diagnoseMigrationHistory({
      migrationsList,
      optInToShadowDatabase: false,
      filters: FILTERS,
    });
    if (diagnosis.failedMigrationNames.length > 0) {
      throw new Error(
        `Migrations failed earlier and must be resolved by hand: ${diagnosis.failedMigrationNames.join(", ")}`,
      );
    }
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters: FILTERS });
    return { applied: appliedMigrationNames };
  } finally {
    engine.free();
  }
}

/**
 * `prisma migrate dev --create-only`, run against a throw-away in-memory PGlite (and a second one as the
 * shadow database), so creating a migration needs no server and cannot touch real data.
 */
export async function createMigration(name: string, migrationsDir = MIGRATIONS_DIR): Promise<string | null> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const { PrismaPGlite } = await import("pglite-prisma-adapter");
  // Extensions the migrations create (pg_trgm) must be loaded into each wasm database, the shadow one too:
  // the adapter's own shadow database is a bare PGlite.
  const newDatabase = () => new PGlite({ extensions: { pg_trgm } });
  const factory = new PrismaPGlite(newDatabase());
  factory.connectToShadowDb = () => new PrismaPGlite(newDatabase()).connect();
  const engine = await openEngine(factory as unknown as SqlMigrationAwareFactory, () => {});
  try {
    const migrationsList = await loadMigrationsList(migrationsDir);
    await engine.devDiagnostic({ migrationsList, filters: FILTERS });
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters: FILTERS });
    if (appliedMigrationNames.length > 0) await engine.devDiagnostic({ migrationsList, filters: FILTERS });
    const schema = await readFile(SCHEMA_PATH, "utf8");
    const result = await engine.createMigration({
      draft: false,
      migrationName: name,
      migrationsList,
      schema: { files: [{ path: SCHEMA_PATH, content: schema }] },
      filters: FILTERS,
    });
    if (result.migrationScript === null) return null;
    const dir = path.join(migrationsDir, result.generatedMigrationName);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, "migration.sql"), result.migrationScript);
    await writeFile(
      path.join(migrationsDir, "migration_lock.toml"),
      '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n',
    );
    return result.generatedMigrationName;
  } finally {
    engine.free();
  }
}
