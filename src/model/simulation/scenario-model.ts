import { LANES, type QuantityRef } from "../inputs/input-sampler.ts";
import type { CompiledDisruption, CompiledOption, CompiledScenario } from "../inputs/compile-scenario.ts";
import type { FlowColumns, LineContext, SharedPaths } from "../costs/line-definition.ts";
import { FINANCE_LINES } from "../costs/finance-lines.ts";
import { PathFinance, type FinanceColumns, type TransferCost } from "../finance/path-finance.ts";
import { ChildrenFlows } from "./children-flows.ts";
import { zeroLines } from "./zero-lines.ts";
import { RESERVES_BAND_YEARS, RESERVES_NOT_DRAWING } from "../costs/output-layout.ts";

/** Where the operating lines of one year come from: an option's terms, how long they have run, any disruption. */
interface Terms {
  regime: number;
  sinceStart: number;
  disruption: CompiledDisruption | null;
}

/**
 * What a pass that reads only some yearly figures needs evaluated (conditioning on evidence): the
 * yearly lines up to `throughYear` (a year index), and only the options `options` lists (indices;
 * all when absent). Horizon figures, plans and pair differences are then not written, and the
 * columns of options left out hold whatever they held: read only what was asked for.
 */
export interface PartialEvaluation {
  throughYear: number;
  /** National shocks drawn through this year when later than throughYear (national figures read the shocks alone). */
  nationalThroughYear?: number;
  options?: readonly number[];
}

/**
 * The whole model over a block of lanes, column by column (structure of arrays): shared paths
 * (prices, demand, pay: common random numbers), each option's cost and income lines year by year
 * (from the registry, in dependency order), its finance, then each contingency plan on the same
 * futures, the horizon figures and the paired differences. Writes `out[k][i]` for output k of the
 * layout and lane i; nothing is allocated per block.
 */
export class ScenarioModel {
  private readonly shared: Float64Array;
  private readonly unitCost: Float64Array;
  private readonly realBase = new Float64Array(LANES);
  private readonly factor = new Float64Array(LANES);
  private readonly shareChange = new Float64Array(LANES);
  private readonly operatingGross: Float64Array;
  /** Each year's income lines the DfE pays (grants), a lane each: the finance stage books them to the DfE. */
  private readonly dfeFunded: Float64Array;
  private readonly scratchLines: Float64Array[];
  private readonly scratchSub: Float64Array[][];
  private readonly scratchFinance: FinanceColumns;
  private readonly lineIndex: Map<string, number>;
  /** By option whose terms run: the operating, income and DfE-funded lines not known to be zero (adding +0 changes no bit). */
  private readonly operatingLines: number[][];
  private readonly incomeLines: number[][];
  private readonly dfeFundedLines: number[][];
  private readonly flows: ChildrenFlows | null;
  /** Each line's extra output rows (placement types, children by type). */
  private readonly sublineNames: string[][];
  /** Year t's shared paths, built once. */
  private readonly sharedByYear: SharedPaths[];
  private readonly sharedByPathYear = new Map<number, SharedPaths>();
  /** One context, its fields reset per evaluation, so evaluating a line allocates nothing. */
  private readonly ctx: LineContext;
  private ctxYear = 0;
  private ctxLines: Float64Array[] = [];
  private readonly planTotals = { total: new Float64Array(LANES), council: new Float64Array(LANES), dfe: new Float64Array(LANES) };
  private readonly planGross = new Float64Array(LANES);
  private readonly planDfeFunded = new Float64Array(LANES);
  private readonly failureYears: number[] = [];
  /** Each option's finance path, and one for the contingency plans: reused block after block. */
  private readonly optionFinance: PathFinance[];
  private readonly planFinance: PathFinance;
  /** Output columns resolved by name for the `out` last seen (the same array block after block). */
  private resolvedFor: Float64Array[] | null = null;
  private yearLines: Float64Array[][][] = [];
  private yearSub: Float64Array[][][][] = [];
  private yearFinance: FinanceColumns[][] = [];
  /** Each line's dependencies as indices into c.lines. */
  private readonly dependencyIndex: number[][];
  /** The key of each line's values in the evaluation under way (null: not shareable), by line. */
  private readonly lineKey: (string | null)[];
  /** Shared lines already evaluated this block, by year and line: the key they were evaluated under and where. */
  private readonly evaluatedKey: (string | null)[][];
  private readonly evaluatedLine: Float64Array[][];
  private readonly evaluatedSub: Float64Array[][][];
  /** Lines known to be 0 under each option's terms (zero-lines.ts): written as zeros, not evaluated. */
  private readonly zero: boolean[][];
  /**
   * For the block last evaluated, copiedFrom[k] = j when output k was written as a copy of output j
   * (a shared line evaluated once for every option under the same key), else -1: the aggregation
   * then knows the two are equal without reading them (BlockFolder).
   */
  readonly copiedFrom: Int32Array;
  /** Each output column's index in the `out` last seen. */
  private outputIndex = new Map<Float64Array, number>();

