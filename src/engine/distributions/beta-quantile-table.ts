/** Equal-probability cells of a table: 4,096 (32 KB a shape). */
export const BETA_TABLE_CELLS = 4096;

/** Cells in x over which the CDF is integrated before it is inverted. */
const X_CELLS = 1024;

/** Gauss-Legendre nodes and weights on [-1, 1], eight points (Abramowitz and Stegun, table 25.4). */
const GL_X = [-0.9602898564975363, -0.7966664774136267, -0.5255324099163290, -0.1834346424956498, 0.1834346424956498, 0.5255324099163290, 0.7966664774136267, 0.9602898564975363];
const GL_W = [0.1012285362903763, 0.2223810344533745, 0.3137066458778873, 0.3626837833783620, 0.3626837833783620, 0.3137066458778873, 0.2223810344533745, 0.1012285362903763];

const tables = new Map<string, Float64Array>();

/**
 * The quantile function of Beta(alpha, beta), alpha, beta >= 1, at u = g / BETA_TABLE_CELLS for
 * g = 0 .. BETA_TABLE_CELLS: the CDF is integrated from the density by eight-point Gauss-Legendre
 * over 1,024 cells in x (no gamma function needed: the total normalises it), then each node is
 * found by Newton's method on the cubic Hermite through its x cell's CDF values and densities. Memoised by shape, built on first use (about 2 ms).
 * Its accuracy is checked in test/distributions.test.ts against the CDF.
 */
export function betaQuantileTable(alpha: number, beta: number): Float64Array {
  const key = `${alpha},${beta}`;
  let table = tables.get(key);
  if (table === undefined) {
    table = buildTable(alpha, beta);
    tables.set(key, table);
  }
  return table;
}

function buildTable(alpha: number, beta: number): Float64Array {
  if (!(alpha >= 1 && beta >= 1 && Number.isFinite(alpha) && Number.isFinite(beta))) throw new RangeError("betaQuantileTable requires alpha >= 1 and beta >= 1");
  // Unnormalised density, scaled at the mode so that neither tail underflows first.
  const mode = alpha + beta > 2 ? (alpha - 1) / (alpha + beta - 2) : 0.5;
  const logAtMode = (alpha > 1 ? (alpha - 1) * Math.log(mode) : 0) + (beta > 1 ? (beta - 1) * Math.log(1 - mode) : 0);
  // Plain loops over plain functions, no closures or destructuring: built on a command's first
  // draws, in cold code, where each closure's double came back boxed (about 2 ms and 1 MB of
  // garbage a shape; Bradford has 13). The same arithmetic in the same order, so the same table.
  const cdf = new Float64Array(X_CELLS + 1);
  for (let j = 0; j < X_CELLS; j++) cdf[j + 1] = cdf[j] + cellIntegral(j / X_CELLS, (j + 1) / X_CELLS, alpha, beta, logAtMode);
  const total = cdf[X_CELLS];
  const table = new Float64Array(BETA_TABLE_CELLS + 1);
  table[BETA_TABLE_CELLS] = 1;
  const edge = new Float64Array(X_CELLS + 1);
  for (let j = 0; j <= X_CELLS; j++) edge[j] = density(j / X_CELLS, alpha, beta, logAtMode);
  invertCells(cdf, edge, total, table);
  return table;
}

/** The unnormalised Beta(alpha, beta) density at x, over its value at the mode (exp of logAtMode). */
function density(x: number, alpha: number, beta: number, logAtMode: number): number {
  return Math.exp((alpha > 1 ? (alpha - 1) * Math.log(x) : 0) + (beta > 1 ? (beta - 1) * Math.log(1 - x) : 0) - logAtMode);
}

/** The density's integral over [a, b] by eight-point Gauss-Legendre. */
function cellIntegral(a: number, b: number, alpha: number, beta: number, logAtMode: number): number {
  const half = (b - a) / 2;
  const mid = (a + b) / 2;
  let s = 0;
  for (let j = 0; j < 8; j++) s += GL_W[j] * density(mid + half * GL_X[j], alpha, beta, logAtMode);
  return s * half;
}

/**
 * table[g] for g = 1 .. BETA_TABLE_CELLS - 1: the x where the CDF reaches g / BETA_TABLE_CELLS of
 * `total`, by Newton's method on the cubic Hermite through its x cell's CDF values and densities.
 */
function invertCells(cdf: Float64Array, edge: Float64Array, total: number, table: Float64Array): void {
  const h = 1 / X_CELLS;
  let j = 0;
  for (let g = 1; g < BETA_TABLE_CELLS; g++) {
    const target = (g / BETA_TABLE_CELLS) * total;
    while (j < X_CELLS - 1 && cdf[j + 1] <= target) j++;
    // Within x cell j the CDF is the cubic Hermite through its ends' values and densities
    // (error of order h^4); Newton on it needs no further density evaluations.
    const fa = cdf[j];
    const fb = cdf[j + 1];
    const ma = h * edge[j];
    const mb = h * edge[j + 1];
    let t = (target - fa) / (fb - fa);
    for (let k = 0; k < 8; k++) {
      const t2 = t * t;
      const t3 = t2 * t;
      const value = (2 * t3 - 3 * t2 + 1) * fa + (t3 - 2 * t2 + t) * ma + (-2 * t3 + 3 * t2) * fb + (t3 - t2) * mb;
      const slope = (6 * t2 - 6 * t) * fa + (3 * t2 - 4 * t + 1) * ma + (-6 * t2 + 6 * t) * fb + (3 * t2 - 2 * t) * mb;
      if (!(slope > 0)) break;
      const step = (value - target) / slope;
      t = Math.min(1, Math.max(0, t - step));
      if (Math.abs(step) < 1e-15) break;
    }
    table[g] = (j + t) * h;
  }
}
