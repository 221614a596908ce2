import { binIndex } from "../statistics/binned-quantiles.ts";
import { Welford } from "../statistics/welford.ts";
import { binnedStats, exactStats, type OutputStats } from "../statistics/output-stats.ts";
import { keepSpare, type AggregationMode, type BlockPartial, type Histogram, type OrderFreeSums } from "./aggregate.ts";

/**
 * total[i] += part[i], then part[i] = 0, over [from, to]: a loop of its own, so it is optimised on
 * its first long call.
 */
function moveCounts(total: Uint32Array, part: Uint32Array, from: number, to: number): void {
  for (let i = from; i <= to; i++) {
    total[i] += part[i];
    part[i] = 0;
  }
}

/** Each position's stored value, out[at + i] = stored[slots[i]] (a partial whose repeated lanes were stored once). */
function spreadSlots(stored: Float64Array, slots: Int32Array, out: Float64Array, at: number): void {
  for (let i = 0; i < slots.length; i++) out[at + i] = stored[slots[i]];
}

/** Merges each block's (count, mean, m2) of every output, laid out [block][output][3], into merged[output], in block order. */
function mergeBlocks(merged: Welford[], welford: Float64Array, size: number): void {
  for (let o = 0; o < welford.length; o += 3 * size) {
    for (let k = 0; k < size; k++) merged[k].merge(welford[o + 3 * k], welford[o + 3 * k + 1], welford[o + 3 * k + 2]);
  }
}

/**
 * Merges partials into statistics per output. Partials may arrive in any order; they are merged in
 * iteration order, so the statistics depend only on (scenario, seed, iterations).
 */
export class Aggregator {
  private readonly parts: BlockPartial[] = [];
  /**
   * Order-free sums, folded in as partials arrive so their buffers can go; the first partial's own
   * arrays are taken over rather than added to zeros (a run in one thread has only one).
   */
  private counts: Uint32Array<ArrayBufferLike> = new Uint32Array(0);
  private min: Float64Array<ArrayBufferLike> = new Float64Array(0);
  private max: Float64Array<ArrayBufferLike> = new Float64Array(0);
  private negatives: Float64Array<ArrayBufferLike> = new Float64Array(0);
  private positives: Float64Array<ArrayBufferLike> = new Float64Array(0);

  constructor(
    private readonly size: number,
    private readonly iterations: number,
    readonly plan: AggregationMode,
  ) {}

  /** Merges a partial; returns its order-free sums when they are free to reuse (merged into the first partial's). */
  add(part: BlockPartial): OrderFreeSums | null {
    let free: OrderFreeSums | null = null;
    if (!this.plan.exact && this.counts.length === 0) {
      [this.counts, this.min, this.max, this.negatives, this.positives] = [part.counts!, part.min!, part.max!, part.negatives!, part.positives!];
      part = { from: part.from, to: part.to, welford: part.welford };
    } else if (!this.plan.exact) {
      // A partial's values of output k lie in [min[k], max[k]], so its counts outside those bins are
      // zero: only the bins between are added (a chunk of eight blocks fills about a third of an
      // output's bins, a constant one bin), and zeroed, so the next partial need not clear 14 MB.
      free = { counts: part.counts!, min: part.min!, max: part.max!, negatives: part.negatives!, positives: part.positives!, zeroed: true };
      const [min, max, negatives, positives] = [part.min!, part.max!, part.negatives!, part.positives!];
      const plan = this.plan;
      const stride = plan.bins + 2;
      for (let k = 0; k < this.size; k++) {
        if (!(min[k] <= max[k])) continue;
        const base = k * stride;
        moveCounts(this.counts as Uint32Array, part.counts!, base + binIndex(min[k], plan.lo[k], plan.hi[k], plan.bins), base + binIndex(max[k], plan.lo[k], plan.hi[k], plan.bins));
      }
      for (let k = 0; k < this.size; k++) {
        if (min[k] < this.min[k]) this.min[k] = min[k];
        if (max[k] > this.max[k]) this.max[k] = max[k];
        this.negatives[k] += negatives[k];
        this.positives[k] += positives[k];
      }
      part = { from: part.from, to: part.to, welford: part.welford };
    }
    this.parts.push(part);
    return free;
  }

