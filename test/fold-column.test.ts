import { describe, expect, it } from "vitest";
import { BLOCK_SIZE, BlockFolder, binIndex, emptyPartial, type AggregationMode } from "../src/engine/index.ts";
import { KeyedStream } from "../src/engine/rng/keyed-stream.ts";

/**
 * The binned fold (aggregate.ts, foldColumn) works in passes with shortcuts: signs from the
 * extremes when a block does not straddle zero, bins without range tests when the extremes lie
 * inside the plan's range. Its sums must be, bit for bit, those of folding one value at a time
 * (written out plainly below), on blocks that take every path.
 */
const bins = 16;
const lo = -50;
const hi = 150;

/** One output per kind of block, each over a run of blocks that differ. */
function blockOf(kind: number, b: number): Float64Array {
  const stream = new KeyedStream("fold-column", `${kind}-${b}`);
  return Float64Array.from({ length: BLOCK_SIZE }, (_, i) => {
    const u = stream.source();
    switch (kind) {
      case 0: return 10 + 100 * u; // inside the range, positive
      case 1: return -40 + 80 * u; // straddles zero, inside the range
      case 2: return -45 * u - 1; // negative, inside the range
      case 3: return -100 + 300 * u; // beyond both ends
      case 4: return i < 5 || i % 11 === 0 ? Number.NaN : 20 + 50 * u; // NaN first and scattered
      case 5: return 42; // constant (the fast path)
      case 6: return Number.NaN; // not applicable throughout
      case 7: return i % 3 === 0 ? 0 : i % 3 === 1 ? -0 : 5 * u; // zeros of both signs
      case 9: return i > 0 && i % 13 === 0 ? Number.NaN : -30 + 60 * u; // NaN scattered after a first value that applies (folded in pairs)
      case 10: return b % 2 === 0 ? 1e6 * u : 7 + u; // beyond hi, then inside (an odd count of paired columns)
      case 11: return blockOf(10, b)[i]; // the same bits as kind 10: folded as its alias, which is waiting for a pair in odd blocks
      default: return b % 2 === 0 ? (i === 0 ? hi : 100 + 49 * u) : 60; // the largest exactly hi, then constant
    }
  });
}

const kinds = 12;

/** Folding one value at a time: the reference. */
function reference(blocks: number) {
  const counts = new Uint32Array(kinds * (bins + 2));
  const min = new Float64Array(kinds).fill(Infinity);
  const max = new Float64Array(kinds).fill(-Infinity);
  const negatives = new Float64Array(kinds);
  const positives = new Float64Array(kinds);
  const welford = new Float64Array(blocks * kinds * 3);
  for (let b = 0; b < blocks; b++) {
    for (let k = 0; k < kinds; k++) {
      const values = blockOf(k, b);
      let n = 0;
      let shift = 0;
      let sum = 0;
      let sumSquares = 0;
      for (const x of values) {
        if (Number.isNaN(x)) continue;
        if (n++ === 0) shift = x;
        sum += x - shift;
        sumSquares += (x - shift) * (x - shift);
        counts[k * (bins + 2) + binIndex(x, lo, hi, bins)]++;
        if (x < min[k]) min[k] = x;
        if (x > max[k]) max[k] = x;
        if (x < 0) negatives[k]++;
        else if (x > 0) positives[k]++;
      }
      const o = (b * kinds + k) * 3;
      welford[o] = n;
      welford[o + 1] = n > 0 ? shift + sum / n : 0;
      welford[o + 2] = n > 0 ? Math.max(0, sumSquares - (sum * sum) / n) : 0;
    }
  }
  return { counts, min, max, negatives, positives, welford };
}

function sameBits(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

describe("the binned fold, in passes (aggregate.ts)", () => {
  it("gives, bit for bit, the sums of folding one value at a time, on blocks that take every path", () => {
    const blocks = 4;
    const plan: AggregationMode = {
      exact: false,
      bins,
      lo: new Float64Array(kinds).fill(lo),
      hi: new Float64Array(kinds).fill(hi),
      aliasOf: Int32Array.from({ length: kinds }, (_, k) => (k === 11 ? 10 : -1)),
      fixed: new Uint8Array(kinds),
    };
    const part = emptyPartial(kinds, 0, blocks * BLOCK_SIZE, plan);
    const folder = new BlockFolder(part, plan, kinds);
    for (let b = 0; b < blocks; b++) folder.accept(Array.from({ length: kinds }, (_, k) => blockOf(k, b)), b * BLOCK_SIZE, BLOCK_SIZE);
    folder.complete();
    const expected = reference(blocks);
    expect(sameBits(part.counts!, expected.counts)).toBe(true);
    expect(sameBits(part.min!, expected.min)).toBe(true);
    expect(sameBits(part.max!, expected.max)).toBe(true);
    expect(sameBits(part.negatives!, expected.negatives)).toBe(true);
    expect(sameBits(part.positives!, expected.positives)).toBe(true);
    expect(sameBits(part.welford!, expected.welford)).toBe(true);
    // The blocks do reach each path: below lo and at or above hi, both signs, NaN left out.
    expect(expected.counts[3 * (bins + 2)]).toBeGreaterThan(0);
    expect(expected.counts[3 * (bins + 2) + bins + 1]).toBeGreaterThan(0);
    expect(expected.counts[8 * (bins + 2) + bins + 1]).toBeGreaterThan(0);
    expect(expected.negatives[1] * expected.positives[1]).toBeGreaterThan(0);
    expect(expected.welford[4 * 3]).toBeLessThan(BLOCK_SIZE);
    expect(expected.welford[6 * 3]).toBe(0);
  });
});
