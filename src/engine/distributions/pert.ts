import { BETA_TABLE_CELLS, betaQuantileTable } from "./beta-quantile-table.ts";

/**
 * PERT(min, mode, max): a beta on [min, max] with mean (min + lambda * mode + max) / (lambda + 2),
 * lambda 4 by default (Vose, Risk Analysis, 3rd ed., section 9.1.8).
 *
 * Drawn by inverse transform from one uniform through a quantile table of its beta shape
 * (betaQuantileTable, 4,096 equal-probability cells): linear between nodes, and in the two end
 * 64 cells at each end along the tails' power laws (x ~ u^(1/alpha) near min, 1 - x ~ (1 - u)^(1/beta)
 * near max).
 * Its error, a few millionths of the range at worst and far less in the body, is below anything a
 * report shows (test/distributions.test.ts); against Cheng's rejection method (beta.ts) it takes
 * one uniform instead of about 2.2 and no logarithm, a third of a run's time before. The table is
 * built on the first draw, so compiling a scenario (validate) does not pay for it.
 */
export function pert(
  source: () => number,
  min: number,
  mode: number,
  max: number,
  lambda = 4,
): () => number {
  checkPert(min, mode, max, lambda);
  if (min === max) return () => min;
  const { alpha, beta, width } = pertParts(min, mode, max, lambda);
  let table: ShapeTable | null = null;
  return () => {
    table ??= shapeTable(alpha, beta);
    return min + width * tableQuantile(table, source());
  };
}

/**
 * The same draws as `pert`, a column at a time: values[from .. to) hold one uniform each and are
 * replaced, in place, by the variates `pert` makes of them, bit for bit (input-sampler.ts draws
 * a whole block of lanes this way: one tight loop instead of two closure calls per value).
 */
export function pertColumn(min: number, mode: number, max: number, lambda = 4): UniformColumnTransform {
  checkPert(min, mode, max, lambda);
  if (min === max) return (values, from, to) => values.fill(min, from, to);
  const { alpha, beta, width } = pertParts(min, mode, max, lambda);
  let table: ShapeTable | null = null;
  return (values, from, to) => {
    table ??= shapeTable(alpha, beta);
    quantileColumn(table, min, width, values, from, to);
  };
}

/** Replaces uniforms in values[from .. to) by variates of a distribution drawn by inverse transform. */
export type UniformColumnTransform = (values: Float64Array, from: number, to: number) => void;

function checkPert(min: number, mode: number, max: number, lambda: number): void {
  if (!(Number.isFinite(min) && Number.isFinite(max) && min <= mode && mode <= max)) {
    throw new RangeError("pert requires min <= mode <= max");
  }
  if (!(lambda > 0 && Number.isFinite(lambda))) throw new RangeError("pert requires lambda > 0");
  if (!Number.isFinite(max - min)) throw new RangeError("pert requires a finite range max - min");
}

function pertParts(min: number, mode: number, max: number, lambda: number) {
  const { alpha, beta } = pertShapes(min, mode, max, lambda);
  return { alpha, beta, width: max - min };
}

/**
 * A beta shape's quantile table with its tails' nodes raised to their powers once: low[j] is
 * j^(1/alpha) and high[j] is j^(1/beta) for j = 0 .. TAIL_CELLS (the same numbers as raising them
 * on each draw, which took four Math.pow a tail draw instead of one).
 */
interface ShapeTable {
  nodes: Float64Array;
  lowPower: number;
  highPower: number;
  low: Float64Array;
  high: Float64Array;
}

function shapeTable(alpha: number, beta: number): ShapeTable {
  const lowPower = 1 / alpha;
  const highPower = 1 / beta;
  return {
    nodes: betaQuantileTable(alpha, beta),
    lowPower,
    highPower,
    low: Float64Array.from({ length: TAIL_CELLS + 1 }, (_, j) => Math.pow(j, lowPower)),
    high: Float64Array.from({ length: TAIL_CELLS + 1 }, (_, j) => Math.pow(j, highPower)),
  };
}

/**
 * Beta's quantile at u from its table: linear between nodes in the body, along the tails' power
 * laws in the end cells. A plain function, small enough to be inlined, so both callers run the
 * same arithmetic; the tails (3% of draws) in a function of their own.
 */
function tableQuantile(t: ShapeTable, u: number): number {
  const table = t.nodes;
  const h = u * BETA_TABLE_CELLS;
  const i = Math.floor(h);
  if (i >= TAIL_CELLS && i < BETA_TABLE_CELLS - TAIL_CELLS) return table[i] + (h - i) * (table[i + 1] - table[i]);
  return tailQuantile(t, h, i);
}

/**
 * values[k] = min + width * tableQuantile(t, values[k]) over [from, to), tableQuantile's body
 * written out: called from a closure inlined into the sampler's large drawLanes, tableQuantile was
 * past V8's inlining budget, and each call returned its double boxed, 110 MB of garbage in the
 * reference's 100,000 iterations. The same arithmetic, so the same bits.
 */
function quantileColumn(t: ShapeTable, min: number, width: number, values: Float64Array, from: number, to: number): void {
  const table = t.nodes;
  const cells = BETA_TABLE_CELLS;
  for (let k = from; k < to; k++) {
    const h = values[k] * cells;
    const i = Math.floor(h);
    const q = i >= TAIL_CELLS && i < cells - TAIL_CELLS ? table[i] + (h - i) * (table[i + 1] - table[i]) : tailQuantile(t, h, i);
    values[k] = min + width * q;
  }
}

function tailQuantile(t: ShapeTable, h: number, i: number): number {
  const table = t.nodes;
  const cells = BETA_TABLE_CELLS;
  if (i < TAIL_CELLS) {
    // Near min x ~ u^(1/alpha): linear in s = u^(1/alpha) between the nodes.
    const s0 = t.low[i];
    return table[i] + ((Math.pow(h, t.lowPower) - s0) / (t.low[i + 1] - s0)) * (table[i + 1] - table[i]);
  }
  // Near max 1 - x ~ (1 - u)^(1/beta): linear in r = (1 - u)^(1/beta).
  const r0 = t.high[cells - i];
  return table[i] + ((r0 - Math.pow(cells - h, t.highPower)) / (r0 - t.high[cells - i - 1])) * (table[i + 1] - table[i]);
}

/** Cells at each end interpolated along the tail's power law, where a straight line between nodes bends too little. */
const TAIL_CELLS = 64;

/** The beta shape parameters of a PERT distribution. */
export function pertShapes(
  min: number,
  mode: number,
  max: number,
  lambda = 4,
): { alpha: number; beta: number } {
  const width = max - min;
  return {
    alpha: 1 + (lambda * (mode - min)) / width,
    beta: 1 + (lambda * (max - mode)) / width,
  };
}
