import { binIndex as importedBinIndex } from "../statistics/binned-quantiles.ts";

/** Read once: see cost-model.ts on imported bindings in hot loops. */
const binIndex = importedBinIndex;

/** Every output of every iteration in [from, to), column-major: columns[output][i - from]. */
export interface SimulationColumns {
  from: number;
  to: number;
  columns: Float64Array[];
}

/** Iterations per block: fixed, so results never depend on how blocks are shared among workers. */
export const BLOCK_SIZE = 1024;

/** Up to this many stored values (128 MB of float64) every value is kept and percentiles are exact (planAggregation). */
export const EXACT_VALUE_LIMIT = 16_777_216;

/** Histogram bins per output beyond that limit. */
export const HISTOGRAM_BINS = 2048;

/** plan.fixed's flags (0: read the output's values). */
export const FIXED_ZERO = 1;
export const FIXED_NAN = 2;

/**
 * How a run's outputs are aggregated, fixed before any block runs and from nothing but the
 * scenario and the iteration count: exact (every value kept), or binned over ranges set from the
 * first block, widened to three times its spread. `aliasOf[k]` is the first output whose first
 * block was bit for bit the same as output k's (-1 when none): a line no option changes is the
 * same column in every option, and folding it once serves them all while the two stay equal.
 * `fixed[k]` is FIXED_ZERO for an output the model writes as +0 in every lane of every block (known
 * before any block runs: a line the scenario leaves out), FIXED_NAN for one it writes as NaN, not
 * applicable, throughout (reserves sustainability of an option without finance); binned, such an
 * output is folded without reading its values.
 */
export type AggregationMode =
  | { exact: true; aliasOf: Int32Array; fixed: Uint8Array }
  | { exact: false; bins: number; lo: Float64Array; hi: Float64Array; aliasOf: Int32Array; fixed: Uint8Array };

/** Counts in equal bins over [lo, hi], for a chart. */
export interface Histogram {
  lo: number;
  hi: number;
  counts: number[];
}

/** What one run of consecutive blocks contributes: raw columns (exact) or mergeable partials (binned). */
export interface BlockPartial {
  from: number;
  to: number;
  /**
   * Exact: each output's values (stored values when `slots` is set); null for an output equal in
   * every block to its alias (plan.aliasOf), not stored.
   */
  columns?: (Float64Array | null)[];
  /**
   * Exact, when repeated lanes are stored once (a conditioned run: BlockFolder.acceptRuns): the
   * stored value of position from + i is columns[k][slots[i]]. Absent: position i's is columns[k][i].
   */
  slots?: Int32Array;
  /** With `slots`: the stored values filled so far (the next block's first slot). */
  stored?: number;
  /** Per block, per output: count, mean, m2 of its non-NaN values (merged in block order). */
  welford?: Float64Array;
  /** Per output: bins + 2 counts (order-free sums). */
  counts?: Uint32Array;
  min?: Float64Array;
  max?: Float64Array;
  negatives?: Float64Array;
  positives?: Float64Array;
}

/**
 * Chooses exact or binned aggregation; `pilot` is the first block's columns, `fixed` flags outputs
 * known to be +0 or NaN throughout (none when absent). Throws when the pilot has a flagged output
 * that is not: a wrong declaration must stop the run, not be folded as zeros or left out.
 */
