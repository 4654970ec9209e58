// Scanner benchmark, server side: the real route handlers of /api/tickets/checkin/sync (routing, device auth,
// zod, the queries, JSON serialization) against a real PostgreSQL with one event of 100,000 signed tickets.
// Creates, migrates and drops its own database. See README.md.
//
//   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres \
//     node --import tsx --import ./lib/server/hooks.mjs bench/scanner/server.ts [--tickets 100000] [--out DIR]
//
// --out DIR writes the full sync's page bodies (page-N.json) and 2,000 of the tickets' codes (codes.json) for
// `run.ts --pages DIR`, which then runs the client against these real responses.
import { createPrivateKey, randomBytes, randomUUID, sign } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { deployMigrations } from "@/lib/db/migrate";
import { SYNC_FORMAT } from "@/lib/checkin/contract";
import { encodeSignedPart, joinCodeBytes, toBase64Url } from "@/lib/tickets/ticket-code";

const adminUrl = process.env.DATABASE_URL;
if (!adminUrl) {
  console.error("DATABASE_URL (a real PostgreSQL server) is required.");
  process.exit(1);
}
const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const TICKETS = Number(arg("tickets") ?? 100_000);
const OUT = arg("out");
const UPLOAD = 5_000;
const CODES_OUT = 2_000;
const BATCH = 5_000;

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

const ms = (t0: number) => performance.now() - t0;
const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));

