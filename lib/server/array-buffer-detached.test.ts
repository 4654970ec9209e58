import { describe, expect, it } from "vitest";
import "@/lib/server/array-buffer-detached.mjs";

describe("ArrayBuffer.prototype.detached (native on Node 22+, defined by the launcher on Node 20)", () => {
  it("is an own property of ArrayBuffer.prototype, as React checks at load", () => {
    expect(Object.prototype.hasOwnProperty.call(ArrayBuffer.prototype, "detached")).toBe(true);
  });

  it("is true only for a transferred buffer, not for an empty or a full one", () => {
    const moved = new ArrayBuffer(8);
    structuredClone(moved, { transfer: [moved] });
    expect(moved.detached).toBe(true);
    expect(new ArrayBuffer(0).detached).toBe(false);
    expect(new ArrayBuffer(8).detached).toBe(false);
  });
});
