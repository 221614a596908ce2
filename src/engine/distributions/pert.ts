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
  const { alpha, beta, width, lowPower, highPower } = pertParts(min, mode, max, lambda);
  let table: Float64Array | null = null;
  return () => {
    table ??= betaQuantileTable(alpha, beta);
    return min + width * tableQuantile(table, source(), lowPower, highPower);
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
  const { alpha, beta, width, lowPower, highPower } = pertParts(min, mode, max, lambda);
  let table: Float64Array | null = null;
  return (values, from, to) => {
    table ??= betaQuantileTable(alpha, beta);
    for (let k = from; k < to; k++) values[k] = min + width * tableQuantile(table, values[k], lowPower, highPower);
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
  return { alpha, beta, width: max - min, lowPower: 1 / alpha, highPower: 1 / beta };
}

/**
 * Beta's quantile at u from its table: linear between nodes in the body, along the tails' power
 * laws in the end cells. A plain function, so both callers inline the same arithmetic.
 */
function tableQuantile(table: Float64Array, u: number, lowPower: number, highPower: number): number {
  const cells = BETA_TABLE_CELLS;
  const h = u * cells;
  const i = Math.floor(h);
  if (i < TAIL_CELLS) {
    // Near min x ~ u^(1/alpha): linear in s = u^(1/alpha) between the nodes.
    const s0 = Math.pow(i, lowPower);
    return table[i] + ((Math.pow(h, lowPower) - s0) / (Math.pow(i + 1, lowPower) - s0)) * (table[i + 1] - table[i]);
  }
  if (i >= cells - TAIL_CELLS) {
    // Near max 1 - x ~ (1 - u)^(1/beta): linear in r = (1 - u)^(1/beta).
    const r0 = Math.pow(cells - i, highPower);
    return table[i] + ((r0 - Math.pow(cells - h, highPower)) / (r0 - Math.pow(cells - i - 1, highPower))) * (table[i + 1] - table[i]);
  }
  return table[i] + (h - i) * (table[i + 1] - table[i]);
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
