// Runs inside headless Chromium (bundled by run.ts): the scanner's real client code against IndexedDB.
import { loadTickets, lookup, openStore, readSyncState, writeDevice } from "@/lib/checkin/client/store";
import { syncDown, syncUp } from "@/lib/checkin/client/sync";
import { Scanner } from "@/lib/checkin/client/scanner";
import { buildContext } from "@/lib/checkin/client/scanner";
import { codeHashOf, toHex, verifyCode } from "@/lib/checkin/client/verify";
import { encodeSignedPart, joinCode, toBase64Url } from "@/lib/tickets/ticket-code";
import { SYNC_FORMAT, toSyncTicket, type SyncResponse, type SyncTicket } from "@/lib/checkin/contract";

const EVENT_TAG = new Uint8Array([1, 2, 3, 4, 5, 6]);
const TIER_TAG = new Uint8Array([9, 9, 9, 9]);

function pct(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** Synthetic pages: a generated key, `sample` real signed codes, the rest random hashes. */
async function syntheticPages(options: Options): Promise<{ pages: string[]; codes: string[] }> {
  const key = (await crypto.subtle.generateKey({ name: "Ed25519" }, true, [
    "sign",
    "verify",
  ])) as CryptoKeyPair;
  const publicKey = toBase64Url(new Uint8Array(await crypto.subtle.exportKey("raw", key.publicKey)));
  // `sample` real signed codes; the rest of the list has random hashes (the scanner never sees codes).
  const codes: string[] = [];
  for (let i = 0; i < options.sample; i++) {
    const signed = encodeSignedPart({
      keyId: 1,
      eventTag: EVENT_TAG,
      tierTag: TIER_TAG,
      seed: crypto.getRandomValues(new Uint8Array(12)),
    });
    const sig = new Uint8Array(
      await crypto.subtle.sign({ name: "Ed25519" }, key.privateKey, new Uint8Array(signed)),
    );
    codes.push(joinCode(signed, sig));
  }
  const hashes = await Promise.all(codes.map(codeHashOf));
  const tickets: SyncTicket[] = [];
  for (let i = 0; i < options.tickets; i++) {
    // cuid-sized ids (25 characters), as the real ones.
    const id = `c${String(i).padStart(8, "0")}${toHex(crypto.getRandomValues(new Uint8Array(8)))}`;
    const ticket = {
      id,
      tierId: "tier_ga",
      holderName: `Holder ${i}`,
      holderEmail: `holder${i}@example.test`,
      status: i % 50 === 0 ? ("refunded" as const) : ("valid" as const),
      disputed: false,
      codeHash: hashes[i] ?? toBase64Url(crypto.getRandomValues(new Uint8Array(32))),
      admittedAt: null,
      admittedBy: null,
    };
    tickets.push(toSyncTicket(ticket, 0));
  }
  const PAGE = 20_000;
  const base: Omit<SyncResponse, "tickets" | "cursor" | "hasMore" | "full"> = {
    format: SYNC_FORMAT,
    event: {
      id: "evt",
      title: "Bench night",
      venueName: "Hall",
      startsAt: new Date().toISOString(),
      timezone: "UTC",
      status: "published",
    },
    eventTag: toHex(EVENT_TAG),
    keys: [{ keyId: 1, publicKey }],
    tiers: [{ id: "tier_ga", name: "General Admission", tag: toHex(TIER_TAG) }],
    revocations: [],
    serverTime: new Date().toISOString(),
  };
  // A fake server (fetch stub) answering the contract from memory: measures the client side only.
  const pages: string[] = [];
  for (let p = 0; p * PAGE < tickets.length; p++) {
    const body: SyncResponse = {
      ...base,
      tickets: tickets.slice(p * PAGE, (p + 1) * PAGE),
      cursor: `c${p + 1}`,
      full: p === 0,
      hasMore: (p + 1) * PAGE < tickets.length,
    };
    pages.push(JSON.stringify(body));
  }
  return { pages, codes };
}

/** Real pages captured by server.ts --out (served by run.ts --pages under /pages/), and real codes. */
async function capturedPages(count: number): Promise<{ pages: string[]; codes: string[] }> {
  const text = (url: string) => fetch(url).then((r) => r.text());
  const pages = await Promise.all(Array.from({ length: count }, (_, i) => text(`/pages/page-${i}.json`)));
  const codes = JSON.parse(await text("/pages/codes.json")) as string[];
  return { pages, codes };
}

interface Options {
  tickets: number;
  sample: number;
  uploads: number;
  /** Number of captured pages served by run.ts (0: synthetic pages). */
  pages: number;
}

async function run(options: Options) {
  const { pages, codes } =
    options.pages > 0 ? await capturedPages(options.pages) : await syntheticPages(options);
  // Page i's cursor leads to page i + 1 (captured cursors are opaque).
  const pageByCursor = new Map<string, number>();
  pages.forEach((page, i) => pageByCursor.set((JSON.parse(page) as SyncResponse).cursor, i + 1));
  const realFetch = globalThis.fetch;
  globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), location.href);
    if (url.pathname === "/api/tickets/checkin/sync" && (init?.method ?? "GET") === "GET") {
      const cursor = url.searchParams.get("cursor");
      const index = cursor ? (pageByCursor.get(cursor) ?? 0) : 0;
      return new Response(pages[index] ?? pages[0], { headers: { "content-type": "application/json" } });
    }
    if (url.pathname === "/api/tickets/checkin/sync") {
      const sent = JSON.parse(String(init?.body)) as { scans: { nonce: string }[] };
      return Response.json({
        results: sent.scans.map((s) => ({
          nonce: s.nonce,
          outcome: "admitted",
          reason: null,
          firstAdmission: null,
          forced: false,
          ticketId: null,
        })),
        recentAdmissions: [],
        revocations: [],
        serverTime: new Date().toISOString(),
      });
    }
    return realFetch(input, init);
  };

  const name = `bench-${Date.now()}`;
  const first = await openStore(name);
  const device = {
    deviceToken: "bench",
    device: { id: "d1", name: "Bench door" },
    event: { id: "evt", title: "Bench night" },
    provisionedAt: new Date().toISOString(),
  };
  await writeDevice(first, device);

  let t0 = performance.now();
  await syncDown(first, device, { full: true });
  const fullSyncMs = performance.now() - t0;
  first.close();

  // The app starting with the list already stored: open, read the chunks, build the in-memory list.
  t0 = performance.now();
  const db = await openStore(name);
  const stored = (await loadTickets(db)).size;
  const loadMs = performance.now() - t0;

  // Verification only (no queue write), then a full scan (verify + dedupe + queue write).
  const state = await readSyncState(db);
  if (!state) throw new Error("no sync state after the full sync");
  const ctx = await buildContext(db, state);
  const verifyTimes: number[] = [];
  for (const code of codes) {
    t0 = performance.now();
    const v = await verifyCode(code, ctx);
    verifyTimes.push(performance.now() - t0);
    if (v.outcome !== "valid" && v.outcome !== "refunded") throw new Error(`unexpected ${v.outcome}`);
  }
  // Lookup by name or email over the whole list (the first one builds the search text).
  const lookupTimes: number[] = [];
  for (let i = 0; i < 200; i++) {
    t0 = performance.now();
    await lookup(db, `holder ${(i * 7919) % options.tickets}`);
    lookupTimes.push(performance.now() - t0);
  }
  const firstLookup = lookupTimes[0];
  const scanner = new Scanner(db, device);
  const scanTimes: number[] = [];
  let now = Date.now();
  for (const code of codes) {
    now += 10;
    t0 = performance.now();
    await scanner.scan(code, now);
    scanTimes.push(performance.now() - t0);
  }
  // Queue up to `uploads` scans in total (forged codes are fine: the queue does not care), then upload.
  const filler = options.uploads - codes.length;
  const tx = db.transaction("scans", "readwrite");
  for (let i = 0; i < filler; i++) {
    void tx.store.put({
      nonce: crypto.randomUUID(),
      deviceId: device.device.id,
      eventId: device.event.id,
      code: codes[i % codes.length] ?? "",
      scannedAt: new Date().toISOString(),
      deviceResult: "admitted",
      localOutcome: "valid",
      codeHash: null,
      pending: 1,
    });
  }
  await tx.done;
  const queued = await db.countFromIndex("scans", "byPending", 1);
  t0 = performance.now();
  await syncUp(db, device);
  const uploadMs = performance.now() - t0;
  const left = await db.countFromIndex("scans", "byPending", 1);
  verifyTimes.sort((a, b) => a - b);
  lookupTimes.sort((a, b) => a - b);
  scanTimes.sort((a, b) => a - b);
  return {
    tickets: stored,
    fullSyncMs: Math.round(fullSyncMs),
    loadMs: Math.round(loadMs),
    verify: {
      n: verifyTimes.length,
      p50: pct(verifyTimes, 50),
      p99: pct(verifyTimes, 99),
      max: verifyTimes.at(-1),
    },
    scan: { n: scanTimes.length, p50: pct(scanTimes, 50), p99: pct(scanTimes, 99), max: scanTimes.at(-1) },
    upload: { queued, ms: Math.round(uploadMs), left },
    lookup: {
      n: lookupTimes.length,
      first: firstLookup,
      p50: pct(lookupTimes, 50),
      p99: pct(lookupTimes, 99),
    },
  };
}

(globalThis as unknown as { runBench: typeof run }).runBench = run;