export function planAggregation(size: number, iterations: number, pilot: SimulationColumns, fixed: Uint8Array = new Uint8Array(size)): AggregationMode {
  if (fixed.length !== size) throw new RangeError("planAggregation requires one fixed flag per output");
  for (let k = 0; k < size; k++) {
    if (fixed[k] === 0) continue;
    const nan = fixed[k] === FIXED_NAN;
    const col = pilot.columns[k];
    for (let i = 0; i < col.length; i++) {
      const x = col[i];
      if (nan ? x === x : !(x === 0 && 1 / x > 0)) {
        throw new RangeError(`output ${k} is declared ${nan ? "not applicable (NaN)" : "zero"} throughout, but iteration ${pilot.from + i} has ${x}`);
      }
    }
  }
  // Kept values: constant columns alias each other too (a column not stored is memory not touched).
  // The limit counts the columns stored (an alias is stored only once it differs), and every column
  // together may take at most twice it, should every alias come to differ.
  if (size * iterations <= 2 * EXACT_VALUE_LIMIT) {
    const exactAliases = findAliases(pilot.columns, true);
    const stored = exactAliases.reduce((n, j) => n + (j < 0 ? 1 : 0), 0);
    if (stored * iterations <= EXACT_VALUE_LIMIT) return { exact: true, aliasOf: exactAliases, fixed };
  }
  const aliasOf = findAliases(pilot.columns);
  const lo = new Float64Array(size);
  const hi = new Float64Array(size);
  const extremes = new Float64Array(2);
  for (let k = 0; k < size; k++) {
    columnExtremes(pilot.columns[k], extremes);
    let [min, max] = extremes;
    if (min === Infinity) [min, max] = [0, 0];
    const spread = Math.max(max - min, Math.abs(max) * 1e-6, 1e-6);
    lo[k] = min - spread;
    hi[k] = max + spread;
  }
  return { exact: false, bins: HISTOGRAM_BINS, lo, hi, aliasOf, fixed };
}

/**
 * The least and greatest non-NaN value of `col` into out[0], out[1] (Infinity, -Infinity when none):
 * an indexed loop of its own (a for-of in a closure per column ran at about 9 ns a value). With
 * sampleHash, planning the reference's binned run took 13-37 -> 4-7 ms, hot, in one process.
 */
function columnExtremes(col: Float64Array, out: Float64Array): void {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < col.length; i++) {
    const x = col[i];
    if (x < min) min = x;
    if (x > max) max = x;
  }
  out[0] = min;
  out[1] = max;
}

/**
 * For each column, the first earlier column with the same bits (-1 when none); hashed, then
 * compared. Columns of one repeated value are left out unless `constants`: folding them into
 * histograms is already a single pass.
 */
export function findAliases(columns: readonly Float64Array[], constants = false): Int32Array {
  const aliasOf = new Int32Array(columns.length).fill(-1);
  const byHash = new Map<number, number[]>();
  columns.forEach((col, k) => {
    if (!constants && isConstant(col)) return;
    const h = sampleHash(new Int32Array(col.buffer, col.byteOffset, col.length * 2));
    const candidates = byHash.get(h);
    const same = candidates?.find((j) => sameBits(columns[j], col, col.length));
    if (same !== undefined) aliasOf[k] = same;
    else if (candidates !== undefined) candidates.push(k);
    else byHash.set(h, [k]);
  });
  return aliasOf;
}

/**
 * FNV-1a over every sixteenth value's bits: equal columns hash equal and findAliases compares every
 * bit of those that do, so a sample is as exact as the whole and hashes 2,048 words in 128.
 */
function sampleHash(words: Int32Array): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < words.length; i += 32) h = Math.imul(Math.imul(h ^ words[i], 0x01000193) ^ words[i + 1], 0x01000193);
  return h;
}

/** True when every value of `col` has the bits of its first (a loop: a closure per value was most of planning a run). */
function isConstant(col: Float64Array): boolean {
  const first = col[0];
  if (first !== first) {
    for (let i = 1; i < col.length; i++) if (col[i] === col[i]) return false;
    return true;
  }
  const sign = 1 / first;
  for (let i = 1; i < col.length; i++) {
    const x = col[i];
    if (x !== first || (x === 0 && 1 / x !== sign)) return false;
  }
  return true;
}

/** True when the first `count` values of a and b have the same bits (NaN equal to NaN, -0 not to +0). */
function sameBits(a: Float64Array, b: Float64Array, count: number): boolean {
  for (let i = 0; i < count; i++) {
    const x = a[i];
    const y = b[i];
    if (x !== y) {
      if (x === x || y === y) return false;
    } else if (x === 0 && 1 / x !== 1 / y) return false;
  }
  return true;
}