  constructor(
    private readonly c: CompiledScenario,
    /** False evaluates every line for every option, zero lines too (for tests that check sharing and skipping change nothing). */
    private readonly shareLines = true,
  ) {
    const n = c.years;
    this.shared = new Float64Array(3 * n * LANES);
    this.unitCost = new Float64Array(c.weeklyUnitCost.length * n * LANES);
    this.operatingGross = new Float64Array(n * LANES);
    this.dfeFunded = new Float64Array(n * LANES);
    this.lineIndex = new Map(c.lines.map((l, k) => [l.definition.name, k]));
    this.scratchLines = c.lines.map(() => new Float64Array(LANES));
    this.sublineNames = c.lines.map((l) => l.definition.sublines?.(c.scenario.baseline as Record<string, unknown>) ?? []);
    this.scratchSub = this.sublineNames.map((names) => names.map(() => new Float64Array(LANES)));
    this.flows = c.flows === null ? null : new ChildrenFlows(c.flows, n);
    this.scratchFinance = Object.fromEntries(FINANCE_LINES.map((l) => [l.name, new Float64Array(LANES)])) as unknown as FinanceColumns;
    this.sharedByYear = Array.from({ length: n }, (_, t) => ({
      deflator: this.path(0, t),
      childFactor: this.path(1, t),
      permanentCost: this.path(2, t),
      unitCost: c.weeklyUnitCost.map((_, p) => this.unitCostPath(p, t)),
    }));
    const lineIndex = this.lineIndex;
    this.optionFinance = c.options.map((opt) => new PathFinance(c, opt, null, 0));
    this.planFinance = new PathFinance(c, c.options[0], null, 0);
    this.dependencyIndex = c.lines.map((l) => l.dependencies.map((d) => lineIndex.get(d)!));
    this.lineKey = c.lines.map(() => null);
    this.zero = shareLines ? zeroLines(c) : c.options.map(() => c.lines.map(() => false));
    const inSums = (test: (l: CompiledScenario["lines"][number]) => boolean) => this.zero.map((zero) => c.lines.flatMap((l, k) => (test(l) && !zero[k] ? [k] : [])));
    this.operatingLines = inSums((l) => l.definition.section === "operating");
    this.incomeLines = inSums((l) => l.definition.section === "income");
    this.dfeFundedLines = inSums((l) => l.definition.section === "income" && l.definition.fundedBy === "dfe");
    this.evaluatedKey = Array.from({ length: n }, () => c.lines.map(() => null));
    this.evaluatedLine = Array.from({ length: n }, () => c.lines.map(() => this.scratchLines[0]));
    this.evaluatedSub = Array.from({ length: n }, () => c.lines.map(() => []));
    this.copiedFrom = new Int32Array(c.layout.size).fill(-1);
    this.ctx = {
      count: 0,
      t: 0,
      values: c.inputs.values,
      column: (ref) => (ref.slot + ref.stride * this.ctxYear) * LANES,
      columnAt: (ref, year) => (ref.slot + ref.stride * year) * LANES,
      shared: this.sharedByYear[0],
      placementCostFactor: this.factor,
      agencyShareChange: this.shareChange,
      line: (name) => this.ctxLines[lineIndex.get(name)!],
      dependencies: [],
    };
  }

