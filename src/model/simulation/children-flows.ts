import { LANES } from "../inputs/input-sampler.ts";
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
  }

  /** True when the scenario gives baseline.flows (not only mechanisms that need none). */
  get hasFlows(): boolean {
    return this.f.hasFlows;
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

  /** Simulates every path for lanes 0..count-1 of the inputs' current values. */
  run(values: Float64Array, count: number): void {
    if (!this.f.hasFlows) return;
    const T = this.types;
    const f = this.f;
    const stock = new Float64Array(T);
    const start = new Float64Array(T);
    const change = new Float64Array(T);
    const mix = new Float64Array(T);
    const exitM = new Float64Array(T);
    const outScale = new Float64Array(T);
    const col = (ref: { slot: number; stride: 0 | 1 }, t: number) => (ref.slot + ref.stride * t) * LANES;
    for (let q = 0; q < this.pathMechanisms.length; q++) {
      const mechanisms = this.pathMechanisms[q];
      const moves = [
        ...f.moves.map((m) => ({ from: m.from, to: m.to, rate: (t: number, i: number) => values[col(m.rate, t) + i] })),
        ...mechanisms.flatMap((m) =>
          m.kind === "fewer-entries" ? [] : m.from.map((from) => ({ from, to: m.to, rate: (t: number, i: number) => mechanismEffect(m, values, t, i) })),
        ),
      ];
      const moveM = new Float64Array(moves.length);
      const fewerEntries = mechanisms.filter((m) => m.kind === "fewer-entries");
      for (let i = 0; i < count; i++) {
        let opening = 0;
        for (let p = 0; p < T; p++) opening += stock[p] = values[col(f.opening[p], 0) + i];
        for (let p = 0; p < T; p++) mix[p] = f.entryMix !== null ? f.entryMix[p] : opening > 0 ? stock[p] / opening : 1 / T;
        let leavers = this.openingCareLeavers(values, i);
        for (let t = 0; t < this.years; t++) {
          const view = this.views[q][t];
          let total = 0;
          for (let p = 0; p < T; p++) total += stock[p];
          // Entries follow the area's demand, read from the baseline path (q = 0, run first): a recovery
          // path's smaller stock must not lower its own later entries, or early help would compound.
          let entries = q > 0 ? this.views[0][t].entries[i] : f.entries.perChild ? values[col(f.entries.ref, t) + i] * total : values[col(f.entries.ref, t) + i];
          for (const m of fewerEntries) entries *= 1 - Math.min(1, mechanismEffect(m, values, t, i));
          const entriesM = Math.max(0, entries) / STEPS_PER_YEAR;
          const out = outScale;
          for (let p = 0; p < T; p++) {
            exitM[p] = f.exitRate[p] === null ? 0 : Math.max(0, values[col(f.exitRate[p]!, t) + i]) / STEPS_PER_YEAR;
            out[p] = exitM[p];
          }
          for (let k = 0; k < moves.length; k++) {
            moveM[k] = Math.max(0, moves[k].rate(t, i)) / STEPS_PER_YEAR;
            out[moves[k].from] += moveM[k];
          }
          // A month cannot take out more children than a type holds: scale its outflows to the stock.
          for (let p = 0; p < T; p++) out[p] = out[p] > 1 ? 1 / out[p] : 1;
          let yearEntries = 0;
          let yearExits = 0;
          const at18 = values[col(f.shareOfExitsAt18, t) + i];
          const leavingM = Math.max(0, values[col(f.careLeaverLeavingRate, t) + i]) / STEPS_PER_YEAR;
          view.careLeavers[i] = 0;
          for (let p = 0; p < T; p++) view.average[p][i] = 0;
          for (let m = 0; m < STEPS_PER_YEAR; m++) {
            start.set(stock);
            change.fill(0);
            let monthExits = 0;
            for (let p = 0; p < T; p++) {
              const exits = start[p] * exitM[p] * out[p];
              change[p] += entriesM * mix[p] - exits;
              monthExits += exits;
            }
            yearExits += monthExits;
            const before = leavers;
            leavers = before * (1 - Math.min(1, leavingM)) + monthExits * at18;
            view.careLeavers[i] += (before + leavers) / (2 * STEPS_PER_YEAR);
            for (let k = 0; k < moves.length; k++) {
              const { from, to } = moves[k];
              const moved = start[from] * moveM[k] * out[from];
              change[from] -= moved;
              change[to] += moved;
            }
            yearEntries += entriesM;
            for (let p = 0; p < T; p++) {
              stock[p] = start[p] + change[p];
              view.average[p][i] += (start[p] + stock[p]) / (2 * STEPS_PER_YEAR);
            }
          }
          let average = 0;
          for (let p = 0; p < T; p++) {
            view.yearEnd[p][i] = stock[p];
            average += view.average[p][i];
          }
          view.entries[i] = yearEntries;
          view.exits[i] = yearExits;
          view.leaversAt18[i] = yearExits * at18;
          this.childFactors[q][t][i] = opening > 0 ? average / opening : 0;
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
  const at = (ref: { slot: number; stride: 0 | 1 }) => values[(ref.slot + ref.stride * t) * LANES + i];
  const ramp = Math.min(1, (t + 1) / m.rampYears);
  const delivered = at(m.underDelivery) >= 0.5 ? at(m.deliveredShareIfShort) : 1;
  return at(m.size) * ramp * delivered;
}
