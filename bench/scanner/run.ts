// Scanner benchmark: headless Chromium, the real client code (store, sync, verification) and 100,000
// tickets in IndexedDB. Usage: node --import tsx bench/scanner/run.ts [--tickets 100000] [--sample 2000]
// [--uploads 5000] [--pages DIR]. The server is replaced by an in-page fetch stub (see README: client-side
// figures); with --pages DIR (written by server.ts --out) the stub answers the sync with the real server's
// captured page bodies and the page verifies real codes of those tickets.
import { readFile, readdir } from "node:fs/promises";
import { createServer } from "node:http";
import path from "node:path";
import { build } from "esbuild";
import { chromium } from "@playwright/test";

const ROOT = path.resolve(import.meta.dirname, "../..");
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const pagesIndex = process.argv.indexOf("--pages");
const pagesDir = pagesIndex > 0 ? path.resolve(process.argv[pagesIndex + 1] ?? "") : null;
const pageCount = pagesDir ? (await readdir(pagesDir)).filter((f) => /^page-\d+\.json$/.test(f)).length : 0;
const options = {
  tickets: arg("tickets", 100_000),
  sample: arg("sample", 2_000),
  uploads: arg("uploads", 5_000),
  pages: pageCount,
};

const bundle = await build({
  entryPoints: [path.join(import.meta.dirname, "page.ts")],
  bundle: true,
  write: false,
  format: "esm",
  target: "chrome120",
  alias: { "@": ROOT },
  logLevel: "error",
});
const js = bundle.outputFiles[0]?.text ?? "";
const server = createServer((req, res) => {
  const captured = /^\/pages\/((?:page-\d+|codes)\.json)$/.exec(req.url ?? "");
  if (captured && pagesDir) {
    readFile(path.join(pagesDir, captured[1] ?? "")).then(
      (body) => res.writeHead(200, { "content-type": "application/json" }).end(body),
      () => res.writeHead(404).end(),
    );
    return;
  }
  if (req.url === "/bench.js") {
    res.writeHead(200, { "content-type": "text/javascript" });
    res.end(js);
    return;
  }
  res.writeHead(200, { "content-type": "text/html" });
  res.end('<!doctype html><script type="module" src="/bench.js"></script>');
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const address = server.address();
const port = typeof address === "object" && address ? address.port : 0;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
});
try {
  const page = await browser.newPage();
  await page.goto(`http://localhost:${port}/`);
  await page.waitForFunction(() => "runBench" in globalThis);
  const started = Date.now();
  const result = await page.evaluate(
    (o) => (globalThis as unknown as { runBench: (o: unknown) => Promise<unknown> }).runBench(o),
    options,
  );
  console.log(
    JSON.stringify({ options, chromium: browser.version(), wallMs: Date.now() - started, result }, null, 2),
  );
} finally {
  await browser.close();
  server.close();
}