  /** Resolves, once per output array, each option's and year's output columns by name. */
  private resolve(out: Float64Array[]): void {
    if (this.resolvedFor === out) return;
    const c = this.c;
    const layout = c.layout;
    this.yearLines = c.options.map((_, o) => Array.from({ length: c.years }, (_, t) => c.lines.map((l) => out[layout.yearly(o, t, l.definition.name)])));
    this.yearSub = c.options.map((_, o) =>
      Array.from({ length: c.years }, (_, t) =>
        this.sublineNames.map((names) => names.map((name) => out[layout.yearly(o, t, name)])),
      ),
    );
    this.yearFinance = c.options.map((_, o) =>
      Array.from({ length: c.years }, (_, t) => Object.fromEntries(FINANCE_LINES.map((l) => [l.name, out[layout.yearly(o, t, l.name)]])) as unknown as FinanceColumns),
    );
    this.outputIndex = new Map(out.map((column, k) => [column, k]));
    this.resolvedFor = out;
  }

  /** Records that output column `to` now holds output column `from`'s values (copiedFrom); scratch columns are not outputs. */
  private copied(to: Float64Array, from: Float64Array): void {
    const k = this.outputIndex.get(to);
    const j = this.outputIndex.get(from);
    if (k !== undefined && j !== undefined) this.copiedFrom[k] = j;
  }

  private col(ref: QuantityRef, t: number): number {
    return (ref.slot + ref.stride * t) * LANES;
  }

  /** Year t's column of a shared path: 0 deflator, 1 children, 2 employed pay. */
  private path(which: number, t: number): Float64Array {
    const start = (which * this.c.years + t) * LANES;
    return this.shared.subarray(start, start + LANES);
  }

  private unitCostPath(p: number, t: number): Float64Array {
    const start = (p * this.c.years + t) * LANES;
    return this.unitCost.subarray(start, start + LANES);
  }

  /**
   * Evaluates lanes 0..count-1 of the inputs' current values into `out` (one column per output).
   * With `partial` only the yearly lines up to its year, of the options it lists, are evaluated:
   * what conditioning on evidence needs, at a fraction of the cost (an option's lines never read
   * another option's, so those evaluated have the same bits as in a full pass); horizon figures
   * are then not written.
   */
  evaluateBlock(count: number, out: Float64Array[], partial?: PartialEvaluation): void {
    const c = this.c;
    this.resolve(out);
    const years = partial === undefined ? c.years : Math.min(c.years, partial.throughYear + 1);
    this.sharedPaths(count, years, partial?.options);
    const base = this.path(0, c.baseYearIndex);
    for (let i = 0; i < count; i++) this.realBase[i] = base[i];
    for (const keys of this.evaluatedKey) keys.fill(null);
    this.copiedFrom.fill(-1);
    for (let o = 0; o < c.options.length; o++) {
      if (partial?.options !== undefined && !partial.options.includes(o)) continue;
      const main = this.runOption(o, count, out, years);
      if (years < c.years) continue;
      this.writeHorizon(o, main, count, out);
      for (let p = 0; p < c.contingencyPlans.length; p++) this.runPlan(o, p, main, count, out);
    }
    if (years === c.years && partial?.options === undefined) this.pairDifferences(count, out);
  }

