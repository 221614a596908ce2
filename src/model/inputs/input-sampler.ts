import { KeyedStream, correlationRoot, imanConover, standardNormal } from "../../engine/index.ts";
import { BLOCK_SIZE } from "../../engine/index.ts";
import type { Quantity } from "../quantities/quantity-schema.ts";
import { buildSampler, describeQuantity, isConstant, quantileFor } from "./build-sampler.ts";
import { ScenarioError } from "../quantities/scenario-error.ts";

/** Where a quantity's value lives in the plan's value buffer: year t reads values[slot + stride * t]. */
export interface QuantityRef {
  slot: number;
  stride: 0 | 1;
}

/** One scenario number as the reports list it: its path, distribution and evidence. */
export interface Assumption {
  key: string;
  distribution: string;
  per: "iteration" | "year";
  source?: string;
  note?: string;
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
  /** Set under Latin hypercube sampling for inputs drawn once per iteration. */
  lhs?: Stratified;
  /** Set when the draw belongs to a correlated group: its values come from the group's block. */
  group?: CorrelatedGroup;
  column?: number;
  stream: KeyedStream;
  sample: () => number;
  slot: number;
  perYear: boolean;
  /** AR(1) between years for a normal: mean, sd, coefficient, bounds (clamped). */
  ar?: { mean: number; sd: number; rho: number; min: number; max: number; standard: () => number };
}

/**
 * Every number of a scenario, given a slot in one Float64Array that the cost model reads. Uncertain
 * quantities are redrawn by `drawIteration`, each from its own stream keyed by its path, so an
 * option's draws do not move when another input is added (common random numbers across options
 * come from the baseline being drawn once per iteration and read by every option).
 */
export class InputSampler {
  private readonly draws: Draw[] = [];
  private readonly constants: { slot: number; values: readonly number[] }[] = [];
  private size = 0;
  readonly assumptions: Assumption[] = [];
  values = new Float64Array(0);

  constructor(
    private readonly seed: string,
    private readonly years: number,
    /** "latin-hypercube" stratifies inputs drawn once per iteration, block by block. */
    private readonly sampling: "monte-carlo" | "latin-hypercube" = "monte-carlo",
  ) {}

  /** Registers a quantity under a unique key (its path in the scenario) and returns where to read it. */
  add(key: string, q: Quantity): QuantityRef {
    if (Array.isArray(q) && q.length !== this.years) {
      throw new ScenarioError([{ path: key, message: `expected ${this.years} values, one a year, got ${q.length}` }]);
    }
    const perYear = Array.isArray(q) || (typeof q === "object" && q.per === "year");
    const slot = this.size;
    this.size += perYear ? this.years : 1;
    const ref: QuantityRef = { slot, stride: perYear ? 1 : 0 };
    this.assumptions.push({
      key,
      distribution: describeQuantity(q),
      per: perYear ? "year" : "iteration",
      ...(typeof q === "object" && !Array.isArray(q) && q.source ? { source: q.source } : {}),
      ...(typeof q === "object" && !Array.isArray(q) && q.note ? { note: q.note } : {}),
    });
    if (isConstant(q)) {
      const value = typeof q === "number" ? q : Array.isArray(q) ? q : q.value;
      this.constants.push({ slot, values: Array.isArray(value) ? value : new Array<number>(perYear ? this.years : 1).fill(value as number) });
      return ref;
    }
    const stream = new KeyedStream(this.seed, key);
    const draw: Draw = { key, stream, sample: buildSampler(stream.source, q), slot, perYear };
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
      else if (d.perYear || d.ar) problems.push({ path: `${path}.inputs[${j}]`, message: `'${key}' is drawn each year: only inputs drawn once per iteration can be correlated` });
      else if (d.group) problems.push({ path: `${path}.inputs[${j}]`, message: `'${key}' is already in another correlation` });
      return d!;
    });
    if (problems.length > 0) throw new ScenarioError(problems);
    const group: CorrelatedGroup = { draws, root: correlationRoot(matrix), block: -1, samples: draws.map(() => new Float64Array(BLOCK_SIZE)) };
    draws.forEach((d, j) => Object.assign(d, { group, column: j }));
  }

  /**
   * Latin hypercube: within each block of BLOCK_SIZE iterations every input takes each of
   * BLOCK_SIZE equal-probability strata exactly once, in an order shuffled from its own keyed
   * stream; the iteration's own first draw places it inside its stratum. Always whole blocks, so
   * a value depends only on (seed, key, iteration).
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

  /** Allocates the value buffer once all quantities are added and fills in the constants. */
  seal(): void {
    this.values = new Float64Array(this.size);
    for (const c of this.constants) this.values.set(c.values, c.slot);
  }

  /** The uncertain inputs: key, first slot and how many slots (1, or one a year). */
  uncertainInputs(): { key: string; slot: number; width: number }[] {
    return this.draws.map((d) => ({ key: d.key, slot: d.slot, width: d.perYear ? this.years : 1 }));
  }

  /** Uniform draws taken by every stream so far. */
  get uniformDraws(): number {
    return this.draws.reduce((sum, d) => sum + d.stream.draws, 0);
  }

  /** Draws every uncertain quantity for iteration `iteration` into `values`. */
  drawIteration(iteration: number): void {
    const v = this.values;
    for (const d of this.draws) {
      if (d.group !== undefined) {
        const block = Math.floor(iteration / BLOCK_SIZE);
        if (d.group.block !== block) this.fillBlock(d.group, block);
        v[d.slot] = d.group.samples[d.column!][iteration - block * BLOCK_SIZE];
        continue;
      }
      d.stream.reset(iteration);
      if (d.lhs !== undefined) {
        v[d.slot] = this.stratified(d.lhs, d.stream, iteration);
        continue;
      }
      if (!d.perYear) {
        v[d.slot] = d.sample();
      } else if (d.ar === undefined) {
        for (let t = 0; t < this.years; t++) v[d.slot + t] = d.sample();
      } else {
        const { mean, sd, rho, min, max, standard } = d.ar;
        const innovation = Math.sqrt(1 - rho * rho) * sd;
        let x = mean + sd * standard();
        for (let t = 0; t < this.years; t++) {
          if (t > 0) x = mean + rho * (x - mean) + innovation * standard();
          v[d.slot + t] = x < min ? min : x > max ? max : x;
        }
      }
    }
  }
}
