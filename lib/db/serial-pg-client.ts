// Prisma's query interpreter sends a transaction's independent statements at once on its one connection
// (prisma/orm#29646, open in @prisma/adapter-pg 7.10.1, the newest), and pg 8.19+ logs a deprecation for every
// process that calls client.query() while a query is still running (its internal queue goes in pg@9). This
// client queues those calls itself: the same statements in the same order on the wire, no overlapping call.
import pg from "pg";

type QueryArgs = unknown[];

function isSubmittable(value: unknown): boolean {
  return typeof (value as { submit?: unknown } | null)?.submit === "function";
}

export class SerialClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    const query = super.query.bind(this) as (...args: QueryArgs) => unknown;
    let tail: Promise<unknown> = Promise.resolve();
    this.query = ((...args: QueryArgs) => {
      // Callback and submittable (cursor, stream) forms are left to pg: nothing here uses them.
      if (typeof args.at(-1) === "function" || isSubmittable(args[0])) return query(...args);
      const run = tail.then(() => query(...args));
      tail = run.catch(() => undefined);
      return run;
    }) as pg.Client["query"];
  }
}