  /** Prices, demand, pay, the price level and children as flows every option shares (common random numbers), for the first `years` years. */
  private sharedPaths(count: number, years: number, options?: readonly number[]): void {
    const c = this.c;
    const v = c.inputs.values;
    for (let t = 0; t < years; t++) {
      const deflator = this.path(0, t);
      const children = this.path(1, t);
      const pay = this.path(2, t);
      if (t === 0) {
        const payAt = this.col(c.permanentCostPerFte, 0);
        for (let i = 0; i < count; i++) {
          deflator[i] = 1;
          children[i] = 1;
          pay[i] = v[payAt + i];
        }
      } else {
        const [d0, c0, p0] = [this.path(0, t - 1), this.path(1, t - 1), this.path(2, t - 1)];
        const inflation = this.col(c.generalInflation, t);
        const growth = this.col(c.childrenGrowth, t);
        const payGrowth = this.col(c.payInflation, t);
        for (let i = 0; i < count; i++) {
          deflator[i] = d0[i] * (1 + v[inflation + i]);
          children[i] = c0[i] * (1 + v[growth + i]);
          pay[i] = p0[i] * (1 + v[payGrowth + i]);
        }
      }
      for (let p = 0; p < c.weeklyUnitCost.length; p++) {
        const price = this.unitCostPath(p, t);
        if (t === 0) {
          const at = this.col(c.weeklyUnitCost[p], 0);
          for (let i = 0; i < count; i++) price[i] = v[at + i];
        } else {
          const before = this.unitCostPath(p, t - 1);
          const growth = this.col(c.unitCostGrowth[p], t);
          for (let i = 0; i < count; i++) price[i] = before[i] * (1 + v[growth + i]);
        }
      }
    }
    this.flows?.run(v, count, years, options);
  }

  /** The scheduled terms of option o in year t: its own, or those of the option it transfers to. */
  private scheduled(o: number, t: number): Terms {
    const opt = this.c.options[o];
    if (opt.transfer !== null && t >= opt.transfer.year) {
      return { regime: opt.transfer.to, sinceStart: t - opt.transfer.year, disruption: opt.transfer.disruption };
    }
    return { regime: o, sinceStart: t, disruption: null };
  }

  /**
   * Evaluates the cost and income lines of year t under `terms` into `lines` (one column per
   * registry line) and `sub` (placement types); returns operating lines less income in `gross`,
   * and the income the DfE pays in `funded`.
   */
  private evaluateLines(
    t: number, terms: Terms, count: number, lines: Float64Array[], sub: Float64Array[][], gross: Float64Array, funded: Float64Array,
    /** True when `lines` are the block's output columns (kept until the block ends), false for scratch. */
    persistent: boolean,
  ): void {
    const c = this.c;
    const v = c.inputs.values;
    const regime = c.options[terms.regime];
    const ramp = Math.min(1, (terms.sinceStart + 1) / regime.rampYears);
    const factorAt = this.col(regime.placementCostFactor, t);
    const changeAt = this.col(regime.agencyShareChange, t);
    const disruption = terms.disruption !== null && terms.sinceStart < terms.disruption.years ? terms.disruption : null;
    for (let i = 0; i < count; i++) {
      this.factor[i] = 1 + (v[factorAt + i] - 1) * ramp;
      this.shareChange[i] = v[changeAt + i] * ramp;
    }
    if (disruption !== null) {
      const f = this.col(disruption.placementCostFactor, t);
      const s = this.col(disruption.agencyShareChange, t);
      for (let i = 0; i < count; i++) {
        this.factor[i] *= v[f + i];
        this.shareChange[i] += v[s + i];
      }
    }
    this.flows?.addAgencyShareChange(terms.regime, t, v, this.shareChange, count);
    const flows = this.flows?.hasFlows ? this.flows.at(terms.regime, t) : null;
    const ctx = this.ctx;
    ctx.count = count;
    ctx.t = t;
    ctx.values = v;
    ctx.shared = flows === null ? this.sharedByYear[t] : this.sharedWithFlows(terms.regime, t, flows);
    this.ctxYear = t;
    this.ctxLines = lines;
    const sharedState = c.sharedLineState;
    const ownState = regime.lineState;
    const effects = this.effectsKey(terms, disruption !== null);
    const path = this.flows?.hasFlows ? this.flows.pathIndex(terms.regime) : 0;
    const evaluatedKey = this.evaluatedKey[t];
    const zero = this.zero[terms.regime];
    for (let k = 0; k < c.lines.length; k++) {
      const line = c.lines[k];
      const key = (this.lineKey[k] = this.shareLines ? this.keyOf(k, path, effects) : null);
      // A shared line already evaluated this year under the same key: the same bits, copied.
      if (key !== null && evaluatedKey[k] === key) {
        copyLanes(lines[k], this.evaluatedLine[t][k], count);
        const rows = sub[k];
        for (let j = 0; j < rows.length; j++) copyLanes(rows[j], this.evaluatedSub[t][k][j], count);
        if (persistent) {
          this.copied(lines[k], this.evaluatedLine[t][k]);
          for (let j = 0; j < rows.length; j++) this.copied(rows[j], this.evaluatedSub[t][k][j]);
        }
        continue;
      }
      if (zero[k]) {
        lines[k].fill(0, 0, count);
        for (const row of sub[k]) row.fill(0, 0, count);
      } else {
        ctx.dependencies = line.dependencies;
        line.definition.evaluate(ctx, line.definition.scope === "shared" ? sharedState[k]! : ownState[k]!, lines[k], sub[k]);
      }
      if (key !== null && persistent) {
        evaluatedKey[k] = key;
        this.evaluatedLine[t][k] = lines[k];
        this.evaluatedSub[t][k] = sub[k];
      }
    }
    gross.fill(0, 0, count);
    for (const k of this.operatingLines[terms.regime]) {
      const line = lines[k];
      for (let i = 0; i < count; i++) gross[i] += line[i];
    }
    for (const k of this.incomeLines[terms.regime]) {
      const line = lines[k];
      for (let i = 0; i < count; i++) gross[i] -= line[i];
    }
    funded.fill(0, 0, count);
    for (const k of this.dfeFundedLines[terms.regime]) {
      const line = lines[k];
      for (let i = 0; i < count; i++) funded[i] += line[i];
    }
  }

