/** Months a year: flows are stepped monthly, so a year's cost uses the year's average children. */
export const STEPS_PER_YEAR = 12;

/** What one year's months of a path read and write, lane i of each array (children-flows.ts). */
export interface MonthLanes {
  /** By type: the stock at the start of the year, left at its end. */
  stock: readonly Float64Array[];
  /** By type: the monthly exit rate, and the factor that keeps a month's outflows within the stock. */
  exitM: readonly Float64Array[];
  out: readonly Float64Array[];
  /** By type: the month's entries into the type. */
  inflow: readonly Float64Array[];
  /** By type: left holding the year's average stock. */
  average: readonly Float64Array[];
  /** By move of the path: its monthly rate. */
  moveM: readonly Float64Array[];
  /** Care leavers leaving the count at 18 so far (a running stock), updated through the year. */
  leavers: Float64Array;
  /** The month's entries in all. */
  entriesM: Float64Array;
  /** Left holding the year's entries, exits, care leavers supported and share of exits at 18. */
  yearEntries: Float64Array;
  yearExits: Float64Array;
  careLeavers: Float64Array;
  at18: Float64Array;
}

/**
 * Steps lanes 0..count-1 through one year's months. `values` holds the inputs; the share of exits at
 * 18 and the care leavers' leaving rate a year are read at values[at18At + i] and values[leavingAt + i].
 */
export type MonthKernel = (count: number, lanes: MonthLanes, values: Float64Array, at18At: number, leavingAt: number) => void;

const kernels = new Map<string, MonthKernel>();

/**
 * The month step for a path of `types` placement types whose moves go from[k] -> to[k]: a function
 * written for that shape, every type's stock and rates in local variables, so the engine keeps them
 * in registers (over arrays of one entry a type, the same loop took three times as long; over all
 * lanes a month at a time, as before, a Bradford block took 21-28 ms against 6-10 ms). Each lane's arithmetic is, operation for operation, that of
 * DESIGN.md's monthly step (test/lines/month-kernel.test.ts checks it bit for bit against a month at a
 * time over all lanes): a month's exits and moves are computed from the stock at its start, exits
 * capped by `out`, then the stock moves on and the average takes the month's trapezoid; the care
 * leavers' running stock loses its monthly leaving rate and gains the month's exits at 18.
 * Kernels are kept by shape: a scenario has one or two.
 */
export function monthKernel(types: number, from: readonly number[], to: readonly number[]): MonthKernel {
  if (!(Number.isInteger(types) && types >= 1 && from.length === to.length && [...from, ...to].every((p) => Number.isInteger(p) && p >= 0 && p < types))) {
    throw new RangeError("monthKernel requires types >= 1 and moves between types 0..types-1");
  }
  const key = `${types}:${from.join(",")}:${to.join(",")}`;
  let kernel = kernels.get(key);
  if (kernel === undefined) {
    kernel = new Function("count", "lanes", "values", "at18At", "leavingAt", kernelSource(types, from, to)) as MonthKernel;
    kernels.set(key, kernel);
  }
  return kernel;
}

/** The body of monthKernel's function for one shape (exported for its test to read). */
export function kernelSource(types: number, from: readonly number[], to: readonly number[]): string {
  const T = Array.from({ length: types }, (_, p) => p);
  const K = from.map((_, k) => k);
  const months = STEPS_PER_YEAR;
  const halfMonths = 2 * STEPS_PER_YEAR;
  const lines: string[] = [
    `"use strict";`,
    `const { leavers, entriesM, yearEntries, yearExits, careLeavers, at18 } = lanes;`,
    ...T.map((p) => `const stock${p} = lanes.stock[${p}], exitM${p} = lanes.exitM[${p}], out${p} = lanes.out[${p}], inflow${p} = lanes.inflow[${p}], average${p} = lanes.average[${p}];`),
    ...K.map((k) => `const moveM${k} = lanes.moveM[${k}];`),
    `for (let i = 0; i < count; i++) {`,
    ...T.map((p) => `  let s${p} = stock${p}[i], c${p} = 0, a${p} = 0; const e${p} = exitM${p}[i], o${p} = out${p}[i], in${p} = inflow${p}[i];`),
    ...K.map((k) => `  const r${k} = moveM${k}[i];`),
    `  const staying = 1 - Math.min(1, Math.max(0, values[leavingAt + i]) / ${months});`,
    `  const shareAt18 = values[at18At + i];`,
    `  const monthEntries = entriesM[i];`,
    `  let left = leavers[i], exitsInYear = 0, supported = 0, entriesInYear = 0;`,
    `  for (let month = 0; month < ${months}; month++) {`,
    `    let monthExits = 0;`,
    ...T.map((p) => `    { const exits = s${p} * e${p} * o${p}; c${p} = in${p} - exits; monthExits += exits; }`),
    `    exitsInYear += monthExits;`,
    `    const before = left;`,
    `    left = before * staying + monthExits * shareAt18;`,
    `    supported += (before + left) / ${halfMonths};`,
    ...K.map((k) => `    { const moved = s${from[k]} * r${k} * o${from[k]}; c${from[k]} -= moved; c${to[k]} += moved; }`),
    `    entriesInYear += monthEntries;`,
    ...T.map((p) => `    { const opening = s${p}; s${p} = opening + c${p}; a${p} += (opening + s${p}) / ${halfMonths}; }`),
    `  }`,
    ...T.map((p) => `  stock${p}[i] = s${p}; average${p}[i] = a${p};`),
    `  leavers[i] = left; yearExits[i] = exitsInYear; careLeavers[i] = supported; yearEntries[i] = entriesInYear; at18[i] = shareAt18;`,
    `}`,
  ];
  return lines.join("\n");
}
