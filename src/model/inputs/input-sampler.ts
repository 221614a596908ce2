import { BLOCK_SIZE, KeyedStream, correlationRoot, imanConover, normalCdf, standardNormal, studentTInto, studentTShape, type StudentTShape, type UniformColumnTransform } from "../../engine/index.ts";
import type { Quantity } from "../quantities/quantity-schema.ts";
import { buildSampler, columnTransform, describeQuantity, isConstant, quantileFor } from "./build-sampler.ts";
import { ScenarioError } from "../quantities/scenario-error.ts";
import { NATIONAL_SHOCKS, NationalShocks, SHOCK_DEGREES_OF_FREEDOM, familyIndex, type NationalLatent } from "./national-shocks.ts";

/** Lanes (iterations) evaluated together: one block. */
export const LANES = BLOCK_SIZE;

/**
 * Where a quantity's values live: year t of lane i is values[(slot + stride * t) * LANES + i].
 * `constant` quantities hold the same value in every lane.
 */
export interface QuantityRef {
  slot: number;
  stride: 0 | 1;
  constant: boolean;
}

/** One scenario number as the reports list it: its path, distribution and evidence. */
export interface Assumption {
  key: string;
  distribution: string;
  per: "iteration" | "year";
  source?: string;
  note?: string;
  /** A balancing item: chosen so that a total comes out right (reported as such). */
  balancing?: boolean;
}

/** Inputs drawn together and reordered to a rank correlation, a whole block of iterations at a time. */
interface CorrelatedGroup {
  draws: Draw[];
  root: number[][];
  block: number;
  samples: Float64Array[];
}

/** Latin hypercube state of one input: its quantile function and this block's strata. */
interface Stratified {
  quantile: (u: number) => number;
  strata: Int32Array;
  block: number;
  shuffle: KeyedStream;
}

interface Draw {
  key: string;
  lhs?: Stratified;
  group?: CorrelatedGroup;
  column?: number;
  stream: KeyedStream;
  sample: () => number;
  slot: number;
  perYear: boolean;
  /** AR(1) normal between years, truncated to [min, max] by inverse CDF (never clamped). */
  ar?: { mean: number; sd: number; rho: number; min: number; max: number; standard: () => number };
  /** For inputs drawn by inverse transform from one uniform a value: the column version of `sample`. */
  transform?: UniformColumnTransform;
  /** The quantity, kept for a stress (its inverse CDF on a tail). */
  quantity?: Quantity;
  /** Restricted to the tail [lo, hi] of its distribution: the stream's first uniform u gives quantile(lo + (hi - lo) u). */
  stress?: { lo: number; hi: number; quantile: (u: number) => number };
  /** A driver: mean + national shock of its family + a persistent local shock. */
  driver?: { mean: number; national: number; family: number; localSd: number; rho: number; shock: StudentTShape };
}

/**
 * Every number of a scenario in one Float64Array, a column of LANES values per slot: uncertain
 * quantities are redrawn lane by lane by `drawLanes`, each from its own stream keyed by its path
 * and the lane's iteration, so a value depends only on (seed, key, iteration) and an input's draws
 * do not move when another input is added. Options read the same baseline slots: common random
 * numbers. Yearly drivers add national shocks (NationalShocks) keyed by calendar year.
 */
export class InputSampler {
  private readonly draws: Draw[] = [];
  /** drawsFor's lists, by the option ids they keep. */
  private readonly optionDraws = new Map<string, Draw[]>();
  private readonly constants: { slot: number; values: readonly number[] }[] = [];
  private size = 0;
  private national: NationalShocks | null = null;
  readonly assumptions: Assumption[] = [];
  values = new Float64Array(0);
  /**
   * The national shock of each family in each horizon year for the lanes last drawn:
   * [(family * years + t) * LANES + lane]; null when no input is a driver.
   */
  nationalColumns: Float64Array | null = null;
  /** National futures supplied for a run (row of each position), instead of drawn from the keyed streams. */
  private supplied: { latent: NationalLatent; rows: Int32Array } | null = null;

