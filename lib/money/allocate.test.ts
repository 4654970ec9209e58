import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocateLargestRemainder, allocateTable } from "@/lib/money/allocate";

describe("allocateLargestRemainder", () => {
  it("gives leftover units to the largest remainders", () => {
    // Quotas 3.33, 3.33, 3.33 → ties go to the lowest index.
    expect(allocateLargestRemainder(10, [1, 1, 1])).toEqual([4, 3, 3]);
    // Quotas 5.3, 2.65, 2.05 → floors 5, 2, 2; one left for the largest remainder (0.65).
    expect(allocateLargestRemainder(10, [530, 265, 205])).toEqual([5, 3, 2]);
    expect(allocateLargestRemainder(536, [500, 700])).toEqual([223, 313]);
  });

  it("accepts bigint weights and gives nothing to zero weights", () => {
    expect(allocateLargestRemainder(7, [0n, 3n, 0n, 4n])).toEqual([0, 3, 0, 4]);
    expect(allocateLargestRemainder(0, [0, 0])).toEqual([0, 0]);
    expect(allocateLargestRemainder(0, [])).toEqual([]);
  });

  it("rejects what it cannot allocate exactly", () => {
    expect(() => allocateLargestRemainder(5, [0, 0])).toThrow(RangeError);
    expect(() => allocateLargestRemainder(5, [])).toThrow(RangeError);
    expect(() => allocateLargestRemainder(-1, [1])).toThrow(RangeError);
    expect(() => allocateLargestRemainder(1.5, [1])).toThrow(RangeError);
    expect(() => allocateLargestRemainder(5, [1, -1])).toThrow(RangeError);
    expect(() => allocateLargestRemainder(5, [0.5, 1])).toThrow(RangeError);
  });

  it("sums exactly, stays within one unit of each exact share (floor or ceiling), zero weight → 0", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 12 }),
        (total, weights) => {
          fc.pre(weights.some((w) => w > 0));
          const parts = allocateLargestRemainder(total, weights);
          const weightSum = weights.reduce((a, b) => a + b, 0);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          parts.forEach((part, i) => {
            const w = BigInt(weights[i] ?? 0);
            const scaled = BigInt(total) * w;
            const floor = scaled / BigInt(weightSum);
            const ceil = scaled % BigInt(weightSum) === 0n ? floor : floor + 1n;
            expect(BigInt(part) >= floor && BigInt(part) <= ceil).toBe(true);
            if (w === 0n) expect(part).toBe(0);
          });
        },
      ),
      { numRuns: 1_000 },
    );
  });
});

describe("allocateTable", () => {
  it("rounds a table so rows and columns both keep their totals", () => {
    // Three lines with tax 1 each over three names with 1 each: a plain per-column split would give the
    // first line all three units; controlled rounding gives one per line and per name.
    expect(allocateTable([1n, 1n, 1n], [1n, 1n, 1n])).toEqual([
      [1n, 0n, 0n],
      [0n, 1n, 0n],
      [0n, 0n, 1n],
    ]);
    expect(allocateTable([0n, 0n], [])).toEqual([[], []]);
    expect(() => allocateTable([1n], [2n])).toThrow(RangeError);
  });

  it("keeps every row and column total, each cell the floor or ceiling of its share", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5_000 }), { minLength: 1, maxLength: 12 }),
        fc.array(fc.integer({ min: 0, max: 1_000 }), { minLength: 1, maxLength: 4 }),
        fc.array(fc.integer({ min: 0, max: 1_000 }), { minLength: 1, maxLength: 12 }),
        (rowWeights, colWeights, totals) => {
          fc.pre(rowWeights.some((w) => w > 0) && colWeights.some((w) => w > 0));
          const total = totals.reduce((a, b) => a + b, 0);
          const rows = allocateLargestRemainder(total, rowWeights).map(BigInt);
          const cols = allocateLargestRemainder(total, colWeights).map(BigInt);
          const table = allocateTable(rows, cols);
          rows.forEach((r, i) => expect(table[i]?.reduce((a, b) => a + b, 0n)).toBe(r));
          cols.forEach((c, k) => expect(table.reduce((a, row) => a + (row[k] ?? 0n), 0n)).toBe(c));
          table.forEach((row, i) =>
            row.forEach((cell, k) => {
              const scaled = (rows[i] ?? 0n) * (cols[k] ?? 0n);
              const floor = total === 0 ? 0n : scaled / BigInt(total);
              expect(cell === floor || (cell === floor + 1n && scaled % BigInt(total) !== 0n)).toBe(true);
            }),
          );
        },
      ),
      { numRuns: 1_000 },
    );
  });
});
