"use client";
// The door scanner: provisioning, sync, scanning (camera, manual entry, lookup) and full-screen results.
import { useCallback, useEffect, useRef, useState } from "react";
import { Camera } from "./camera";
import { ServiceWorkerUpdate } from "./sw-update";
import { ResultScreen } from "./result-screen";
import {
  counts,
  forgetDevice,
  lookup,
  readDevice,
  readSyncState,
  resetStore,
  StoreCorruptError,
  type CheckinDb,
  type DeviceRecord,
  type Notice,
  type SyncState,
} from "@/lib/checkin/client/store";
import { DeviceRevokedError, syncDown, syncUp } from "@/lib/checkin/client/sync";
import { Scanner } from "@/lib/checkin/client/scanner";
import { OTHER_TAB_MESSAGE, startScanner, type ScannerStart } from "@/lib/checkin/client/session";
import { formatTime, type LocalTicket, type Verdict } from "@/lib/checkin/client/verify";
import { ticketShortCode } from "@/lib/orders/order-summary";

type Phase =
  | { kind: "loading" }
  | { kind: "no-device"; error?: string }
  | { kind: "revoked"; message: string }
  | { kind: "corrupt" }
  | { kind: "other-tab" }
  | { kind: "ready" };

const RETRY_MS = 20_000;

export function timeAgo(iso: string | undefined, now: number): string {
  if (!iso) return "never";
  const seconds = Math.max(0, Math.round((now - new Date(iso).getTime()) / 1000));
  if (seconds < 45) return "just now";
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  return `${hours} h ago`;
}