  constructor(
    private readonly seed: string,
    private readonly years: number,
    /** latin-hypercube stratifies inputs drawn once per iteration, block by block. */
    private readonly sampling: "monte-carlo" | "latin-hypercube" = "monte-carlo",
    /** Calendar year of the first financial year, where national shocks are read. */
    private readonly startYear = 2000,
    /**
     * Where national shocks come from: their own seed (a portfolio's, shared by members whose local
     * draws have seeds of their own) and how many consecutive iterations share one national future
     * (iteration i reads national future floor(i / lanesPerFuture)).
     */
    private readonly nationalFutures: { seed?: string; lanesPerFuture?: number } = {},
  ) {
    const per = nationalFutures.lanesPerFuture ?? 1;
    if (!(Number.isInteger(per) && per >= 1)) throw new RangeError("InputSampler requires a positive integer lanesPerFuture");
  }

  /**
   * Registers a quantity under a unique key (its path in the scenario) and returns where to read it;
   * it draws from the stream of `streamKey` (another option's path, for an option drawn as another).
   */
  add(key: string, q: Quantity, streamKey = key): QuantityRef {
    if (Array.isArray(q) && q.length !== this.years) {
      throw new ScenarioError([{ path: key, message: `expected ${this.years} values, one a year, got ${q.length}` }]);
    }
    const perYear = Array.isArray(q) || (typeof q === "object" && q.per === "year");
    const slot = this.size;
    this.size += perYear ? this.years : 1;
    const ref: QuantityRef = { slot, stride: perYear ? 1 : 0, constant: isConstant(q) };
    this.assumptions.push({
      key,
      distribution: describeQuantity(q),
      per: perYear ? "year" : "iteration",
      ...(typeof q === "object" && !Array.isArray(q) && q.source ? { source: q.source } : {}),
      ...(typeof q === "object" && !Array.isArray(q) && q.note ? { note: q.note } : {}),
      ...(typeof q === "object" && !Array.isArray(q) && q.balancing ? { balancing: true } : {}),
    });
    if (isConstant(q)) {
      const value = typeof q === "number" ? q : Array.isArray(q) ? q : q.value;
      this.constants.push({ slot, values: Array.isArray(value) ? value : new Array<number>(perYear ? this.years : 1).fill(value as number) });
      return ref;
    }
    const stream = new KeyedStream(this.seed, streamKey);
    if (q.dist === "driver") {
      this.national ??= new NationalShocks(this.nationalFutures.seed ?? this.seed, this.startYear, this.startYear + this.years - 1);
      const f = familyIndex(q.family);
      this.draws.push({
        key, stream, slot, perYear: true, sample: () => 0,
        driver: {
          mean: q.mean, national: q.nationalLoading * NATIONAL_SHOCKS[f].sd, family: f,
          localSd: q.localSd, rho: q.localPersistence, shock: studentTShape(SHOCK_DEGREES_OF_FREEDOM),
        },
      });
      return ref;
    }
    const draw: Draw = { key, stream, sample: buildSampler(stream.source, q), slot, perYear, quantity: q, transform: columnTransform(q) };
    if (this.sampling === "latin-hypercube" && !perYear) {
      draw.lhs = { quantile: quantileFor(q), strata: new Int32Array(BLOCK_SIZE), block: -1, shuffle: new KeyedStream(this.seed, `${key}#strata`) };
    }
    if (q.dist === "normal" && q.autocorrelation !== undefined) {
      draw.ar = {
        mean: q.mean, sd: q.sd, rho: q.autocorrelation,
        min: q.min ?? -Infinity, max: q.max ?? Infinity, standard: standardNormal(stream.source),
      };
    }
    this.draws.push(draw);
    return ref;
  }

