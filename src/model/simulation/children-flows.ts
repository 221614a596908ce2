import { LANES, type QuantityRef } from "../inputs/input-sampler.ts";
import type { CompiledFlows, CompiledMechanism } from "../inputs/compile-flows.ts";
import type { FlowColumns } from "../costs/line-definition.ts";
import { STEPS_PER_YEAR, monthKernel, type MonthKernel, type MonthLanes } from "./month-kernel.ts";

/** Columns a path holds a year: average and year-end children by type, entries, exits, leavers at 18, care leavers supported, child factor. */
const extraColumns = 5;

/**
 * Children looked after as stocks and flows by placement type (DESIGN.md, Children as flows),
 * over a block of lanes: each year in monthly steps, children enter (a rate of the opening stock
 * or a count, split by the entry mix; on a recovery path, the baseline path's entries less any
 * fewer-entries effect), leave (a rate a year by type) and move between types (rates
 * a year of the `from` stock), all computed from the stock at the start of the month. The average
 * stock is the mean of the monthly trapezoids; conservation holds by construction (year end = start
 * + entries - exits). Care leavers supported are a running stock: the month's exits at 18 join it,
 * and it loses the leaving rate a year, opening at its steady state (first-year leavers at 18 over
 * the leaving rate). Options whose recovery mechanisms act on flows get their own path; the rest
 * share the baseline path (common random numbers).
 */
export class ChildrenFlows {
  private readonly types: number;
  private readonly columns: Float64Array;
  /** Path index of each option (regime). */
  private readonly pathOf: number[];
  private readonly pathMechanisms: CompiledMechanism[][];
  private readonly views: FlowColumns[][];
  private readonly childFactors: Float64Array[][];
  /** Each path's moves: the baseline's (a rate input), then its mechanisms' (an effect), one per `from` type. */
  private readonly pathMoves: { from: number[]; to: number[]; rate: (QuantityRef | null)[]; mechanism: (CompiledMechanism | null)[] }[];
  private readonly pathFewerEntries: CompiledMechanism[][];
  /** Each path's monthly move rates, a lane each: moveRates[q][k][i]. */
  private readonly moveRates: Float64Array[][];
  /** By type, a lane each: lanes.stock[p][i]. */
  private readonly lanes: Record<"stock" | "mix" | "inflow" | "exitM" | "out" | "average", Float64Array[]>;
  /** A lane each. */
  private readonly lane: Record<"opening" | "leavers" | "entriesM" | "yearEntries" | "yearExits" | "careLeavers" | "at18", Float64Array>;
  /** Each path's month step, written for its types and moves, and the lanes it reads and writes. */
  private readonly monthSteps: { kernel: MonthKernel; lanes: MonthLanes }[];

  constructor(
    private readonly f: CompiledFlows,
    private readonly years: number,
  ) {
    this.types = f.types.length;
    const flowActing = (ms: CompiledMechanism[]) => ms.filter((m) => m.kind !== "fewer-agency-staff");
    this.pathMechanisms = [[]];
    this.pathOf = f.recovery.map((ms) => {
      const acting = flowActing(ms);
      if (acting.length === 0 || !f.hasFlows) return 0;
      this.pathMechanisms.push(acting);
      return this.pathMechanisms.length - 1;
    });
    const width = 2 * this.types + extraColumns;
    this.columns = new Float64Array(this.pathMechanisms.length * years * width * LANES);
    const col = (q: number, t: number, k: number) => this.columns.subarray(((q * years + t) * width + k) * LANES, ((q * years + t) * width + k + 1) * LANES);
    const T = this.types;
    this.views = this.pathMechanisms.map((_, q) =>
      Array.from({ length: years }, (_, t) => ({
        average: Array.from({ length: T }, (_, p) => col(q, t, p)),
        yearEnd: Array.from({ length: T }, (_, p) => col(q, t, T + p)),
        entries: col(q, t, 2 * T),
        exits: col(q, t, 2 * T + 1),
        leaversAt18: col(q, t, 2 * T + 2),
        careLeavers: col(q, t, 2 * T + 3),
      })),
    );
    this.childFactors = this.pathMechanisms.map((_, q) => Array.from({ length: years }, (_, t) => col(q, t, 2 * T + 4)));
    this.pathMoves = this.pathMechanisms.map((mechanisms) => {
      const moving = mechanisms.filter((m) => m.kind !== "fewer-entries").flatMap((m) => m.from.map((from) => ({ from, to: m.to, mechanism: m })));
      return {
        from: [...f.moves.map((m) => m.from), ...moving.map((m) => m.from)],
        to: [...f.moves.map((m) => m.to), ...moving.map((m) => m.to)],
        rate: [...f.moves.map((m) => m.rate), ...moving.map(() => null)],
        mechanism: [...f.moves.map(() => null), ...moving.map((m) => m.mechanism)],
      };
    });
    this.pathFewerEntries = this.pathMechanisms.map((ms) => ms.filter((m) => m.kind === "fewer-entries"));
    this.moveRates = this.pathMoves.map((m) => m.from.map(() => new Float64Array(LANES)));
    const byType = () => Array.from({ length: T }, () => new Float64Array(LANES));
    this.lanes = { stock: byType(), mix: byType(), inflow: byType(), exitM: byType(), out: byType(), average: byType() };
    const lane = () => new Float64Array(LANES);
    this.lane = { opening: lane(), leavers: lane(), entriesM: lane(), yearEntries: lane(), yearExits: lane(), careLeavers: lane(), at18: lane() };
    const { stock, exitM, out, inflow, average } = this.lanes;
    const { leavers, entriesM, yearEntries, yearExits, careLeavers, at18 } = this.lane;
    this.monthSteps = this.pathMoves.map((m, q) => ({
      kernel: monthKernel(T, m.from, m.to),
      lanes: { stock, exitM, out, inflow, average, moveM: this.moveRates[q], leavers, entriesM, yearEntries, yearExits, careLeavers, at18 },
    }));
  }

