import { describe, expect, it } from "vitest";
import { Aggregator, BLOCK_SIZE, BlockFolder, emptyPartial, findAliases, planAggregation, type AggregationMode } from "../src/engine/index.ts";
import { KeyedStream } from "../src/engine/rng/keyed-stream.ts";

/**
 * Outputs equal to an earlier one in the first block are folded (or kept) once while they stay
 * equal (aggregate.ts, aliasOf). Their statistics must be exactly those of folding every output on
 * its own, including an alias that parts from its original in a later block, in any partial.
 */
const blocks = 5;
const iterations = blocks * BLOCK_SIZE - 100;

function columnsOfBlock(b: number): Float64Array[] {
  const stream = new KeyedStream("aliases", `block-${b}`);
  const base = Float64Array.from({ length: BLOCK_SIZE }, () => stream.source() * 1000 - 300);
  const parted = Float64Array.from(base, (x, i) => (b >= 2 && i % 7 === 0 ? x + 1 : x));
  const zero = new Float64Array(BLOCK_SIZE);
  const nanAfter = Float64Array.from(base, (x, i) => (b >= 3 && i % 3 === 0 ? Number.NaN : x));
  // 0 base; 1 same as base in blocks 0-1, then different; 2 always base; 3, 4 zero; 5 NaN from block 3.
  return [base, parted, Float64Array.from(base), zero, Float64Array.from(zero), nanAfter];
}

function run(plan: AggregationMode, split: number[]): ReturnType<Aggregator["stats"]> {
  const aggregator = new Aggregator(6, iterations, plan);
  const edges = [0, ...split, iterations];
  for (let p = 0; p + 1 < edges.length; p++) {
    const [from, to] = [edges[p], edges[p + 1]];
    const part = emptyPartial(6, from, to, plan);
    const folder = new BlockFolder(part, plan, 6);
    for (let start = from; start < to; start += BLOCK_SIZE) folder.accept(columnsOfBlock(start / BLOCK_SIZE), start - from, Math.min(BLOCK_SIZE, to - start));
    folder.complete();
    aggregator.add(part);
  }
  return aggregator.stats();
}

describe("aliased outputs (aggregate.ts)", () => {
  const first = { from: 0, to: BLOCK_SIZE, columns: columnsOfBlock(0) };

  it("findAliases(columns) points each repeat at its first occurrence and leaves constants alone unless asked", () => {
    expect([...findAliases(first.columns)]).toEqual([-1, 0, 0, -1, -1, 0]);
    expect([...findAliases(first.columns, true)]).toEqual([-1, 0, 0, -1, 3, 0]);
  });

  it("findAliases(columns) takes a column for constant only when every value has its first's bits (-0 is not +0; NaN is NaN)", () => {
    const n = 8;
    const mixedZeros = Float64Array.from({ length: n }, (_, i) => (i === 5 ? -0 : 0));
    const nan = new Float64Array(n).fill(Number.NaN);
    const nanThenValue = Float64Array.from({ length: n }, (_, i) => (i === 7 ? 1 : Number.NaN));
    const cols = [mixedZeros, Float64Array.from(mixedZeros), nan, Float64Array.from(nan), nanThenValue, Float64Array.from(nanThenValue), new Float64Array(n).fill(-0), new Float64Array(n).fill(-0)];
    // Not constant: aliased (0 and 4 repeat); constant: left alone (2, 6) unless asked.
    expect([...findAliases(cols)]).toEqual([-1, 0, -1, -1, -1, 4, -1, -1]);
    expect([...findAliases(cols, true)]).toEqual([-1, 0, -1, 2, -1, 4, -1, 6]);
  });

  for (const exact of [true, false]) {
    it(`give the statistics of folding every output alone (${exact ? "exact" : "binned"}), whatever the split into partials`, () => {
      const planned = planAggregation(6, exact ? 1 : 1e9, first);
      expect(planned.exact).toBe(exact);
      const alone: AggregationMode = { ...planned, aliasOf: new Int32Array(6).fill(-1) };
      const reference = JSON.stringify(run(alone, []));
      for (const split of [[], [BLOCK_SIZE], [2 * BLOCK_SIZE, 3 * BLOCK_SIZE], [4 * BLOCK_SIZE]]) {
        expect(JSON.stringify(run(planned, split))).toBe(reference);
      }
      const stats = run(planned, [2 * BLOCK_SIZE]);
      // The parted output's mean is its original's plus 1 on every seventh value from block 2 on.
      expect(stats[1]!.mean).not.toBe(stats[0]!.mean);
      expect(stats[2]).toEqual(stats[0]);
      expect(stats[5]!.n).toBeLessThan(iterations);
    });
  }
});