  /**
   * Rank-correlates per-iteration inputs (Iman-Conover). Each block of BLOCK_SIZE iterations is
   * drawn whole, from the same keyed streams, and reordered, whatever part of it a run uses, so
   * values still depend only on (seed, key, iteration). Throws ScenarioError naming a bad input.
   */
  correlate(keys: string[], matrix: number[][], path: string): void {
    const problems: { path: string; message: string }[] = [];
    const draws = keys.map((key, j) => {
      const d = this.draws.find((x) => x.key === key);
      const known = this.assumptions.some((a) => a.key === key);
      if (d === undefined) problems.push({ path: `${path}.inputs[${j}]`, message: known ? `'${key}' is a constant: only uncertain inputs can be correlated` : `expected an input of this scenario (see its assumptions), got '${key}'` });
      else if (d.perYear) problems.push({ path: `${path}.inputs[${j}]`, message: `'${key}' is drawn each year: only inputs drawn once per iteration can be correlated (yearly drivers move together through their national shock)` });
      else if (d.group) problems.push({ path: `${path}.inputs[${j}]`, message: `'${key}' is already in another correlation` });
      return d!;
    });
    if (problems.length > 0) throw new ScenarioError(problems);
    const group: CorrelatedGroup = { draws, root: correlationRoot(matrix), block: -1, samples: draws.map(() => new Float64Array(BLOCK_SIZE)) };
    draws.forEach((d, j) => Object.assign(d, { group, column: j }));
  }

  /**
   * Stress analysis as @RISK offers it: restricts an input drawn once per iteration to the tail
   * [lo, hi] of its distribution (probabilities), on the same futures otherwise. Its stream's first
   * uniform u of each iteration is mapped to quantile(lo + (hi - lo) u), so its values follow the
   * distribution conditioned on the tail, and every other input's keyed draws are untouched.
   * Throws ScenarioError naming the input when it cannot be stressed.
   */
  stress(key: string, lo: number, hi: number, path = "stress"): void {
    const d = this.draws.find((x) => x.key === key);
    const problem = (message: string) => new ScenarioError([{ path, message }]);
    if (!(lo >= 0 && hi <= 1 && lo < hi)) throw problem(`expected a tail 0 <= lo < hi <= 1, got ${lo}-${hi}`);
    if (d === undefined) {
      const known = this.assumptions.some((a) => a.key === key);
      throw problem(known ? `'${key}' is a constant: only uncertain inputs can be stressed` : `expected an input of this scenario (see its assumptions), got '${key}'`);
    }
    if (d.perYear || d.quantity === undefined) throw problem(`'${key}' is drawn each year: only inputs drawn once per iteration can be stressed`);
    if (d.group !== undefined) throw problem(`'${key}' is rank-correlated with other inputs: stressing it alone would break the correlation`);
    const q = d.quantity as Parameters<typeof quantileFor>[0];
    d.stress = { lo, hi, quantile: quantileFor(q) };
  }

  /** Allocates the value buffer once all quantities are added and fills every lane of the constants. */
  seal(): void {
    this.values = new Float64Array(this.size * LANES);
    for (const c of this.constants) c.values.forEach((v, t) => this.values.fill(v, (c.slot + t) * LANES, (c.slot + t + 1) * LANES));
  }

  /** The uncertain inputs: key, first slot and how many slots (1, or one a year). */
  uncertainInputs(): { key: string; slot: number; width: number }[] {
    return this.draws.map((d) => ({ key: d.key, slot: d.slot, width: d.perYear ? this.years : 1 }));
  }

  /** True when some input is a driver, so national shocks are drawn. */
  get hasNationalShocks(): boolean {
    return this.national !== null;
  }

  /**
   * Supplies the national futures of the next draws: position p of a run (drawLanes' `position` + i)
   * reads row rows[p] of `latent`; null returns to the keyed national streams.
   */
  supplyNational(supplied: { latent: NationalLatent; rows: Int32Array } | null): void {
    this.supplied = supplied;
  }

  /** True while national futures are supplied by position (each position its own, even where lanes repeat). */
  get suppliesNational(): boolean {
    return this.supplied !== null;
  }