const dbName = `stagedoor_bench_scanner_${process.pid}_${Date.now().toString(36)}`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${dbName}`);
const url = withDatabase(adminUrl, dbName);
// Before anything reads `env` (it is parsed once, on first use).
process.env.DATABASE_URL = url;
process.env.LOG_LEVEL ??= "silent";

interface Row {
  what: string;
  ms: number;
  detail: string;
}
const rows: Row[] = [];
let exitCode = 0;
try {
  let t0 = performance.now();
  await deployMigrations(url);
  const migrateMs = ms(t0);

  const { db } = await import("@/lib/db");
  const { createCheckinWorld, createTestDevice } = await import("@/lib/checkin/testing");
  const { getOrCreateEventKey, openPrivateKey, signTicketCode, tag, ticketSecretHash, verifyTicketCode } =
    await import("@/lib/tickets/signing");
  const { GET, POST } = await import("@/app/api/tickets/checkin/sync/route");

  // Seed: one event, one order, TICKETS signed tickets (one INSERT … unnest per 5,000).
  t0 = performance.now();
  const world = await createCheckinWorld(`bench-${Date.now().toString(36)}`);
  const { organizer, event, tier, owner } = world;
  const order = await db.order.create({
    data: {
      organizerId: organizer.id,
      eventId: event.id,
      status: "paid",
      buyerEmail: "bench@example.com",
      buyerName: "Bench",
      currency: "cad",
      subtotalMinor: 0,
      totalMinor: 0,
      accessTokenHash: randomUUID(),
      paidAt: new Date(),
      items: {
        create: { tierId: tier.id, tierName: tier.name, quantity: TICKETS, unitPriceMinor: 0, totalMinor: 0 },
      },
    },
    select: { id: true, items: { select: { id: true } } },
  });
  const orderItemId = order.items[0]?.id ?? "";
  const key = await getOrCreateEventKey(db, { id: event.id, organizerId: organizer.id });
  // signTicketCode, with the event's private key opened once instead of per code (HKDF + AES-GCM + key
  // parsing per call: ~0.5 ms on this machine). Same format, same key; checked against signTicketCode below.
  const privateKey = createPrivateKey({ key: openPrivateKey(key.privateKey), format: "der", type: "pkcs8" });
  const eventTag = tag(event.id, 6);
  const tierTag = tag(tier.id, 4);
  const signCode = () => {
    const signed = encodeSignedPart({
      keyId: key.keyId,
      eventTag,
      tierTag,
      seed: new Uint8Array(randomBytes(12)),
    });
    const bytes = joinCodeBytes(signed, new Uint8Array(sign(null, signed, privateKey)));
    return { secret: toBase64Url(bytes), secretHash: ticketSecretHash(bytes), keyId: key.keyId };
  };
  const reference = signTicketCode(key, { eventId: event.id, tierId: tier.id }).secret;
  const sample = signCode().secret;
  const verified = verifyTicketCode(sample, { id: event.id, keys: [key] });
  if (!verified.ok || sample.length !== reference.length || sample.slice(0, 16) !== reference.slice(0, 16)) {
    throw new Error("signCode does not match signTicketCode");
  }
  const codes: string[] = []; // codes of the first 2 × UPLOAD + CODES_OUT tickets (kept for the uploads)
  const keep = 2 * UPLOAD + CODES_OUT;
  let signMs = 0;
  let insertMs = 0;
  // Sold an hour ago: older than the delta sync's overlap (SYNC_OVERLAP_MS), so (b) has nothing new.
  const soldAt = new Date(Date.now() - 60 * 60_000);
  for (let start = 0; start < TICKETS; start += BATCH) {
    const s0 = performance.now();
    const n = Math.min(BATCH, TICKETS - start);
    const ids: string[] = [];
    const secrets: string[] = [];
    const hashes: string[] = [];
    const names: string[] = [];
    const emails: string[] = [];
    for (let i = start; i < start + n; i++) {
      const code = signCode();
      if (codes.length < keep) codes.push(code.secret);
      ids.push(`c${Date.now().toString(36)}${randomBytes(8).toString("hex")}`); // cuid-sized (25 chars)
      secrets.push(code.secret);
      hashes.push(code.secretHash);
      names.push(`Holder ${i}`);
      emails.push(`holder${i}@example.com`);
    }
    signMs += ms(s0);
    // One statement per batch with one array per column (Prisma's createMany binds 12 parameters per row and
    // took ~0.5 ms a row here).
    const i0 = performance.now();
    await db.$executeRaw`
      INSERT INTO tickets_tickets (id, organizer_id, event_id, tier_id, order_id, order_item_id, secret,
        secret_hash, key_id, holder_name, holder_email, status, created_at, updated_at)
      SELECT u.id, ${organizer.id}, ${event.id}, ${tier.id}, ${order.id}, ${orderItemId}, u.secret, u.hash,
        ${key.keyId}, u.name, u.email, 'valid', ${soldAt}, ${soldAt}
      FROM unnest(${ids}::text[], ${secrets}::text[], ${hashes}::text[], ${names}::text[], ${emails}::text[])
        AS u(id, secret, hash, name, email)`;
    insertMs += ms(i0);
  }
  await db.$executeRawUnsafe("ANALYZE");
  const seedMs = ms(t0);
  const device = await createTestDevice(organizer.id, event.id, owner.userId, "Door 1");
  const other = await createTestDevice(organizer.id, event.id, owner.userId, "Door 2");
  const request = (token: string, query = "", body?: unknown) =>
    new Request(`http://localhost:3000/api/tickets/checkin/sync?format=${SYNC_FORMAT}${query}`, {
      method: body === undefined ? "GET" : "POST",
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const context = { params: Promise.resolve({}) };

  // (a) full initial sync: every page, through GET, body read as text (what goes over the wire).
  const pages: string[] = [];
  let cursor: string | undefined;
  let syncedTickets = 0;
  let totalBytes = 0;
  const fullStart = performance.now();
  for (;;) {
    const p0 = performance.now();
    const response = await GET(
      request(device.token, cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""),
      context,
    );
    const text = await response.text();
    const pageMs = ms(p0);
    if (response.status !== 200) throw new Error(`GET ${response.status}: ${text.slice(0, 300)}`);
    const body = JSON.parse(text) as { tickets: unknown[]; cursor: string; hasMore: boolean };
    pages.push(text);
    syncedTickets += body.tickets.length;
    totalBytes += Buffer.byteLength(text);
    rows.push({
      what: `GET page ${pages.length}`,
      ms: pageMs,
      detail: `${body.tickets.length.toLocaleString("en")} tickets, ${(Buffer.byteLength(text) / 1e6).toFixed(1)} MB`,
    });
    cursor = body.cursor;
    if (!body.hasMore) break;
  }
  const fullMs = ms(fullStart);
  if (syncedTickets !== TICKETS) throw new Error(`synced ${syncedTickets} of ${TICKETS} tickets`);
  rows.push({
    what: "**Full initial sync** (all pages, sequential)",
    ms: fullMs,
    detail: `${syncedTickets.toLocaleString("en")} tickets, ${pages.length} pages, ${(totalBytes / 1e6).toFixed(1)} MB`,
  });

  // (b) incremental sync with nothing new.
  t0 = performance.now();
  const delta = await GET(request(device.token, `&cursor=${encodeURIComponent(cursor ?? "")}`), context);
  const deltaText = await delta.text();
  const deltaMs = ms(t0);
  const deltaBody = JSON.parse(deltaText) as { tickets: unknown[]; hasMore: boolean };
  if (delta.status !== 200 || deltaBody.tickets.length !== 0)
    throw new Error(`delta: ${deltaText.slice(0, 300)}`);
  rows.push({ what: "Incremental sync, nothing new", ms: deltaMs, detail: `${deltaText.length} bytes` });

  // (c) uploads: 5,000 distinct tickets admitted offline; then 5,000 of which 10% were already admitted
  // (by the first upload, so the server answers duplicate / already_redeemed for them).
  const scannedAt = new Date().toISOString();
  const scans = (list: string[]) =>
    list.map((code) => ({ nonce: randomUUID(), code, scannedAt, deviceResult: "admitted" as const }));
  const upload = async (token: string, list: string[], label: string) => {
    const u0 = performance.now();
    const response = await POST(request(token, "", { scans: scans(list) }), context);
    const text = await response.text();
    const uploadMs = ms(u0);
    if (response.status !== 200) throw new Error(`POST ${response.status}: ${text.slice(0, 300)}`);
    const body = JSON.parse(text) as { results: { outcome: string }[] };
    const counts: Record<string, number> = {};
    for (const r of body.results) counts[r.outcome] = (counts[r.outcome] ?? 0) + 1;
    const summary = Object.entries(counts)
      .map(([k, v]) => `${v.toLocaleString("en")} ${k}`)
      .join(", ");
    rows.push({
      what: label,
      ms: uploadMs,
      detail: `${summary}; response ${(text.length / 1e6).toFixed(2)} MB`,
    });
  };
  const first = codes.slice(0, UPLOAD);
  await upload(device.token, first, "**Upload 5,000 scans**, distinct tickets (one POST)");
  const duplicates = first.slice(0, UPLOAD / 10);
  const fresh = codes.slice(UPLOAD, UPLOAD + UPLOAD - duplicates.length);
  await upload(
    other.token,
    [...fresh, ...duplicates],
    "Upload 5,000 scans, 10% already admitted (other device)",
  );

  if (OUT) {
    await mkdir(OUT, { recursive: true });
    await Promise.all(pages.map((text, i) => writeFile(path.join(OUT, `page-${i}.json`), text)));
    // Codes not uploaded above (the pages were captured before the uploads: none of them is admitted).
    await writeFile(path.join(OUT, "codes.json"), JSON.stringify(codes.slice(2 * UPLOAD, keep)));
  }

  const [{ server_version: pgVersion }] = (
    await admin.query<{ server_version: string }>("SHOW server_version")
  ).rows as [{ server_version: string }];
  console.log(
    `\n${TICKETS.toLocaleString("en")} tickets · node ${process.version} · PostgreSQL ${pgVersion} · nproc ${os.availableParallelism()} · load ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
  );
  console.log(
    `migrate ${fmt(migrateMs)} ms · seed ${fmt(seedMs / 1000)} s (signing ${fmt(signMs / 1000)} s, insert ${fmt(insertMs / 1000)} s)${OUT ? ` · pages written to ${OUT}` : ""}\n`,
  );
  console.log("| What | Time (ms) | Detail |\n| --- | ---: | --- |");
  for (const r of rows) console.log(`| ${r.what} | ${fmt(r.ms)} | ${r.detail} |`);
  await db.$disconnect();
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin.end();
}
process.exit(exitCode);
