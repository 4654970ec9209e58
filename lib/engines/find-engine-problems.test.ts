import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findEngineProblems } from "@/lib/engines/find-engine-problems";

function project(stated: string, packages: Record<string, { node?: string; installed?: boolean }>) {
  const root = mkdtempSync(path.join(tmpdir(), "stagedoor-engines-"));
  writeFileSync(path.join(root, "package.json"), JSON.stringify({ engines: { node: stated } }));
  const lock: Record<string, unknown> = { "": { engines: { node: stated } } };
  for (const [name, p] of Object.entries(packages)) {
    lock[`node_modules/${name}`] = { version: "1.0.0", ...(p.node ? { engines: { node: p.node } } : {}) };
    if (p.installed !== false) mkdirSync(path.join(root, "node_modules", name), { recursive: true });
  }
  writeFileSync(path.join(root, "package-lock.json"), JSON.stringify({ packages: lock }));
  return root;
}

describe("Node version against engines", () => {
  it("passes when this Node is stated and every installed package supports the whole stated range", () => {
    const root = project("^20.19.0 || ^22.13.0 || >=24", {
      next: { node: ">=20.9.0" },
      prisma: { node: "^20.19 || ^22.12 || >=24.0" },
      "no-engines": {},
      "@img/sharp-win32-ia32": { node: "^20.9.0", installed: false },
      "@prisma/streams-local": { node: ">=22.0.0" },
    });
    expect(findEngineProblems(root, "v20.20.2")).toEqual([]);
  });

  it("names this Node when the stated range leaves it out", () => {
    const root = project("^22.13.0", {});
    expect(findEngineProblems(root, "v20.20.2")).toEqual([
      "Node v20.20.2 is not one package.json supports (^22.13.0)",
    ]);
  });

  it("names an installed package that needs a newer Node than the range states", () => {
    const root = project(">=20.11", {
      "@zxing/library": { node: ">= 24.0.0" },
      prisma: { node: "^20.19 || ^22.12 || >=24.0" },
    });
    expect(findEngineProblems(root, "v24.1.0")).toEqual([
      "@zxing/library@1.0.0 supports Node >= 24.0.0, not all of >=20.11",
      "prisma@1.0.0 supports Node ^20.19 || ^22.12 || >=24.0, not all of >=20.11",
    ]);
  });
});