  /** Uniform draws taken by every stream so far. */
  get uniformDraws(): number {
    return this.draws.reduce((sum, d) => sum + d.stream.draws, 0);
  }

  /** The values of one slot over iterations [0, n), drawn block by block (for analyses and tests). */
  slotValues(slot: number, n: number): Float64Array {
    const out = new Float64Array(n);
    for (let from = 0; from < n; from += LANES) {
      const count = Math.min(LANES, n - from);
      this.drawBlock(from, count);
      out.set(this.values.subarray(slot * LANES, slot * LANES + count), from);
    }
    return out;
  }

  /** Draws the consecutive iterations [from, from + count) into lanes 0..count-1. */
  drawBlock(from: number, count: number): void {
    const lanes = new Int32Array(count);
    for (let i = 0; i < count; i++) lanes[i] = from + i;
    this.drawLanes(lanes, count);
  }

  /** The draws of the baseline and of these options alone, kept by the ids' list. */
  private drawsFor(optionIds: readonly string[]): Draw[] {
    const key = optionIds.join(" ");
    let kept = this.optionDraws.get(key);
    if (kept === undefined) {
      const listed = optionIds.map((id) => `options.${id}.`);
      kept = this.draws.filter((d) => !d.key.startsWith("options.") || listed.some((prefix) => d.key.startsWith(prefix)));
      this.optionDraws.set(key, kept);
    }
    return kept;
  }

  /**
   * Draws iteration lanes[i] into lane i, for i < count (at most LANES). Lanes may repeat an
   * iteration (resampled futures); ascending order keeps correlated blocks from being redrawn.
   * With `throughYear` (a year index) yearly inputs are drawn only up to that year, the same values
   * as a full draw (each stream gives its years in order): what conditioning on evidence needs.
   * The national shocks are drawn through `nationalThroughYear` when it is later (national figures
   * read only the shocks, not the local inputs). With `onlyOptions` (option ids), the inputs of
   * other options (keyed `options.<id>.`) are not drawn: an option's lines read no other's inputs.
   */
  drawLanes(
    lanes: Int32Array,
    count: number,
    /** Position of lane 0 in a run with supplied national futures. */ position = 0,
    throughYear?: number,
    nationalThroughYear?: number,
    onlyOptions?: readonly string[],
  ): void {
    if (count > LANES) throw new RangeError("drawLanes requires at most LANES lanes");
    const v = this.values;
    const years = throughYear === undefined ? this.years : Math.min(this.years, throughYear + 1);
    const nationalYears = nationalThroughYear === undefined ? years : Math.min(this.years, Math.max(years, nationalThroughYear + 1));
    const allYears = this.years;
    const national = this.national;
    let nationalColumns: Float64Array | null = this.nationalColumns;
    if (national !== null) {
      const families = national.shock.length;
      nationalColumns ??= this.nationalColumns = new Float64Array(families * allYears * LANES);
      const supplied = this.supplied;
      const per = this.nationalFutures.lanesPerFuture ?? 1;
      for (let i = 0; i < count; i++) {
        if (supplied !== null) national.drawLatent(supplied.latent, supplied.rows[position + i]);
        else national.draw(per === 1 ? lanes[i] : Math.floor(lanes[i] / per), nationalYears - 1);
        for (let f = 0; f < families; f++) for (let t = 0; t < nationalYears; t++) nationalColumns[(f * allYears + t) * LANES + i] = national.shock[f][t];
      }
    }
    // Each kind of draw in a small function of its own: inside this one, past V8's inlining budget,
    // the samplers' closures and the streams' uniforms came back as boxed doubles, 230 MB of
    // garbage in 50,000 of Bradford's iterations (the same arithmetic either way: the same bits).
    for (const d of onlyOptions === undefined ? this.draws : this.drawsFor(onlyOptions)) {
      const base = d.slot * LANES;
      if (d.group !== undefined) {
        for (let i = 0; i < count; i++) {
          const it = lanes[i];
          const block = Math.floor(it / BLOCK_SIZE);
          if (d.group.block !== block) this.fillBlock(d.group, block);
          v[base + i] = d.group.samples[d.column!][it - block * BLOCK_SIZE];
        }
      } else if (d.stress !== undefined) drawStressed(d.stream, d.stress, lanes, count, v, base);
      else if (d.lhs !== undefined) {
        for (let i = 0; i < count; i++) {
          d.stream.reset(lanes[i]);
          v[base + i] = this.stratified(d.lhs, d.stream, lanes[i]);
        }
      } else if (d.driver !== undefined) drawDriver(d.stream, d.driver, lanes, count, v, base, years, nationalColumns!, allYears);
      else if (d.transform !== undefined && d.ar === undefined) {
        // Uniforms first, a lane at a time, then the whole column through the inverse transform.
        if (!d.perYear) {
          d.stream.firstUniforms(lanes, count, v, base);
          d.transform(v, base, base + count);
        } else {
          drawYearlyUniforms(d.stream, lanes, count, v, base, years);
          for (let t = 0; t < years; t++) d.transform(v, base + t * LANES, base + t * LANES + count);
        }
      } else if (!d.perYear) drawOnce(d.stream, d.sample, lanes, count, v, base);
      else if (d.ar === undefined) drawYearly(d.stream, d.sample, lanes, count, v, base, years);
      else {
        for (let i = 0; i < count; i++) {
          d.stream.reset(lanes[i]);
          truncatedAr(d.ar, d.stream.source, v, base + i, years);
        }
      }
    }
  }