  /** Year t's shared paths with option (regime) o's children's path, built once per path and year. */
  private sharedWithFlows(o: number, t: number, flows: FlowColumns): SharedPaths {
    const key = this.flows!.pathIndex(o) * this.c.years + t;
    let shared = this.sharedByPathYear.get(key);
    if (shared === undefined) {
      shared = { ...this.sharedByYear[t], childFactor: this.flows!.childFactor(o, t), flows };
      this.sharedByPathYear.set(key, shared);
    }
    return shared;
  }

  /**
   * What a shared line's values depend on beyond the year: the children's path, the option's
   * effects when it reads them (a string of their values when constant, else null: not shared), and
   * its dependencies' keys. Null for option lines and anything depending on one.
   */
  private keyOf(k: number, path: number, effects: string | null): string | null {
    const definition = this.c.lines[k].definition;
    if (definition.scope !== "shared") return null;
    if (definition.readsEffects && effects === null) return null;
    let key = definition.readsEffects ? `${path}|${effects}` : `${path}`;
    for (const d of this.dependencyIndex[k]) {
      const dependency = this.lineKey[d];
      if (dependency === null) return null;
      key += `(${dependency})`;
    }
    return key;
  }

  /** The option's effects this year as a key, when they are the same in every lane (constants, no disruption, no agency mechanism). */
  private effectsKey(terms: Terms, disrupted: boolean): string | null {
    const regime = this.c.options[terms.regime];
    if (disrupted || !regime.placementCostFactor.constant || !regime.agencyShareChange.constant) return null;
    if (this.flows?.hasAgencyMechanism(terms.regime)) return null;
    const v = this.c.inputs.values;
    const ramp = Math.min(1, (terms.sinceStart + 1) / regime.rampYears);
    const factor = 1 + (v[this.col(regime.placementCostFactor, 0)] - 1) * ramp;
    const shareChange = v[this.col(regime.agencyShareChange, 0)] * ramp;
    return `${factor},${shareChange}`;
  }