  /** True when the scenario gives baseline.flows (not only mechanisms that need none). */
  get hasFlows(): boolean {
    return this.f.hasFlows;
  }

  /** The path option (regime) o follows: options on the same path have the same children. */
  pathIndex(o: number): number {
    return this.pathOf[o];
  }

  /** True when option (regime) o has a fewer-agency-staff mechanism (its agency share differs by lane). */
  hasAgencyMechanism(o: number): boolean {
    return this.f.recovery[o].some((m) => m.kind === "fewer-agency-staff");
  }

  /** Year t of option (regime) o's path. */
  at(o: number, t: number): FlowColumns {
    return this.views[this.pathOf[o]][t];
  }

  /** Average children (all types) in year t relative to the opening total, for lines that scale by demand. */
  childFactor(o: number, t: number): Float64Array {
    return this.childFactors[this.pathOf[o]][t];
  }

  /** Adds option o's fewer-agency-staff mechanisms in year t to `change` (share points, negative). */
  addAgencyShareChange(o: number, t: number, values: Float64Array, change: Float64Array, count: number): void {
    for (const m of this.f.recovery[o]) {
      if (m.kind !== "fewer-agency-staff") continue;
      for (let i = 0; i < count; i++) change[i] -= mechanismEffect(m, values, t, i);
    }
  }

  /** Care leavers supported at the start: first-year leavers at 18 a year (opening stock x exit rates x share at 18) over the leaving rate. */
  private openingCareLeavers(values: Float64Array, i: number): number {
    const f = this.f;
    // Year 0's values read straight, without a closure a call (one a lane, each block).
    const rate = values[f.careLeaverLeavingRate.slot * LANES + i];
    if (!(rate > 0)) return 0;
    let exits = 0;
    for (let p = 0; p < this.types; p++) {
      const exitRate = f.exitRate[p];
      if (exitRate !== null) exits += values[f.opening[p].slot * LANES + i] * Math.max(0, values[exitRate.slot * LANES + i]);
    }
    return (exits * values[f.shareOfExitsAt18.slot * LANES + i]) / rate;
  }