  /**
   * Latin hypercube: within each block of BLOCK_SIZE iterations every input takes each of
   * BLOCK_SIZE equal-probability strata exactly once, in an order shuffled from its own keyed
   * stream; the iteration's own first draw places it inside its stratum.
   */
  private stratified(lhs: Stratified, stream: KeyedStream, iteration: number): number {
    const block = Math.floor(iteration / BLOCK_SIZE);
    if (lhs.block !== block) {
      const strata = lhs.strata;
      for (let i = 0; i < BLOCK_SIZE; i++) strata[i] = i;
      lhs.shuffle.reset(block);
      for (let i = BLOCK_SIZE - 1; i > 0; i--) {
        const j = Math.floor(lhs.shuffle.source() * (i + 1));
        [strata[i], strata[j]] = [strata[j], strata[i]];
      }
      lhs.block = block;
    }
    return lhs.quantile((lhs.strata[iteration - block * BLOCK_SIZE] + stream.source()) / BLOCK_SIZE);
  }

  private fillBlock(group: CorrelatedGroup, block: number): void {
    const start = block * BLOCK_SIZE;
    group.draws.forEach((d, j) => {
      for (let i = 0; i < BLOCK_SIZE; i++) {
        d.stream.reset(start + i);
        group.samples[j][i] = d.sample();
      }
    });
    imanConover(group.samples, group.root);
    group.block = block;
  }
}

/** A stressed input: quantile(lo + (hi - lo) u) of each lane's first uniform. */
function drawStressed(stream: KeyedStream, stress: NonNullable<Draw["stress"]>, lanes: Int32Array, count: number, v: Float64Array, base: number): void {
  const { lo, hi, quantile } = stress;
  for (let i = 0; i < count; i++) {
    stream.reset(lanes[i]);
    v[base + i] = quantile(lo + (hi - lo) * stream.source());
  }
}

/**
 * A driver: mean + loading x its family's national shock + a persistent local shock, each year,
 * its Student's t shocks stepped from the stream's state (the same bits as studentT(stream.source)).
 */