export function CheckinApp() {
  const [phase, setPhase] = useState<Phase>({ kind: "loading" });
  const db = useRef<CheckinDb | null>(null);
  const [device, setDevice] = useState<DeviceRecord | null>(null);
  const scanner = useRef<Scanner | null>(null);
  const [state, setState] = useState<SyncState | null>(null);
  // null until the store has been counted (never show "0 to upload" before knowing).
  const [stats, setStats] = useState<Awaited<ReturnType<typeof counts>> | null>(null);
  const [notices, setNotices] = useState<Notice[]>([]);
  const [syncing, setSyncing] = useState(false);
  const [syncError, setSyncError] = useState<string | null>(null);
  const [linkError, setLinkError] = useState<string | null>(null);
  const [online, setOnline] = useState(true);
  const [now, setNow] = useState(() => Date.now());
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [cameraOn, setCameraOn] = useState(false);
  const [manual, setManual] = useState("");
  const [query, setQuery] = useState("");
  const [matches, setMatches] = useState<LocalTicket[]>([]);
  const busy = useRef(false);
  const again = useRef(false);
  const showing = useRef(false);

  const refresh = useCallback(async () => {
    const d = db.current;
    if (!d) return;
    try {
      const [s, c, n] = await Promise.all([readSyncState(d), counts(d), d.getAll("notices")]);
      setState(s);
      setStats(c);
      setNotices(n.sort((a, b) => b.at.localeCompare(a.at)));
    } catch (e) {
      if (e instanceof StoreCorruptError) setPhase({ kind: "corrupt" });
      else throw e;
    }
  }, []);

  const sync = useCallback(
    async (options: { full?: boolean } = {}) => {
      const d = db.current;
      if (!d || !device) return;
      if (typeof navigator !== "undefined" && !navigator.onLine) return;
      // Asked for during another sync (a scan meanwhile): once more when that one is done.
      if (busy.current) {
        again.current = true;
        return;
      }
      busy.current = true;
      setSyncing(true);
      try {
        do {
          again.current = false;
          await syncUp(d, device);
          await syncDown(d, device, options);
        } while (again.current && navigator.onLine);
        scanner.current?.invalidate();
        setSyncError(null);
      } catch (e) {
        if (e instanceof DeviceRevokedError) setPhase({ kind: "revoked", message: e.message });
        else if (e instanceof StoreCorruptError) setPhase({ kind: "corrupt" });
        else setSyncError(e instanceof Error ? e.message : "Sync failed");
      } finally {
        busy.current = false;
        setSyncing(false);
        await refresh().catch(() => undefined);
      }
    },
    [device, refresh],
  );

  // Start (once per page, however often React runs this): this tab becomes the store's only writer, opens
  // the store, exchanges a scanner link, loads the device.
  useEffect(() => {
    let live = true;
    const apply = (start: ScannerStart) => {
      if (!live) return;
      if (start.kind === "other-tab") {
        setPhase({ kind: "other-tab" });
        void start.takeover.then(apply);
        return;
      }
      db.current = start.db;
      if (start.kind === "corrupt") {
        setPhase({ kind: "corrupt" });
      } else if (start.kind === "no-device") {
        setPhase({ kind: "no-device", error: start.linkError });
      } else {
        scanner.current = new Scanner(start.db, start.device);
        setDevice(start.device);
        setLinkError(start.linkError ?? null);
        setPhase({ kind: "ready" });
      }
    };
    void startScanner().then(apply);
    return () => {
      live = false;
    };
  }, []);

  // Once ready: sync now, on `online`, and periodically; tick the "last synced" clock.
  useEffect(() => {
    if (phase.kind !== "ready" || !device) return;
    queueMicrotask(() => {
      setOnline(navigator.onLine);
      void refresh();
      void sync();
    });
    const onOnline = () => {
      setOnline(true);
      void sync();
    };
    const onOffline = () => setOnline(false);
    window.addEventListener("online", onOnline);
    window.addEventListener("offline", onOffline);
    const retry = window.setInterval(() => void sync(), RETRY_MS);
    const tick = window.setInterval(() => setNow(Date.now()), 15_000);
    return () => {
      window.removeEventListener("online", onOnline);
      window.removeEventListener("offline", onOffline);
      window.clearInterval(retry);
      window.clearInterval(tick);
    };
  }, [phase.kind, device, refresh, sync]);

  /** Runs a check (scan or by hand) and shows its verdict full screen. */
  const check = useCallback(
    async (run: (s: Scanner) => Promise<Verdict | null>) => {
      if (showing.current || !scanner.current) return;
      try {
        const result = await run(scanner.current);
        if (!result) return;
        showing.current = true;
        setVerdict(result);
        if ("vibrate" in navigator) {
          navigator.vibrate(result.outcome === "valid" ? 120 : [200, 100, 200, 100, 200]);
        }
        void refresh();
        if (navigator.onLine) void sync();
      } catch (e) {
        if (e instanceof StoreCorruptError) setPhase({ kind: "corrupt" });
      }
    },
    [refresh, sync],
  );
  const handleCode = useCallback((text: string) => check((s) => s.scan(text)), [check]);
  /** Typed text: a code, or a short code (several tickets with it: listed under "Find", to pick one). */
  const handleTyped = useCallback(
    (text: string) =>
      check(async (s) => {
        const typed = await s.typed(text);
        if (typed?.matches) setQuery(text.trim());
        return typed?.verdict ?? null;
      }),
    [check],
  );

  const dismiss = useCallback(() => {
    showing.current = false;
    setVerdict(null);
  }, []);

  useEffect(() => {
    const q = query;
    const d = db.current;
    if (!d || q.trim().length < 2) {
      setMatches([]);
      return;
    }
    let live = true;
    lookup(d, q)
      .then((m) => live && setMatches(m))
      .catch(() => live && setMatches([]));
    return () => {
      live = false;
    };
  }, [query, stats]);

  async function resetAndResync() {
    setPhase({ kind: "loading" });
    setStats(null);
    try {
      const fresh = await resetStore(db.current);
      db.current = fresh;
      const record = await readDevice(fresh);
      if (!record) {
        setPhase({ kind: "no-device" });
        return;
      }
      scanner.current = new Scanner(fresh, record);
      setDevice(record);
      setPhase({ kind: "ready" });
    } catch {
      setPhase({ kind: "corrupt" });
    }
  }

  const tierNames = new Map((state?.tiers ?? []).map((t) => [t.id, t.name]));

  return (
    <main className="ci-app">
      <ServiceWorkerUpdate />
      {phase.kind === "loading" ? <p className="ci-center">Loading scanner…</p> : null}
      {phase.kind === "no-device" ? (
        <section className="ci-center">
          <h1>Stagedoor check-in</h1>
          {phase.error ? <p className="ci-error">{phase.error}</p> : null}
          <p>Scan the scanner link from the organizer portal</p>
        </section>
      ) : null}
      {phase.kind === "other-tab" ? (
        <section className="ci-center" role="alert">
          <h1>{OTHER_TAB_MESSAGE}</h1>
          <p>Scan there. This tab takes over when that one is closed.</p>
        </section>
      ) : null}
      {phase.kind === "revoked" ? (
        <section className="ci-center ci-revoked" role="alert">
          <h1>Device revoked</h1>
          <p>{phase.message}</p>
          <button
            type="button"
            className="ci-button"
            onClick={async () => {
              if (db.current) await forgetDevice(db.current, phase.message);
              scanner.current = null;
              setDevice(null);
              setPhase({ kind: "no-device" });
            }}
          >
            Forget this device
          </button>
        </section>
      ) : null}
      {phase.kind === "corrupt" ? (
        <section className="ci-center" role="alert">
          <h1>The scanner&apos;s data could not be read</h1>
          <p>Unsent scans are kept where possible.</p>
          <button type="button" className="ci-button" onClick={resetAndResync}>
            Reset and re-sync
          </button>
        </section>
      ) : null}
      {phase.kind === "ready" && device ? (
        <>
          <header className="ci-header">
            <div>
              <h1>{state?.event.title ?? device.event.title}</h1>
              <p className="ci-muted">
                {device.device.name} · {online ? "Online" : "Offline"}
              </p>
            </div>
            <button
              type="button"
              className="ci-button ci-secondary"
              onClick={() => void sync()}
              disabled={syncing || !online}
            >
              {syncing ? "Syncing…" : "Sync now"}
            </button>
          </header>
          <p className="ci-status" data-testid="sync-status">
            Last synced {timeAgo(state?.lastSyncedAt, now)} ·{" "}
            {stats
              ? `${stats.tickets} tickets · ${stats.revocations} revoked · ${stats.admitted} admitted here · ${stats.pending} to upload`
              : "counting…"}
          </p>
          {syncError ? <p className="ci-error">Sync failed: {syncError}</p> : null}
          {linkError ? <p className="ci-error">Scanner link not used: {linkError}</p> : null}
          {stats?.elsewhere.length ? (
            <ul className="ci-notices" aria-label="Scans of earlier devices">
              {stats.elsewhere.map(({ device: former, scans }) => (
                <li key={former.device.id}>
                  {scans} {scans === 1 ? "scan" : "scans"} from {former.device.name} ({former.event.title})
                  not yet uploaded{former.refusedMessage ? `: ${former.refusedMessage}` : ""}
                </li>
              ))}
            </ul>
          ) : null}
          {!state ? <p className="ci-muted">Waiting for the first sync…</p> : null}
          {notices.length ? (
            <ul className="ci-notices" aria-label="Possible duplicates">
              {notices.map((n) => (
                <li key={n.key}>{n.text}</li>
              ))}
            </ul>
          ) : null}

          <section className="ci-panel">
            <button
              type="button"
              className="ci-button ci-big"
              onClick={() => setCameraOn((on) => !on)}
              disabled={!state}
            >
              {cameraOn ? "Stop camera" : "Scan with camera"}
            </button>
            {cameraOn ? <Camera onCode={(t) => void handleCode(t)} /> : null}
          </section>

          <form
            className="ci-panel ci-row"
            onSubmit={(e) => {
              e.preventDefault();
              const text = manual;
              setManual("");
              void handleTyped(text);
            }}
          >
            <label className="ci-grow">
              Ticket code
              <input
                placeholder="Code or short code (#ZD5X14R8)"
                value={manual}
                onChange={(e) => setManual(e.target.value)}
                autoComplete="off"
                autoCapitalize="off"
                spellCheck={false}
              />
            </label>
            <button type="submit" className="ci-button" disabled={!state || !manual.trim()}>
              Check
            </button>
          </form>

          <section className="ci-panel">
            <label>
              Find by name or email
              <input value={query} onChange={(e) => setQuery(e.target.value)} type="search" />
            </label>
            {matches.length ? (
              <ul className="ci-matches">
                {matches.map((t) => (
                  <li key={t.codeHash}>
                    <div className="ci-grow">
                      <strong>{t.holderName ?? "No name"}</strong> · {t.holderEmail ?? ""}
                      <br />
                      <span className="ci-muted">
                        {tierNames.get(t.tierId) ?? "Ticket"} · #{ticketShortCode(t.id)} ·{" "}
                        {t.status !== "valid"
                          ? t.status
                          : t.disputed
                            ? "disputed"
                            : t.admittedAt
                              ? `admitted ${formatTime(t.admittedAt)}${t.admittedBy ? ` on ${t.admittedBy}` : ""}`
                              : "not yet admitted"}
                      </span>
                    </div>
                    <button
                      type="button"
                      className="ci-button"
                      aria-label={`Check in ${t.holderName ?? ticketShortCode(t.id)}`}
                      onClick={() => void check((scanner) => scanner.checkByHand(t))}
                    >
                      Check in
                    </button>
                  </li>
                ))}
              </ul>
            ) : query.trim().length >= 2 ? (
              <p className="ci-muted">No match in {stats?.tickets ?? 0} synced tickets.</p>
            ) : null}
          </section>
        </>
      ) : null}
      {verdict ? <ResultScreen verdict={verdict} onDismiss={dismiss} /> : null}
    </main>
  );
}
