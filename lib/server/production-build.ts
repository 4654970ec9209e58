// `npm run demo` builds before it serves when the production build is missing or older than the code it
// was built from, so the first README command always shows what is checked out.
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

/** What a production build is made of: a change to any of these makes the build out of date. */
const SOURCES = [
  "app",
  "components",
  "lib",
  "public",
  "prisma/schema.prisma",
  "instrumentation.ts",
  "proxy.ts",
  "next.config.ts",
  "tsconfig.json",
  "package-lock.json",
];
/** Written by the build itself (the service worker), or never part of it (tests). */
const NOT_SOURCES = [/^public\/sw\.js$/, /^public\/workbox-[^/]+\.js$/, /\.test\.tsx?$/, /(^|\/)testing\//];

function newestChange(root: string, relative: string): number {
  const full = path.join(root, relative);
  if (!existsSync(full) || NOT_SOURCES.some((re) => re.test(relative))) return 0;
  const stat = statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(full)) {
    newest = Math.max(newest, newestChange(root, `${relative}/${entry}`));
  }
  return newest;
}

/** Why `root` needs `npm run build` before `next start`, or undefined when its build is current. */
export function whyBuildIsNeeded(root: string): string | undefined {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return "no production build yet";
  if (!existsSync(path.join(root, "public", "sw.js"))) return "the scanner's service worker is missing";
  const builtAt = statSync(buildId).mtimeMs;
  const changed = SOURCES.find((source) => newestChange(root, source) > builtAt);
  return changed ? `${changed} changed since the last build` : undefined;
}