/**
 * A binned partial's order-free sums: once merged into the aggregator they are free, and a
 * worker's next partial reuses them (fresh pages cost about 3 ms a megabyte here, the first time
 * they are touched: 40 ms for Bradford's 14 MB of bins, a third of a chunk's work).
 */
export interface OrderFreeSums {
  counts: Uint32Array;
  min: Float64Array;
  max: Float64Array;
  negatives: Float64Array;
  positives: Float64Array;
  /** Set when every count is already zero (merged and cleared: Aggregator.add), so a partial need not clear them. */
  zeroed?: boolean;
}

/** A finished run's order-free sums in this thread (Aggregator.release), for the next binned partial made here. */
let spare: OrderFreeSums | null = null;

/**
 * Creates the partial that consecutive blocks starting at `from` fold into, binned in `reuse`'s
 * buffers when given, else in a finished run's (same shape) when this thread kept one. Exact, with
 * `storedValues` below to - from: the values its blocks will store when repeated lanes arrive once
 * each (BlockFolder.acceptRuns; a conditioned run of 10,000 positions may hold 3,000 futures).
 */
export function emptyPartial(size: number, from: number, to: number, plan: AggregationMode, reuse?: OrderFreeSums, storedValues = to - from): BlockPartial {
  if (plan.exact) {
    const stored = [...plan.aliasOf.subarray(0, size)].filter((j) => j < 0).length;
    const runs = storedValues < to - from;
    const views = columnViews(stored, runs ? storedValues : to - from);
    let next = 0;
    const columns = Array.from({ length: size }, (_, k) => (plan.aliasOf[k] < 0 ? views[next++] : null));
    return runs ? { from, to, columns, slots: new Int32Array(to - from), stored: 0 } : { from, to, columns };
  }
  const blocks = Math.ceil((to - from) / BLOCK_SIZE);
  reuse ??= takeSpare();
  if (reuse !== undefined && reuse.counts.length === size * (plan.bins + 2) && reuse.min.length === size) {
    return {
      from, to,
      welford: new Float64Array(blocks * size * 3),
      counts: reuse.zeroed === true ? reuse.counts : reuse.counts.fill(0),
      min: reuse.min.fill(Infinity),
      max: reuse.max.fill(-Infinity),
      negatives: reuse.negatives.fill(0),
      positives: reuse.positives.fill(0),
    };
  }
  return {
    from, to,
    welford: new Float64Array(blocks * size * 3),
    counts: new Uint32Array(size * (plan.bins + 2)),
    min: new Float64Array(size).fill(Infinity),
    max: new Float64Array(size).fill(-Infinity),
    negatives: new Float64Array(size),
    positives: new Float64Array(size),
  };
}

/** Keeps a finished run's order-free sums for this thread's next binned partial (Aggregator.release). */
export function keepSpare(sums: OrderFreeSums): void {
  spare = sums;
}

function takeSpare(): OrderFreeSums | undefined {
  const taken = spare ?? undefined;
  spare = null;
  return taken;
}

/**
 * Folds blocks of columns (columns[output][lane]) into a partial: copied into its columns when
 * exact; else each output's block folded at once (Welford sums by block, histogram, extremes,
 * signs), so each output's bins stay in cache and no row is ever copied into a column.
 */
export class BlockFolder {
  /** Outputs still folded as their alias (plan.aliasOf) in this partial: equal in every block so far. */
  private readonly aliased: Int32Array;

  constructor(
    private readonly part: BlockPartial,
    private readonly plan: AggregationMode,
    private readonly size: number,
  ) {
    this.aliased = Int32Array.from(plan.aliasOf.subarray(0, size));
  }