  /** Runs option o as scheduled, writing its yearly lines straight into `out`. */
  private runOption(o: number, count: number, out: Float64Array[], years = this.c.years): PathFinance {
    const c = this.c;
    const layout = c.layout;
    const opt = c.options[o];
    const finance = this.optionFinance[o].start(opt, null, count);
    for (let t = 0; t < years; t++) {
      const terms = this.scheduled(o, t);
      const lines = this.yearLines[o][t];
      const sub = this.yearSub[o][t];
      const gross = this.operatingGross.subarray(t * LANES, (t + 1) * LANES);
      const funded = this.dfeFunded.subarray(t * LANES, (t + 1) * LANES);
      this.evaluateLines(t, terms, count, lines, sub, gross, funded, true);
      const financeOut = this.yearFinance[o][t];
      const transfer = opt.transfer !== null && t === opt.transfer.year ? transferCost(opt.transfer, opt) : null;
      finance.year(t, gross, funded, c.options[terms.regime], transfer, null, this.path(0, t), this.realBase, financeOut);
    }
    return finance;
  }

  private writeHorizon(o: number, main: PathFinance, count: number, out: Float64Array[]): void {
    const c = this.c;
    const layout = c.layout;
    const total = main.total;
    const council = main.council;
    const dfe = main.dfe;
    const failureYear = main.failureYear;
    out[layout.horizon(o, "totalCost")].set(total.subarray(0, count));
    out[layout.horizon(o, "councilCost")].set(council.subarray(0, count));
    out[layout.horizon(o, "dfeCost")].set(dfe.subarray(0, count));
    const company = out[layout.horizon(o, "companyCost")];
    for (let i = 0; i < count; i++) company[i] = total[i] - council[i] - dfe[i];
    out[layout.horizon(o, "npv")].set(main.npv.subarray(0, count));
    out[layout.horizon(o, "operating")].set(main.operatingSum.subarray(0, count));
    out[layout.horizon(o, "overspend")].set(main.overspendSum.subarray(0, count));
    const year = out[layout.failure(o, "failureYear")];
    for (let i = 0; i < count; i++) year[i] = failureYear[i];
    const reserves = out[layout.failure(o, "reservesAtFailure")];
    for (let i = 0; i < count; i++) reserves[i] = failureYear[i] < 0 ? Number.NaN : main.reservesAtFailure[i];
    for (let t = 0; t < c.years; t++) {
      const failed = out[layout.failedBy(o, t)];
      for (let i = 0; i < count; i++) failed[i] = failureYear[i] >= 0 && failureYear[i] <= t ? 1 : 0;
    }
    this.writeReservesSustainability(o, count, out);
  }

  /**
   * CIPFA's reserves sustainability for an option with finance: reserves at the year's end over
   * that year's drawdown (the fall in reserves from the year before, the opening reserves in the
   * first year); NaN for options without finance, so their measure is not reported.
   */
  private writeReservesSustainability(o: number, count: number, out: Float64Array[]): void {
    const c = this.c;
    const layout = c.layout;
    const hasFinance = c.scenario.options[o].finance !== undefined;
    const opening = c.inputs.values.subarray(c.options[o].openingReserves.slot * LANES);
    for (let t = 0; t < c.years; t++) {
      const now = out[layout.yearly(o, t, "reserves")];
      const before = t === 0 ? opening : out[layout.yearly(o, t - 1, "reserves")];
      const measure = out[layout.reservesYears(o, t)];
      const flat = out[layout.reservesNotDrawing(o, t)];
      if (!hasFinance) {
        measure.fill(Number.NaN, 0, count);
        flat.fill(Number.NaN, 0, count);
        for (let k = 0; k < RESERVES_BAND_YEARS.length; k++) out[layout.reservesBelow(o, t, k)].fill(Number.NaN, 0, count);
        continue;
      }
      for (let i = 0; i < count; i++) {
        const drawdown = before[i] - now[i];
        measure[i] = drawdown > 0 ? Math.min(RESERVES_NOT_DRAWING, Math.max(0, now[i]) / drawdown) : RESERVES_NOT_DRAWING;
        flat[i] = drawdown > 0 ? 0 : 1;
      }
      // A band column at a time: a closure a lane a band cost more than the measure.
      for (let k = 0; k < RESERVES_BAND_YEARS.length; k++) {
        const below = out[layout.reservesBelow(o, t, k)];
        const bound = RESERVES_BAND_YEARS[k];
        for (let i = 0; i < count; i++) below[i] = measure[i] < bound ? 1 : 0;
      }
    }
  }

