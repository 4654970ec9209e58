/**
 * Largest-remainder (Hamilton) allocation: splits a non-negative integer `total` into integer parts
 * proportional to `weights` that sum exactly to `total`. Each part is the floor or the ceiling of its
 * exact share, a zero weight always gets 0, and ties between equal remainders go to the lower index, so
 * the result is deterministic.
 *
 * Weights are non-negative integers (numbers must be safe integers); arithmetic is exact (bigint).
 */
export function allocateLargestRemainder(
  total: number,
  weights: readonly number[] | readonly bigint[],
): number[] {
  if (!Number.isSafeInteger(total) || total < 0) {
    throw new RangeError(`allocateLargestRemainder: total must be a non-negative integer, got ${total}`);
  }
  return allocateBig(BigInt(total), weights.map(toBigWeight)).map(Number);
}

/** The bigint core of allocateLargestRemainder. */
export function allocateBig(total: bigint, weights: readonly bigint[]): bigint[] {
  if (total < 0n) throw new RangeError("allocateLargestRemainder: total must be non-negative");
  let sum = 0n;
  for (const w of weights) {
    if (w < 0n) throw new RangeError("allocateLargestRemainder: weights must be non-negative");
    sum += w;
  }
  if (sum === 0n) {
    if (total === 0n) return weights.map(() => 0n);
    throw new RangeError("allocateLargestRemainder: cannot allocate a non-zero total over zero weights");
  }
  const parts: bigint[] = [];
  const remainders: { index: number; remainder: bigint }[] = [];
  let given = 0n;
  weights.forEach((w, index) => {
    const scaled = total * w;
    const part = scaled / sum;
    parts.push(part);
    given += part;
    remainders.push({ index, remainder: scaled % sum });
  });
  // Fewer than weights.length units are left, and only entries with a positive remainder receive one.
  let left = total - given;
  remainders.sort((a, b) =>
    a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1,
  );
  for (const { index } of remainders) {
    if (left === 0n) break;
    parts[index] = (parts[index] ?? 0n) + 1n;
    left -= 1n;
  }
  return parts;
}

function toBigWeight(w: number | bigint): bigint {
  if (typeof w === "bigint") return w;
  if (!Number.isSafeInteger(w))
    throw new RangeError(`allocateLargestRemainder: weight must be an integer, got ${w}`);
  return BigInt(w);
}

/**
 * Controlled rounding of a table: given integer row totals and column totals with the same sum T, returns
 * integer cells that sum exactly to every row total and every column total, each cell being the floor or
 * the ceiling of its proportional share rowTotal × colTotal / T. (Such a rounding always exists: the
 * proportional table lies in a transportation polytope with integer vertices.) Cells start from the
 * floors; the leftover units go to the largest remainders first (ties: lower row, then lower column), and
 * augmenting paths settle whatever that greedy pass cannot place. Deterministic.
 *
 * Used to split taxes over lines × tax names (and over tickets × tax names) so that line taxes, per-name
 * taxes and the tax total all agree to the cent.
 */
export function allocateTable(rowTotals: readonly bigint[], colTotals: readonly bigint[]): bigint[][] {
  const total = rowTotals.reduce((acc, r) => acc + r, 0n);
  if (colTotals.reduce((acc, c) => acc + c, 0n) !== total) {
    throw new RangeError("allocateTable: row totals and column totals must have the same sum");
  }
  if ([...rowTotals, ...colTotals].some((v) => v < 0n)) {
    throw new RangeError("allocateTable: totals must be non-negative");
  }
  if (total === 0n) return rowTotals.map(() => colTotals.map(() => 0n));

  const cells = rowTotals.map((r) => colTotals.map((c) => (r * c) / total));
  const fractional = rowTotals.map((r) => colTotals.map((c) => (r * c) % total));
  const rowNeed = rowTotals.map((r, i) => r - (cells[i] ?? []).reduce((acc, v) => acc + v, 0n));
  const colNeed = colTotals.map((c, k) => c - cells.reduce((acc, row) => acc + (row[k] ?? 0n), 0n));
  const extra = rowTotals.map(() => colTotals.map(() => false));
  const eligible = (i: number, k: number) => (fractional[i]?.[k] ?? 0n) > 0n;
  const setExtra = (i: number, k: number, value: boolean) => {
    const row = extra[i];
    if (row) row[k] = value;
  };
  const need = (arr: bigint[], index: number) => arr[index] ?? 0n;

  // Greedy pass: largest remainders first.
  const candidates: { i: number; k: number; remainder: bigint }[] = [];
  fractional.forEach((row, i) =>
    row.forEach((remainder, k) => {
      if (remainder > 0n) candidates.push({ i, k, remainder });
    }),
  );
  candidates.sort((a, b) =>
    a.remainder === b.remainder ? a.i - b.i || a.k - b.k : a.remainder > b.remainder ? -1 : 1,
  );
  for (const { i, k } of candidates) {
    if (need(rowNeed, i) > 0n && need(colNeed, k) > 0n) {
      setExtra(i, k, true);
      rowNeed[i] = need(rowNeed, i) - 1n;
      colNeed[k] = need(colNeed, k) - 1n;
    }
  }

  // Augmenting paths (Kuhn's algorithm with column capacities) for what the greedy pass left.
  const findPath = (i: number, visited: boolean[]): boolean => {
    for (let k = 0; k < colTotals.length; k++) {
      if (!eligible(i, k) || extra[i]?.[k] || visited[k]) continue;
      visited[k] = true;
      if (need(colNeed, k) > 0n) {
        colNeed[k] = need(colNeed, k) - 1n;
        setExtra(i, k, true);
        return true;
      }
      for (let j = 0; j < rowTotals.length; j++) {
        if (extra[j]?.[k] && findPath(j, visited)) {
          setExtra(j, k, false);
          setExtra(i, k, true);
          return true;
        }
      }
    }
    return false;
  };
  rowTotals.forEach((_, i) => {
    while (need(rowNeed, i) > 0n) {
      if (!findPath(i, [])) throw new Error("allocateTable: no controlled rounding found (unreachable)");
      rowNeed[i] = need(rowNeed, i) - 1n;
    }
  });

  return cells.map((row, i) => row.map((v, k) => (extra[i]?.[k] ? v + 1n : v)));
}