  /**
   * Folds a block whose repeated lanes were simulated once: position start + i holds
   * columns[k][source[i]], for `distinct` values. An exact partial with slots stores each value
   * once; any other spreads them to their positions in place (outputs fixed at +0 are +0 at every
   * position already) and folds them as `accept` does.
   */
  acceptRuns(columns: readonly Float64Array[], start: number, count: number, source: Int32Array, distinct: number, copies?: Int32Array): void {
    const part = this.part;
    if (part.slots === undefined) {
      spreadRuns(columns, source, count, this.plan.fixed);
      this.accept(columns, start, count, copies);
      return;
    }
    const at = this.store(columns, distinct, copies);
    const slots = part.slots;
    for (let i = 0; i < count; i++) slots[start + i] = at + source[i];
  }

  /**
   * Folds `count` lanes of `columns` as iterations part.from + start ... (start a multiple of
   * BLOCK_SIZE). `copies[k] = j` says output k is a copy of output j in this block (as the model
   * wrote them), so an alias that is its copy is equal without reading either (-1: compare them).
   */
  accept(columns: readonly Float64Array[], start: number, count: number, copies?: Int32Array): void {
    const part = this.part;
    const size = this.size;
    if (this.plan.exact) {
      if (part.slots === undefined) {
        this.storeAt(columns, start, count, copies);
        return;
      }
      const at = this.store(columns, count, copies);
      for (let i = 0; i < count; i++) part.slots[start + i] = at + i;
      return;
    }
    const plan = this.plan;
    const block = Math.floor(start / BLOCK_SIZE);
    const stride = plan.bins + 2;
    const bins = plan.bins;
    const counts = part.counts!;
    const welford = part.welford!;
    const minima = part.min!;
    const maxima = part.max!;
    const negativeCounts = part.negatives!;
    const positiveCounts = part.positives!;
    const los = plan.lo;
    const his = plan.hi;
    const aliased = this.aliased;
    const fixed = plan.fixed;
    // An alias that differs in this block takes its own copy of the sums so far, before they include the block.
    for (let k = 0; k < size; k++) {
      const j = aliased[k];
      if (j >= 0 && !(copies !== undefined && copies[k] === j) && !sameBits(columns[j], columns[k], count)) this.separate(k, j);
    }
    for (let k = 0; k < size; k++) {
      const o = (block * size + k) * 3;
      const j = aliased[k];
      if (j >= 0) {
        const oj = (block * size + j) * 3;
        welford[o] = welford[oj];
        welford[o + 1] = welford[oj + 1];
        welford[o + 2] = welford[oj + 2];
        continue;
      }
      // Not applicable in any lane: nothing to fold (what foldColumn gives a block of NaN).
      if (fixed[k] === FIXED_NAN) {
        welford[o] = 0;
        welford[o + 1] = 0;
        welford[o + 2] = 0;
        continue;
      }
      const values = columns[k];
      // Fast path: a block whose values are all the same (a line that is zero for this option),
      // known without reading it when the output is fixed at +0.
      const first = fixed[k] === FIXED_ZERO ? 0 : values[0];
      let same = first === first;
      if (same && fixed[k] === 0) same = allEqual(values, first, count);
      if (same) {
        counts[k * stride + binIndex(first, los[k], his[k], bins)] += count;
        minima[k] = Math.min(minima[k], first);
        maxima[k] = Math.max(maxima[k], first);
        if (first < 0) negativeCounts[k] += count;
        else if (first > 0) positiveCounts[k] += count;
        welford[o] = count;
        welford[o + 1] = first;
        welford[o + 2] = 0;
        continue;
      }
      foldColumn(values, count, k, los[k], his[k], bins, counts, k * stride, minima, maxima, negativeCounts, positiveCounts, welford, o);
    }
  }

  /** Stores `count` values of each column at the partial's next slots; returns the first. */
  private store(columns: readonly Float64Array[], count: number, copies: Int32Array | undefined): number {
    const at = this.part.stored!;
    this.storeAt(columns, at, count, copies);
    this.part.stored = at + count;
    return at;
  }