  /**
   * Gives the order-free sums to this thread's next binned partial (emptyPartial), once the
   * statistics and histograms are read: the aggregator cannot be used after.
   */
  release(): void {
    if (!this.plan.exact && this.counts.length > 0) keepSpare({ counts: this.counts as Uint32Array, min: this.min as Float64Array, max: this.max as Float64Array, negatives: this.negatives as Float64Array, positives: this.positives as Float64Array });
    this.counts = new Uint32Array(0);
    this.min = this.max = this.negatives = this.positives = new Float64Array(0);
    this.parts.length = 0;
  }

  /**
   * A coarse histogram of output k over [min, max] in `bins` equal bins, for charts: from every
   * value when exact, else by re-binning the fine histogram (each fine bin counted at its centre).
   */
  histogram(k: number, bins = 40): Histogram {
    const parts = [...this.parts].sort((a, b) => a.from - b.from);
    const plan = this.plan;
    const counts = new Array<number>(bins).fill(0);
    if (plan.exact) {
      const values: number[] = [];
      for (const p of parts) {
        const column = p.columns![k] ?? p.columns![plan.aliasOf[k]]!;
        for (let i = 0; i < p.to - p.from; i++) {
          const x = column[p.slots === undefined ? i : p.slots[i]];
          if (x === x) values.push(x);
        }
      }
      if (values.length === 0) return { lo: 0, hi: 0, counts };
      let [lo, hi] = [Infinity, -Infinity];
      for (const x of values) [lo, hi] = [Math.min(lo, x), Math.max(hi, x)];
      const scale = hi > lo ? bins / (hi - lo) : 0;
      for (const x of values) counts[Math.min(bins - 1, Math.floor((x - lo) * scale))]++;
      return { lo, hi, counts };
    }
    const stride = plan.bins + 2;
    const fine = this.counts.subarray(k * stride, (k + 1) * stride);
    const [lo, hi] = [this.min[k], this.max[k]];
    if (!(hi >= lo)) return { lo: 0, hi: 0, counts };
    const scale = hi > lo ? bins / (hi - lo) : 0;
    const width = (plan.hi[k] - plan.lo[k]) / plan.bins;
    for (let i = 0; i < stride; i++) {
      if (fine[i] === 0) continue;
      const centre = i === 0 ? lo : i === stride - 1 ? hi : plan.lo[k] + (i - 0.5) * width;
      counts[Math.max(0, Math.min(bins - 1, Math.floor((centre - lo) * scale)))] += fine[i];
    }
    return { lo, hi, counts };
  }

  /** Statistics per output index (null where no iteration applied), once every iteration is in. */
  stats(): (OutputStats | null)[] {
    const parts = [...this.parts].sort((a, b) => a.from - b.from);
    let expected = 0;
    for (const p of parts) {
      if (p.from !== expected) throw new RangeError("Aggregator requires contiguous parts covering every iteration");
      expected = p.to;
    }
    if (expected !== this.iterations) throw new RangeError("Aggregator requires contiguous parts covering every iteration");
    const plan = this.plan;
    if (plan.exact) {
      const all = new Float64Array(this.iterations);
      const scratch = new Float64Array(this.iterations);
      const stats: (OutputStats | null)[] = [];
      for (let k = 0; k < this.size; k++) {
        // The same bits as its alias in every part: the same statistics, without selecting again.
        const j = plan.aliasOf[k];
        if (j >= 0 && parts.every((p) => p.columns![k] === null)) {
          stats.push(stats[j]);
          continue;
        }
        for (const p of parts) {
          const column = p.columns![k] ?? p.columns![j]!;
          if (p.slots === undefined) all.set(column.subarray(0, p.to - p.from), p.from);
          else spreadSlots(column, p.slots, all, p.from);
        }
        stats.push(exactStats(all, scratch));
      }
      return stats;
    }
    const stride = plan.bins + 2;
    // Block by block, every output's sums in turn, as they lie in memory (each output's own merges
    // still in block order: the same bits). Output by output, each read was a block's stride away,
    // 40 KB for Bradford: a cache miss a read, 25 ms a 100,000-iteration run.
    const size = this.size;
    const merged = Array.from({ length: size }, () => new Welford());
    for (const p of parts) mergeBlocks(merged, p.welford!, size);
    return merged.map((w, k) => binnedStats(w, this.counts.subarray(k * stride, (k + 1) * stride), plan.lo[k], plan.hi[k], this.min[k], this.max[k], this.negatives[k], this.positives[k]));
  }
}
