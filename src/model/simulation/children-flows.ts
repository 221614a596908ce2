import { LANES, type QuantityRef } from "../inputs/input-sampler.ts";
import type { CompiledFlows, CompiledMechanism } from "../inputs/compile-flows.ts";
import type { FlowColumns } from "../costs/line-definition.ts";

/** Months a year: flows are stepped monthly, so a year's cost uses the year's average children. */
export const STEPS_PER_YEAR = 12;

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
  private readonly moveScratch: Float64Array[];
  private readonly scratch: Record<"stock" | "start" | "change" | "mix" | "inflow" | "exitM" | "out" | "average", Float64Array>;

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
    this.moveScratch = this.pathMoves.map((m) => new Float64Array(m.from.length));
    const scratch = () => new Float64Array(T);
    this.scratch = { stock: scratch(), start: scratch(), change: scratch(), mix: scratch(), inflow: scratch(), exitM: scratch(), out: scratch(), average: scratch() };
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
    const at = (ref: { slot: number; stride: 0 | 1 }) => values[ref.slot * LANES + i];
    const rate = at(f.careLeaverLeavingRate);
    if (!(rate > 0)) return 0;
    let exits = 0;
    for (let p = 0; p < this.types; p++) if (f.exitRate[p] !== null) exits += at(f.opening[p]) * Math.max(0, at(f.exitRate[p]!));
    return (exits * at(f.shareOfExitsAt18)) / rate;
  }

  /** Simulates every path for lanes 0..count-1 of the inputs' current values, for the first `years` years (default all). */
  run(values: Float64Array, count: number, years = this.years): void {
    if (!this.f.hasFlows) return;
    const T = this.types;
    const f = this.f;
    const { stock, start, change, mix, inflow, exitM, out, average } = this.scratch;
    // Plain loops over preallocated arrays, no closures: this runs 12 steps a year for every lane and path.
    const at = (ref: QuantityRef, t: number, i: number) => values[(ref.slot + ref.stride * t) * LANES + i];
    for (let q = 0; q < this.pathMechanisms.length; q++) {
      const moves = this.pathMoves[q];
      const moveM = this.moveScratch[q];
      const fewerEntries = this.pathFewerEntries[q];
      for (let i = 0; i < count; i++) {
        let opening = 0;
        for (let p = 0; p < T; p++) opening += stock[p] = at(f.opening[p], 0, i);
        for (let p = 0; p < T; p++) mix[p] = f.entryMix !== null ? f.entryMix[p] : opening > 0 ? stock[p] / opening : 1 / T;
        let leavers = this.openingCareLeavers(values, i);
        for (let t = 0; t < years; t++) {
          const view = this.views[q][t];
          let total = 0;
          for (let p = 0; p < T; p++) total += stock[p];
          // Entries follow the area's demand, read from the baseline path (q = 0, run first): a recovery
          // path's smaller stock must not lower its own later entries, or early help would compound.
          let entries = q > 0 ? this.views[0][t].entries[i] : f.entries.perChild ? at(f.entries.ref, t, i) * total : at(f.entries.ref, t, i);
          for (let k = 0; k < fewerEntries.length; k++) entries *= 1 - Math.min(1, mechanismEffect(fewerEntries[k], values, t, i));
          const entriesM = Math.max(0, entries) / STEPS_PER_YEAR;
          for (let p = 0; p < T; p++) {
            const rate = f.exitRate[p];
            exitM[p] = rate === null ? 0 : Math.max(0, at(rate, t, i)) / STEPS_PER_YEAR;
            out[p] = exitM[p];
          }
          for (let k = 0; k < moves.from.length; k++) {
            const mechanism = moves.mechanism[k];
            moveM[k] = Math.max(0, mechanism === null ? at(moves.rate[k]!, t, i) : mechanismEffect(mechanism, values, t, i)) / STEPS_PER_YEAR;
            out[moves.from[k]] += moveM[k];
          }
          // A month cannot take out more children than a type holds: scale its outflows to the stock.
          for (let p = 0; p < T; p++) out[p] = out[p] > 1 ? 1 / out[p] : 1;
          let yearEntries = 0;
          let yearExits = 0;
          let careLeavers = 0;
          const at18 = at(f.shareOfExitsAt18, t, i);
          const staying = 1 - Math.min(1, Math.max(0, at(f.careLeaverLeavingRate, t, i)) / STEPS_PER_YEAR);
          for (let p = 0; p < T; p++) {
            average[p] = 0;
            inflow[p] = entriesM * mix[p];
          }
          for (let m = 0; m < STEPS_PER_YEAR; m++) {
            let monthExits = 0;
            for (let p = 0; p < T; p++) {
              start[p] = stock[p];
              const exits = stock[p] * exitM[p] * out[p];
              change[p] = inflow[p] - exits;
              monthExits += exits;
            }
            yearExits += monthExits;
            const before = leavers;
            leavers = before * staying + monthExits * at18;
            careLeavers += (before + leavers) / (2 * STEPS_PER_YEAR);
            for (let k = 0; k < moves.from.length; k++) {
              const from = moves.from[k];
              const moved = start[from] * moveM[k] * out[from];
              change[from] -= moved;
              change[moves.to[k]] += moved;
            }
            yearEntries += entriesM;
            for (let p = 0; p < T; p++) {
              stock[p] = start[p] + change[p];
              average[p] += (start[p] + stock[p]) / (2 * STEPS_PER_YEAR);
            }
          }
          let all = 0;
          for (let p = 0; p < T; p++) {
            view.average[p][i] = average[p];
            view.yearEnd[p][i] = stock[p];
            all += average[p];
          }
          view.entries[i] = yearEntries;
          view.exits[i] = yearExits;
          view.leaversAt18[i] = yearExits * at18;
          view.careLeavers[i] = careLeavers;
          this.childFactors[q][t][i] = opening > 0 ? all / opening : 0;
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