function drawDriver(
  stream: KeyedStream, driver: NonNullable<Draw["driver"]>, lanes: Int32Array, count: number, v: Float64Array, base: number, years: number, nationalColumns: Float64Array, allYears: number,
): void {
  const { mean, national: loading, family, localSd, rho, shock } = driver;
  const innovation = Math.sqrt(1 - rho * rho);
  const shocks = driverShocks.length >= years ? driverShocks : (driverShocks = new Float64Array(years));
  for (let i = 0; i < count; i++) {
    studentTInto(stream, lanes[i], shock, shocks, 0, 1, years);
    let local = shocks[0];
    for (let t = 0; t < years; t++) {
      if (t > 0) local = rho * local + innovation * shocks[t];
      v[base + t * LANES + i] = mean + loading * nationalColumns[(family * allYears + t) * LANES + i] + localSd * local;
    }
  }
}

/** A lane's local shocks, a year each (drawDriver). */
let driverShocks = new Float64Array(0);

/** Each lane's first `years` uniforms, year t at row t of the slot. */
function drawYearlyUniforms(stream: KeyedStream, lanes: Int32Array, count: number, v: Float64Array, base: number, years: number): void {
  for (let i = 0; i < count; i++) stream.fillUniforms(lanes[i], v, base + i, LANES, years);
}

/** One sample a lane. */
function drawOnce(stream: KeyedStream, sample: () => number, lanes: Int32Array, count: number, v: Float64Array, base: number): void {
  for (let i = 0; i < count; i++) {
    stream.reset(lanes[i]);
    v[base + i] = sample();
  }
}

/** `years` samples a lane, in year order. */
function drawYearly(stream: KeyedStream, sample: () => number, lanes: Int32Array, count: number, v: Float64Array, base: number, years: number): void {
  for (let i = 0; i < count; i++) {
    stream.reset(lanes[i]);
    for (let t = 0; t < years; t++) v[base + t * LANES + i] = sample();
  }
}

/** Plain draws tried before the inverse-CDF fallback: bounded work, and exact either way. */
const TRIES = 8;

/**
 * An AR(1) normal path truncated to [min, max]: the first year from the stationary normal, each
 * later value from the conditional normal truncated to the bounds, so the bounds hold without
 * piling values up on them (the old clamp did). A few plain draws are tried first (accepting
 * one inside the bounds is exact rejection sampling); if none lands inside, the value comes from
 * the inverse CDF on the allowed interval, so the work per value is bounded.
 */
function truncatedAr(ar: NonNullable<Draw["ar"]>, source: () => number, v: Float64Array, at: number, years: number): void {
  const { mean, sd, rho, min, max, standard } = ar;
  const spread = Math.sqrt(1 - rho * rho) * sd;
  for (let t = 0; t < years; t++) {
    const centre = t === 0 ? mean : mean + rho * (v[at + (t - 1) * LANES] - mean);
    const scale = t === 0 ? sd : spread;
    let x = Number.NaN;
    for (let k = 0; k < TRIES && !(x >= min && x <= max); k++) x = centre + scale * standard();
    if (!(x >= min && x <= max)) x = truncatedNormalByInverse(centre, scale, min, max, source());
    v[at + t * LANES] = x;
  }
}

/** Normal(centre, scale) truncated to [min, max] at probability u, by bisection on the CDF (the rare fallback). */
function truncatedNormalByInverse(centre: number, scale: number, min: number, max: number, u: number): number {
  if (scale === 0) return Math.min(max, Math.max(min, centre));
  const lo = Math.max(min, centre - 12 * scale);
  const hi = Math.min(max, centre + 12 * scale);
  const fa = normalCdf((lo - centre) / scale);
  const fb = normalCdf((hi - centre) / scale);
  if (!(fb - fa > 1e-300)) return lo < centre ? hi : lo;
  const target = fa + u * (fb - fa);
  let a = lo;
  let b = hi;
  for (let i = 0; i < 80 && b - a > 1e-12 * Math.max(1, Math.abs(b)); i++) {
    const mid = (a + b) / 2;
    if (normalCdf((mid - centre) / scale) < target) a = mid;
    else b = mid;
  }
  return (a + b) / 2;
}