  /** Exact: copies `count` values of each stored column to [at, at + count) of the partial's. */
  private storeAt(columns: readonly Float64Array[], at: number, count: number, copies: Int32Array | undefined): void {
    const target = this.part.columns!;
    const aliased = this.aliased;
    const fixed = this.plan.fixed;
    for (let k = 0; k < this.size; k++) {
      const j = aliased[k];
      if (j >= 0) {
        // Both +0, or both NaN, throughout: equal without comparing.
        if ((fixed[k] !== 0 && fixed[k] === fixed[j]) || (copies !== undefined && copies[k] === j) || sameBits(columns[j], columns[k], count)) continue;
        // Equal to its alias until this block: stored from now on, with the alias's values so far.
        const own = new Float64Array(target[j]!.length);
        own.set(target[j]!.subarray(0, at));
        target[k] = own;
        aliased[k] = -1;
      }
      target[k]!.set(columns[k].subarray(0, count), at);
    }
  }

  /** Gives every output still folded as its alias its own sums (binned): call once, after the last block. */
  complete(): void {
    if (this.plan.exact) return;
    for (let k = 0; k < this.size; k++) if (this.aliased[k] >= 0) this.separate(k, this.aliased[k]);
  }

  /** Output k, equal to output j in every block so far, takes a copy of j's order-free sums. */
  private separate(k: number, j: number): void {
    const part = this.part;
    const plan = this.plan as Extract<AggregationMode, { exact: false }>;
    const stride = plan.bins + 2;
    part.counts!.copyWithin(k * stride, j * stride, (j + 1) * stride);
    part.min![k] = part.min![j];
    part.max![k] = part.max![j];
    part.negatives![k] = part.negatives![j];
    part.positives![k] = part.positives![j];
    this.aliased[k] = -1;
  }
}

/** True when values[1 .. count) all equal `first` (not NaN): four a step, as most constant blocks run to the end. */
function allEqual(values: Float64Array, first: number, count: number): boolean {
  let i = 1;
  for (; i + 3 < count; i += 4) {
    if (values[i] !== first || values[i + 1] !== first || values[i + 2] !== first || values[i + 3] !== first) return false;
  }
  for (; i < count; i++) if (values[i] !== first) return false;
  return true;
}

/**
 * Folds one output's block: sums of deviations from the block's first value (no division per
 * value), turned into Welford's (count, mean, m2) once, histogram counts, extremes and signs.
 * In passes rather than one loop that does everything: the moments and extremes first, then signs
 * only when the block straddles zero, then the bins, with no range tests when the extremes are
 * inside the plan's range (the usual case). Up to a sixth faster than one loop (0-17%: Bradford's and the reference's blocks folded in one process, the two alternating),
 * and the same bits: each sum adds the same values in the same order.
 * A function of its own, monomorphic and small, so V8 keeps the loops tight.
 */
function foldColumn(
  values: Float64Array, count: number, k: number, lo: number, hi: number, bins: number, counts: Uint32Array, binBase: number,
  minima: Float64Array, maxima: Float64Array, negativeCounts: Float64Array, positiveCounts: Float64Array, welford: Float64Array, o: number,
): void {
  let first = 0;
  while (first < count && values[first] !== values[first]) first++; // NaN: not applicable in this iteration
  const shift = first < count ? values[first] : 0;
  let n = 0;
  let sum = 0;
  let sumSquares = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = first; i < count; i++) {
    const x = values[i];
    if (x !== x) continue;
    n++;
    const d = x - shift;
    sum += d;
    sumSquares += d * d;
    min = x < min ? x : min;
    max = x > max ? x : max;
  }
  // Signs: every value's is known from the extremes unless the block straddles zero.
  if (min > 0) positiveCounts[k] += n;
  else if (max < 0) negativeCounts[k] += n;
  else {
    let negatives = 0;
    let positives = 0;
    for (let i = first; i < count; i++) {
      const x = values[i];
      if (x < 0) negatives++;
      else if (x > 0) positives++;
    }
    negativeCounts[k] += negatives;
    positiveCounts[k] += positives;
  }
  // Bins 1..bins over [lo, hi) (binIndex, inlined), below lo in binBase, at or above hi in the last.
  // (x - lo) * scale is at least 0 there, so truncation (| 0) is Math.floor.
  const scale = bins / (hi - lo);
  const last = binBase + bins;
  if (min >= lo && max < hi) {
    for (let i = first; i < count; i++) {
      const x = values[i];
      if (x !== x) continue;
      let b = binBase + 1 + (((x - lo) * scale) | 0);
      if (b > last) b = last;
      counts[b]++;
    }
  } else {
    for (let i = first; i < count; i++) {
      const x = values[i];
      if (x !== x) continue;
      let b: number;
      if (x < lo) b = binBase;
      else if (x >= hi) b = last + 1;
      else {
        b = binBase + 1 + (((x - lo) * scale) | 0);
        if (b > last) b = last;
      }
      counts[b]++;
    }
  }
  if (min < minima[k]) minima[k] = min;
  if (max > maxima[k]) maxima[k] = max;
  welford[o] = n;
  welford[o + 1] = n > 0 ? shift + sum / n : 0;
  welford[o + 2] = n > 0 ? Math.max(0, sumSquares - (sum * sum) / n) : 0;
}

