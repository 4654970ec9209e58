import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { whyBuildIsNeeded } from "@/lib/server/production-build";

function write(root: string, relative: string, secondsAgo: number) {
  const file = path.join(root, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, relative);
  const at = Date.now() / 1000 - secondsAgo;
  utimesSync(file, at, at);
}

function checkout() {
  const root = mkdtempSync(path.join(tmpdir(), "stagedoor-build-"));
  write(root, "app/page.tsx", 600);
  write(root, "lib/orders/refund-order.ts", 600);
  write(root, "package-lock.json", 600);
  return root;
}

describe("whether the demo must build first", () => {
  it("builds when there is no build, or no service worker", () => {
    const root = checkout();
    expect(whyBuildIsNeeded(root)).toBe("no production build yet");
    write(root, ".next/BUILD_ID", 60);
    expect(whyBuildIsNeeded(root)).toBe("the scanner's service worker is missing");
    write(root, "public/sw.js", 60);
    expect(whyBuildIsNeeded(root)).toBeUndefined();
  });

  it("builds again when a source file or the lock file changed after the build", () => {
    const root = checkout();
    write(root, ".next/BUILD_ID", 60);
    write(root, "public/sw.js", 60);
    write(root, "lib/orders/refund-order.ts", 10);
    expect(whyBuildIsNeeded(root)).toBe("lib changed since the last build");
    write(root, ".next/BUILD_ID", 5);
    write(root, "package-lock.json", 1);
    expect(whyBuildIsNeeded(root)).toBe("package-lock.json changed since the last build");
  });

  it("does not build again for a test file or what the build wrote itself", () => {
    const root = checkout();
    write(root, ".next/BUILD_ID", 60);
    write(root, "public/sw.js", 1);
    write(root, "public/workbox-1a2b.js", 1);
    write(root, "lib/orders/refund-order.test.ts", 1);
    write(root, "lib/tickets/testing/decode-qr-png.ts", 1);
    expect(whyBuildIsNeeded(root)).toBeUndefined();
  });
});