  /**
   * Option o under contingency plan p on the same futures: lanes that never fail keep the
   * scheduled totals; a plan that moves the service evaluates the new terms' lines from the year
   * after each failure year that occurs.
   */
  private runPlan(o: number, p: number, main: PathFinance, count: number, out: Float64Array[]): void {
    const c = this.c;
    const layout = c.layout;
    const opt = c.options[o];
    const plan = c.contingencyPlans[p];
    const totals = this.planTotals;
    for (let i = 0; i < count; i++) {
      totals.total[i] = main.total[i];
      totals.council[i] = main.council[i];
      totals.dfe[i] = main.dfe[i];
    }
    const failureYears = this.failureYears;
    failureYears.length = 0;
    for (let i = 0; i < count; i++) {
      const f = main.failureYear[i];
      if (f >= 0 && !failureYears.includes(f)) failureYears.push(f);
    }
    failureYears.sort((a, b) => a - b);
    // Without a move, the lines after failure are the scheduled ones: one pass serves every failure year.
    const groups = plan.transferTo === null ? (failureYears.length > 0 ? [-1] : []) : failureYears;
    const gross = this.planGross;
    const funded = this.planDfeFunded;
    for (const f of groups) {
      const finance = this.planFinance.start(opt, plan, count);
      for (let t = 0; t < c.years; t++) {
        const scheduled = this.scheduled(o, t);
        let regime = scheduled.regime;
        if (f >= 0 && t > f) {
          regime = plan.transferTo!;
          this.evaluateLines(t, { regime, sinceStart: t - f - 1, disruption: plan.disruption }, count, this.scratchLines, this.scratchSub, gross, funded, false);
        } else {
          gross.set(this.operatingGross.subarray(t * LANES, t * LANES + count));
          funded.set(this.dfeFunded.subarray(t * LANES, t * LANES + count));
        }
        const transfer = opt.transfer !== null && t === opt.transfer.year ? transferCost(opt.transfer, opt) : null;
        const planTransfer =
          plan.transferTo === null ? null : { transitionCost: plan.transitionCost, optimismBias: plan.optimismBias, exitCost: c.options[scheduled.regime].exitCost };
        finance.year(t, gross, funded, c.options[regime], transfer, planTransfer, this.path(0, t), this.realBase, this.scratchFinance);
      }
      for (let i = 0; i < count; i++) {
        if (main.failureYear[i] < 0 || (f >= 0 && main.failureYear[i] !== f)) continue;
        totals.total[i] = finance.total[i];
        totals.council[i] = finance.council[i];
        totals.dfe[i] = finance.dfe[i];
      }
    }
    out[layout.plan(o, p, "totalCost")].set(totals.total.subarray(0, count));
    out[layout.plan(o, p, "councilCost")].set(totals.council.subarray(0, count));
    out[layout.plan(o, p, "dfeCost")].set(totals.dfe.subarray(0, count));
    const company = out[layout.plan(o, p, "companyCost")];
    for (let i = 0; i < count; i++) company[i] = totals.total[i] - totals.council[i] - totals.dfe[i];
  }

  private pairDifferences(count: number, out: Float64Array[]): void {
    const layout = this.c.layout;
    layout.pairs.forEach(([a, b], k) => {
      for (const [figure, horizon] of [["totalCostDifference", "totalCost"], ["npvDifference", "npv"]] as const) {
        const d = out[layout.pair(k, figure)];
        const x = out[layout.horizon(a, horizon)];
        const y = out[layout.horizon(b, horizon)];
        for (let i = 0; i < count; i++) d[i] = x[i] - y[i];
      }
    });
  }
}

function transferCost(transfer: NonNullable<CompiledOption["transfer"]>, from: CompiledOption): TransferCost {
  return { transitionCost: transfer.transitionCost, optimismBias: transfer.optimismBias, exitCost: from.exitCost };
}

/** to[0 .. count) = from[0 .. count): the whole column without a view when it is a whole block. */
function copyLanes(to: Float64Array, from: Float64Array, count: number): void {
  if (count === from.length) to.set(from);
  else to.set(from.subarray(0, count));
}
