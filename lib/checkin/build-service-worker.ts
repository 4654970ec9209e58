// Writes public/sw.js for the check-in PWA (run after `next build`; see the `build` script). Workbox
// generateSW: precaches the built client assets (.next/static → /_next/static/), the scanner shell, its
// manifest and icons; navigations under /tickets/checkin are network-first and fall back to the precached
// shell, so the scanner opens and hydrates with no network. Registered by components/checkin/sw-update.tsx
// with scope /tickets/checkin.
import { readFileSync } from "node:fs";
import path from "node:path";
import { generateSW } from "workbox-build";

const ROOT = path.resolve(import.meta.dirname, "../..");
export const SHELL_URL = "/tickets/checkin?shell=1";

async function main() {
  const buildId = readFileSync(path.join(ROOT, ".next/BUILD_ID"), "utf8").trim();
  const { count, size, warnings } = await generateSW({
    swDest: path.join(ROOT, "public/sw.js"),
    globDirectory: ROOT,
    globPatterns: [
      ".next/static/**/*.{js,css,woff,woff2,png,svg,ico,webp}",
      "public/checkin.webmanifest",
      "public/checkin-icons/*.png",
    ],
    globIgnores: ["**/node_modules/**", "**/*.map", ".next/static/**/_buildManifest.js.map"],
    modifyURLPrefix: { ".next/static/": "/_next/static/", "public/": "/" },
    // Hashed file names: the URL is the version.
    dontCacheBustURLsMatching: /^\/_next\/static\//,
    additionalManifestEntries: [{ url: SHELL_URL, revision: buildId }],
    maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
    cacheId: "stagedoor-checkin",
    cleanupOutdatedCaches: true,
    clientsClaim: true,
    // A new version waits until the user taps "Reload" (workbox-window messageSkipWaiting).
    skipWaiting: false,
    sourcemap: false,
    inlineWorkboxRuntime: true,
    mode: "production",
    runtimeCaching: [
      {
        urlPattern: ({ request, url }) =>
          request.mode === "navigate" && url.pathname.startsWith("/tickets/checkin"),
        handler: "NetworkFirst",
        options: {
          cacheName: "stagedoor-checkin-pages",
          networkTimeoutSeconds: 4,
          expiration: { maxEntries: 5 },
          precacheFallback: { fallbackURL: SHELL_URL },
        },
      },
    ],
  });
  for (const w of warnings) console.warn(`service worker: ${w}`);
  console.log(`service worker: public/sw.js precaches ${count} files (${(size / 1024).toFixed(0)} KiB)`);
}

await main();