/**
 * A partial made for [from, to) but folded only to `through` (a multiple of BLOCK_SIZE, or `to`),
 * cut to [from, through): its per-block sums and kept columns shortened, its order-free sums as they are.
 */
export function truncatePartial(part: BlockPartial, through: number, size: number): BlockPartial {
  if (!(through > part.from && through <= part.to && ((through - part.from) % BLOCK_SIZE === 0 || through === part.to))) {
    throw new RangeError("truncatePartial requires from < through <= to, through - from a multiple of BLOCK_SIZE");
  }
  const blocks = Math.ceil((through - part.from) / BLOCK_SIZE);
  return {
    ...part,
    to: through,
    ...(part.welford !== undefined ? { welford: part.welford.subarray(0, blocks * size * 3) } : {}),
    ...(part.columns !== undefined && part.slots === undefined ? { columns: part.columns.map((c) => (c === null ? null : c.subarray(0, through - part.from))) } : {}),
    // Stored once each: the values are those of the blocks folded, up to `stored`, as they are.
    ...(part.slots !== undefined ? { slots: part.slots.subarray(0, through - part.from) } : {}),
  };
}

/**
 * Spreads each distinct lane's outputs to its positions, in place from the end (source[i] <= i),
 * but for the outputs `fixed` flags as +0: the model writes them as +0 in every lane of every block
 * (the aggregation folds them without reading them), so they are +0 at every position already. A
 * NaN one is spread: its buffer starts as +0 where no lane has been written yet.
 */
export function spreadRuns(columns: readonly Float64Array[], source: Int32Array, count: number, fixed: Uint8Array): void {
  for (let k = 0; k < columns.length; k++) {
    if (fixed[k] === FIXED_ZERO) continue;
    const column = columns[k];
    for (let i = count - 1; i >= 0; i--) column[i] = column[source[i]];
  }
}

/** Folds one block's simulated columns (the first block, already simulated for planning). */
export function foldBlock(part: BlockPartial, block: SimulationColumns, plan: AggregationMode): void {
  const folder = new BlockFolder(part, plan, block.columns.length);
  folder.accept(block.columns, block.from - part.from, block.to - block.from);
  folder.complete();
}

/**
 * `count` columns of `length` values, views into one buffer: one allocation instead of one per
 * output (a thousand separate buffers cost more in allocation and garbage collection than the run).
 */
export function columnViews(count: number, length: number): Float64Array[] {
  const all = new Float64Array(count * length);
  return Array.from({ length: count }, (_, k) => all.subarray(k * length, (k + 1) * length));
}

/** The buffers of a partial, each once, to transfer rather than copy between threads. */
export function transferList(part: BlockPartial): ArrayBuffer[] {
  const arrays = [...(part.columns ?? []).filter((c) => c !== null), part.welford, part.counts, part.min, part.max, part.negatives, part.positives];
  return [...new Set(arrays.filter((a) => a !== undefined).map((a) => a!.buffer as ArrayBuffer))];
}
