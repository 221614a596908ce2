import { describe, expect, it } from "vitest";
import fc from "fast-check";
import seedrandom from "seedrandom";
import { STEPS_PER_YEAR, kernelSource, monthKernel, type MonthLanes } from "../../src/model/simulation/month-kernel.ts";

/**
 * The month step as it was written before the kernels (children-flows.ts until December 2026): a
 * month at a time over all lanes, each array a type. The generated kernels must give these numbers
 * bit for bit, or every run with children as flows would change.
 */
function monthsOverAllLanes(count: number, lanes: MonthLanes, from: readonly number[], to: readonly number[], values: Float64Array, at18At: number, leavingAt: number): void {
  const T = lanes.stock.length;
  const { stock, exitM, out, inflow, average, moveM, leavers, entriesM, yearEntries, yearExits, careLeavers, at18 } = lanes;
  const lane = () => new Float64Array(count);
  const start = stock.map(lane);
  const change = stock.map(lane);
  const staying = lane();
  const monthExits = lane();
  for (let i = 0; i < count; i++) {
    yearEntries[i] = 0;
    yearExits[i] = 0;
    careLeavers[i] = 0;
    at18[i] = values[at18At + i];
    staying[i] = 1 - Math.min(1, Math.max(0, values[leavingAt + i]) / STEPS_PER_YEAR);
  }
  for (let p = 0; p < T; p++) average[p].fill(0, 0, count);
  for (let month = 0; month < STEPS_PER_YEAR; month++) {
    monthExits.fill(0, 0, count);
    for (let p = 0; p < T; p++) {
      for (let i = 0; i < count; i++) {
        start[p][i] = stock[p][i];
        const exits = stock[p][i] * exitM[p][i] * out[p][i];
        change[p][i] = inflow[p][i] - exits;
        monthExits[i] += exits;
      }
    }
    for (let i = 0; i < count; i++) {
      yearExits[i] += monthExits[i];
      const before = leavers[i];
      leavers[i] = before * staying[i] + monthExits[i] * at18[i];
      careLeavers[i] += (before + leavers[i]) / (2 * STEPS_PER_YEAR);
    }
    for (let k = 0; k < from.length; k++) {
      for (let i = 0; i < count; i++) {
        const moved = start[from[k]][i] * moveM[k][i] * out[from[k]][i];
        change[from[k]][i] -= moved;
        change[to[k]][i] += moved;
      }
    }
    for (let i = 0; i < count; i++) yearEntries[i] += entriesM[i];
    for (let p = 0; p < T; p++) {
      for (let i = 0; i < count; i++) {
        stock[p][i] = start[p][i] + change[p][i];
        average[p][i] += (start[p][i] + stock[p][i]) / (2 * STEPS_PER_YEAR);
      }
    }
  }
}

/** Random lanes of a shape: stocks to a few hundred, rates with zeros, caps below and at 1, as children-flows.ts sets them. */
function randomLanes(seed: string, types: number, moves: number, count: number) {
  const u = seedrandom(seed);
  const column = (f: () => number) => Float64Array.from({ length: count }, f);
  const rate = () => (u() < 0.2 ? 0 : u() * 0.3);
  const lanes: MonthLanes = {
    stock: Array.from({ length: types }, () => column(() => (u() < 0.1 ? 0 : u() * 400))),
    exitM: Array.from({ length: types }, () => column(rate)),
    out: Array.from({ length: types }, () => column(() => (u() < 0.7 ? 1 : u()))),
    inflow: Array.from({ length: types }, () => column(() => u() * 5)),
    average: Array.from({ length: types }, () => column(() => u())),
    moveM: Array.from({ length: moves }, () => column(rate)),
    leavers: column(() => u() * 50),
    entriesM: column(() => u() * 25),
    yearEntries: column(() => u()),
    yearExits: column(() => u()),
    careLeavers: column(() => u()),
    at18: column(() => u()),
  };
  // Inputs: the share of exits at 18 from 0, the leaving rate from count (some above 12 a year, capped).
  const values = Float64Array.from({ length: 2 * count }, (_, i) => (i < count ? u() : u() * 15));
  return { lanes, values };
}