  /**
   * Simulates every path for lanes 0..count-1 of the inputs' current values, for the first `years`
   * years (default all). A year's rates are set over all lanes at once (lane innermost), then its
   * twelve months run in the path's month kernel (month-kernel.ts), a lane at a time with every
   * type in local variables; each lane's arithmetic is in the same order either way. With
   * `options`, only the paths those options follow (and the baseline, whose entries every path
   * reads) are simulated: the others' columns are left as they were.
   */
  run(values: Float64Array, count: number, years = this.years, options?: readonly number[]): void {
    if (!this.f.hasFlows) return;
    const T = this.types;
    const f = this.f;
    const { stock, mix, inflow, exitM, out, average } = this.lanes;
    const { opening, leavers, entriesM, yearEntries, yearExits, careLeavers, at18 } = this.lane;
    const column = (ref: QuantityRef, t: number) => (ref.slot + ref.stride * t) * LANES;
    for (let q = 0; q < this.pathMechanisms.length; q++) {
      if (q > 0 && options !== undefined && !options.some((o) => this.pathOf[o] === q)) continue;
      const moves = this.pathMoves[q];
      const moveM = this.moveRates[q];
      const fewerEntries = this.pathFewerEntries[q];
      for (let i = 0; i < count; i++) opening[i] = 0;
      for (let p = 0; p < T; p++) {
        const at = column(f.opening[p], 0);
        const s = stock[p];
        for (let i = 0; i < count; i++) opening[i] += s[i] = values[at + i];
      }
      for (let p = 0; p < T; p++) {
        const m = mix[p];
        const s = stock[p];
        if (f.entryMix !== null) m.fill(f.entryMix[p], 0, count);
        else for (let i = 0; i < count; i++) m[i] = opening[i] > 0 ? s[i] / opening[i] : 1 / T;
      }
      for (let i = 0; i < count; i++) leavers[i] = this.openingCareLeavers(values, i);
      for (let t = 0; t < years; t++) {
        const view = this.views[q][t];
        // Entries follow the area's demand, read from the baseline path (q = 0, run first): a recovery
        // path's smaller stock must not lower its own later entries, or early help would compound.
        const entriesAt = column(f.entries.ref, t);
        for (let i = 0; i < count; i++) {
          let total = 0;
          for (let p = 0; p < T; p++) total += stock[p][i];
          let entries = q > 0 ? this.views[0][t].entries[i] : f.entries.perChild ? values[entriesAt + i] * total : values[entriesAt + i];
          for (let k = 0; k < fewerEntries.length; k++) entries *= 1 - Math.min(1, mechanismEffect(fewerEntries[k], values, t, i));
          entriesM[i] = Math.max(0, entries) / STEPS_PER_YEAR;
        }
        for (let p = 0; p < T; p++) {
          const rate = f.exitRate[p];
          const e = exitM[p];
          const o = out[p];
          if (rate === null) {
            e.fill(0, 0, count);
            o.fill(0, 0, count);
            continue;
          }
          const at = column(rate, t);
          for (let i = 0; i < count; i++) o[i] = e[i] = Math.max(0, values[at + i]) / STEPS_PER_YEAR;
        }
        for (let k = 0; k < moves.from.length; k++) {
          const mechanism = moves.mechanism[k];
          const m = moveM[k];
          const o = out[moves.from[k]];
          const at = mechanism === null ? column(moves.rate[k]!, t) : 0;
          for (let i = 0; i < count; i++) {
            m[i] = Math.max(0, mechanism === null ? values[at + i] : mechanismEffect(mechanism, values, t, i)) / STEPS_PER_YEAR;
            o[i] += m[i];
          }
        }
        // A month cannot take out more children than a type holds: scale its outflows to the stock.
        for (let p = 0; p < T; p++) {
          const o = out[p];
          for (let i = 0; i < count; i++) o[i] = o[i] > 1 ? 1 / o[i] : 1;
        }
        const at18At = column(f.shareOfExitsAt18, t);
        const leavingAt = column(f.careLeaverLeavingRate, t);
        for (let p = 0; p < T; p++) {
          const into = inflow[p];
          const m = mix[p];
          for (let i = 0; i < count; i++) into[i] = entriesM[i] * m[i];
        }
        const step = this.monthSteps[q];
        step.kernel(count, step.lanes, values, at18At, leavingAt);
        const factor = this.childFactors[q][t];
        for (let i = 0; i < count; i++) factor[i] = 0;
        for (let p = 0; p < T; p++) {
          const a = average[p];
          view.average[p].set(a.subarray(0, count));
          view.yearEnd[p].set(stock[p].subarray(0, count));
          for (let i = 0; i < count; i++) factor[i] += a[i];
        }
        for (let i = 0; i < count; i++) {
          view.entries[i] = yearEntries[i];
          view.exits[i] = yearExits[i];
          view.leaversAt18[i] = yearExits[i] * at18[i];
          view.careLeavers[i] = careLeavers[i];
          factor[i] = opening[i] > 0 ? factor[i] / opening[i] : 0;
        }
      }
    }
  }

}

/**
 * A mechanism's effect in year t for lane i: size x ramp (linear to full over rampYears) x the
 * delivered share (1, or deliveredShareIfShort when the under-delivery draw is 1).
 */
export function mechanismEffect(m: CompiledMechanism, values: Float64Array, t: number, i: number): number {
  const ramp = Math.min(1, (t + 1) / m.rampYears);
  const short = values[(m.underDelivery.slot + m.underDelivery.stride * t) * LANES + i] >= 0.5;
  const delivered = short ? values[(m.deliveredShareIfShort.slot + m.deliveredShareIfShort.stride * t) * LANES + i] : 1;
  return values[(m.size.slot + m.size.stride * t) * LANES + i] * ramp * delivered;
}