function copyLanes(l: MonthLanes): MonthLanes {
  const copy = (a: readonly Float64Array[]) => a.map((x) => Float64Array.from(x));
  return {
    stock: copy(l.stock), exitM: copy(l.exitM), out: copy(l.out), inflow: copy(l.inflow), average: copy(l.average), moveM: copy(l.moveM),
    leavers: Float64Array.from(l.leavers), entriesM: Float64Array.from(l.entriesM), yearEntries: Float64Array.from(l.yearEntries),
    yearExits: Float64Array.from(l.yearExits), careLeavers: Float64Array.from(l.careLeavers), at18: Float64Array.from(l.at18),
  };
}

/** Every array of a and b, compared bit for bit (Object.is tells -0 from 0). */
function expectSameBits(a: MonthLanes, b: MonthLanes): void {
  for (const key of Object.keys(a) as (keyof MonthLanes)[]) {
    const x = [a[key]].flat();
    const y = [b[key]].flat();
    for (let j = 0; j < x.length; j++) {
      const same = x[j].every((v, i) => Object.is(v, y[j][i]));
      expect(same, `${key}[${j}]`).toBe(true);
    }
  }
}

describe("monthKernel(types, from, to)", () => {
  it("gives a month at a time over all lanes bit for bit, for Bradford's two paths' shapes", () => {
    for (const [from, to] of [[[0, 0], [3, 1]], [[0, 0, 0, 1, 0], [3, 1, 3, 3, 1]]]) {
      const { lanes, values } = randomLanes(`bradford-${from.length}`, 5, from.length, 1024);
      const expected = copyLanes(lanes);
      monthsOverAllLanes(1000, expected, from, to, values, 0, 1024);
      monthKernel(5, from, to)(1000, lanes, values, 0, 1024);
      expectSameBits(lanes, expected);
    }
  });

  it("gives the same bits for any number of types and moves, repeated and circular moves among them", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 7 }).chain((types) =>
          fc.record({
            types: fc.constant(types),
            moves: fc.array(fc.tuple(fc.nat(types - 1), fc.nat(types - 1)), { maxLength: 6 }),
            count: fc.integer({ min: 1, max: 40 }),
            seed: fc.string(),
          }),
        ),
        ({ types, moves, count, seed }) => {
          const from = moves.map((m) => m[0]);
          const to = moves.map((m) => m[1]);
          const { lanes, values } = randomLanes(seed, types, moves.length, count);
          const expected = copyLanes(lanes);
          monthsOverAllLanes(count, expected, from, to, values, 0, count);
          monthKernel(types, from, to)(count, lanes, values, 0, count);
          expectSameBits(lanes, expected);
        },
      ),
      { seed: 20261207, numRuns: 200 },
    );
  });

  it("leaves lanes from count on untouched", () => {
    const { lanes, values } = randomLanes("tail", 3, 1, 64);
    const before = copyLanes(lanes);
    monthKernel(3, [0], [2])(10, lanes, values, 0, 64);
    for (let i = 10; i < 64; i++) expect(lanes.stock[1][i]).toBe(before.stock[1][i]);
    expect(lanes.stock[1][9]).not.toBe(before.stock[1][9]);
  });

  it("is written once a shape and refuses moves outside the types", () => {
    expect(monthKernel(4, [1], [2])).toBe(monthKernel(4, [1], [2]));
    expect(kernelSource(2, [0], [1])).toContain("s0 * r0 * o0");
    expect(() => monthKernel(2, [0], [2])).toThrow(RangeError);
    expect(() => monthKernel(0, [], [])).toThrow("monthKernel requires types >= 1");
  });
});
