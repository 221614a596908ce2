import type { CompiledDisruption, CompiledOption, CompiledContingencyPlan, CompiledScenario } from "../inputs/compile-scenario.ts";
import type { QuantityRef } from "../inputs/input-sampler.ts";
import { HORIZON_FIGURES, LINE as IMPORTED_LINE, PLAN_FIGURES, VAT_RATE as IMPORTED_VAT_RATE, WEEKS_PER_YEAR as IMPORTED_WEEKS } from "../costs/cost-lines.ts";

// Imported bindings read once: when a loader compiles modules to CommonJS (tsx does in worker
// threads) each read of an imported binding is a getter call, too slow for the hot loop.
const LINE = IMPORTED_LINE;
const VAT_RATE = IMPORTED_VAT_RATE;
const WEEKS_PER_YEAR = IMPORTED_WEEKS;

const H = Object.fromEntries(HORIZON_FIGURES.map((n, i) => [n, i])) as Record<(typeof HORIZON_FIGURES)[number], number>;
const P = Object.fromEntries(PLAN_FIGURES.map((n, i) => [n, i])) as Record<(typeof PLAN_FIGURES)[number], number>;

/** Sums over one path through the horizon (nominal GBP), and its failure, if any. */
interface PathTotals {
  total: number;
  council: number;
  dfe: number;
  npv: number;
  operating: number;
  overspend: number;
  failureYear: number;
  reservesAtFailure: number;
}

/**
 * The cost lines of every option and year for one iteration's draws (DESIGN.md, cost lines), in
 * float64 over preallocated arrays: nothing is allocated per iteration. Growth rates apply from
 * the second year on; first-year figures are the scenario's own. Each option is run once as
 * scheduled (its yearly lines), then once per contingency plan when it failed in this iteration.
 */
export class CostModel {
  private readonly deflator: Float64Array;
  private readonly childFactor: Float64Array;
  private readonly unitCost: Float64Array;
  private readonly permanentCost: Float64Array;
  private readonly budgetFactor: Float64Array;
  /** One year's lines for the path being run. */
  private readonly lines: Float64Array;
  private readonly main: PathTotals = emptyTotals();
  private readonly alt: PathTotals = emptyTotals();

  constructor(private readonly c: CompiledScenario) {
    const n = c.years;
    this.deflator = new Float64Array(n);
    this.childFactor = new Float64Array(n);
    this.unitCost = new Float64Array(n * c.placements.length);
    this.permanentCost = new Float64Array(n);
    this.budgetFactor = new Float64Array(n);
    this.lines = new Float64Array(c.layout.lineCount);
  }

  private at(r: QuantityRef, t: number): number {
    return this.c.inputs.values[r.slot + r.stride * t];
  }

  /** Fills `row` (length layout.size) from the plan's current values. */
  evaluate(row: Float64Array): void {
    const c = this.c;
    const layout = c.layout;
    this.sharedPaths();
    for (let o = 0; o < c.options.length; o++) {
      const main = this.runPath(o, null, row);
      row[layout.horizon(o, H.totalCost)] = main.total;
      row[layout.horizon(o, H.councilCost)] = main.council;
      row[layout.horizon(o, H.dfeCost)] = main.dfe;
      row[layout.horizon(o, H.companyCost)] = main.total - main.council - main.dfe;
      row[layout.horizon(o, H.npv)] = main.npv;
      row[layout.horizon(o, H.operating)] = main.operating;
      row[layout.horizon(o, H.overspend)] = main.overspend;
      row[layout.failure(o, 0)] = main.failureYear;
      row[layout.failure(o, 1)] = main.failureYear < 0 ? Number.NaN : main.reservesAtFailure;
      for (let t = 0; t < c.years; t++) row[layout.failedBy(o, t)] = main.failureYear >= 0 && main.failureYear <= t ? 1 : 0;
      for (let p = 0; p < c.contingencyPlans.length; p++) {
        const t = main.failureYear < 0 ? main : this.runPath(o, c.contingencyPlans[p], null);
        row[layout.plan(o, p, P.totalCost)] = t.total;
        row[layout.plan(o, p, P.councilCost)] = t.council;
        row[layout.plan(o, p, P.dfeCost)] = t.dfe;
        row[layout.plan(o, p, P.companyCost)] = t.total - t.council - t.dfe;
      }
    }
    this.pairDifferences(row);
  }

  /** Paired differences between options' horizon figures, once every option is in `row`. */
  private pairDifferences(row: Float64Array): void {
    const layout = this.c.layout;
    for (let k = 0; k < layout.pairs.length; k++) {
      const [a, b] = layout.pairs[k];
      row[layout.pair(k, 0)] = row[layout.horizon(a, H.totalCost)] - row[layout.horizon(b, H.totalCost)];
      row[layout.pair(k, 1)] = row[layout.horizon(a, H.npv)] - row[layout.horizon(b, H.npv)];
    }
  }

  /** Baseline paths every option shares (common random numbers). */
  private sharedPaths(): void {
    const c = this.c;
    const n = c.years;
    const { deflator, childFactor, unitCost, permanentCost, budgetFactor } = this;
    const types = c.placements.length;
    for (let t = 0; t < n; t++) {
      const first = t === 0;
      deflator[t] = first ? 1 : deflator[t - 1] * (1 + this.at(c.generalInflation, t));
      childFactor[t] = first ? 1 : childFactor[t - 1] * (1 + this.at(c.childrenGrowth, t));
      permanentCost[t] = first ? this.at(c.permanentCostPerFte, 0) : permanentCost[t - 1] * (1 + this.at(c.payInflation, t));
      budgetFactor[t] = first ? 1 : budgetFactor[t - 1] * (1 + this.at(c.budgetUplift, t));
      for (let p = 0; p < types; p++) {
        const pl = c.placements[p];
        unitCost[p * n + t] = first ? this.at(pl.weeklyUnitCost, 0) : unitCost[p * n + t - 1] * (1 + this.at(pl.unitCostGrowth, t));
      }
    }
  }

  /**
   * Runs option `o` through the horizon, under `plan` after a failure (null: as scheduled, writing
   * its yearly lines into `row` when given). A scheduled transfer or a plan's transfer switches the
   * terms (VAT, overheads, effects, budget adjustment) to another option's from that year on.
   */
  private runPath(o: number, plan: CompiledContingencyPlan | null, row: Float64Array | null): PathTotals {
    const c = this.c;
    const n = c.years;
    const opt = c.options[o];
    const totals = plan === null ? this.main : this.alt;
    resetTotals(totals);
    let regime: CompiledOption = opt;
    let regimeStart = 0;
    let disruption: CompiledDisruption | null = null;
    let disruptionStart = 0;
    let reserves = this.at(opt.openingReserves, 0);
    const realBase = this.deflator[c.baseYearIndex];
    const lines = this.lines;

    for (let t = 0; t < n; t++) {
      const deflator = this.deflator[t];
      let transitionBase = 0;
      let transitionBias = 0;
      if (opt.transfer !== null && t === opt.transfer.year) {
        transitionBase += this.at(opt.transfer.transitionCost, t) + this.at(regime.exitCost, t);
        transitionBias += (this.at(opt.transfer.transitionCost, t) + this.at(regime.exitCost, t)) * this.at(opt.transfer.optimismBias, t);
        regime = c.options[opt.transfer.to];
        regimeStart = t;
        disruption = opt.transfer.disruption;
        disruptionStart = t;
      }
      const afterFailure = plan !== null && totals.failureYear >= 0 && t > totals.failureYear;
      if (afterFailure && t === totals.failureYear + 1 && plan.transferTo !== null) {
        transitionBase += this.at(plan.transitionCost, t) + this.at(regime.exitCost, t);
        transitionBias += (this.at(plan.transitionCost, t) + this.at(regime.exitCost, t)) * this.at(plan.optimismBias, t);
        regime = c.options[plan.transferTo];
        regimeStart = t;
        disruption = plan.disruption;
        disruptionStart = t;
      }
      const disrupted = disruption !== null && t - disruptionStart < disruption.years ? disruption : null;
      const operating = this.yearLines(regime, t, t - regimeStart, disrupted);

      const setupGross = t < opt.setupSpreadYears ? (this.at(opt.setupCost, 0) * deflator) / opt.setupSpreadYears : 0;
      const setupDfe = setupGross * this.at(opt.dfeFundedShare, 0);
      const transition = transitionBase * deflator;
      const optimismBias = setupGross * this.at(opt.setupOptimismBias, 0) + transitionBias * deflator;
      const budget = (this.at(c.budgetAmount, 0) + this.at(regime.budgetAdjustment, 0)) * this.budgetFactor[t];
      const overspend = operating - budget;

      let topUp = 0;
      let dfePays = 0;
      if (!afterFailure) {
        const limit = opt.councilTopUpLimit * this.budgetFactor[t];
        topUp = overspend > 0 ? Math.min(limit, this.at(opt.councilShareOfOverspend, t) * overspend) : 0;
      } else if (plan.afterwardsOverspendPaidBy === "council") {
        topUp = overspend > 0 ? overspend : 0;
      } else if (plan.afterwardsOverspendPaidBy === "dfe") {
        dfePays = overspend > 0 ? overspend : 0;
      }
      reserves -= overspend - topUp - dfePays;

      let oneOff = 0;
      let councilRescue = 0;
      let dfeRescue = 0;
      if (totals.failureYear < 0 && opt.failWhenReservesBelow !== null && reserves < opt.failWhenReservesBelow) {
        totals.failureYear = t;
        totals.reservesAtFailure = reserves;
        if (plan !== null) {
          oneOff = this.at(plan.oneOffCost, t) * deflator;
          const rescue = -reserves + oneOff;
          if (plan.deficitPaidBy === "council") councilRescue = rescue;
          else dfeRescue = rescue;
          reserves = 0;
        }
      }

      const totalCost = operating + setupGross + transition + optimismBias + oneOff;
      // In-house, the reserves are the council's own: what it spends is what it pays.
      const councilCost =
        opt.kind === "in-house" ? totalCost - setupDfe - dfePays - dfeRescue : budget + topUp + setupGross - setupDfe + transition + optimismBias + councilRescue;
      totals.total += totalCost;
      totals.council += councilCost;
      totals.dfe += setupDfe + dfePays + dfeRescue;
      totals.npv += ((totalCost * realBase) / deflator) * c.discountFactors[t];
      totals.operating += operating;
      totals.overspend += overspend;

      if (row !== null) {
        lines[LINE.setupGross] = setupGross;
        lines[LINE.setupDfeFunded] = setupDfe;
        lines[LINE.setupNet] = setupGross - setupDfe;
        lines[LINE.transition] = transition;
        lines[LINE.optimismBias] = optimismBias;
        lines[LINE.totalCost] = totalCost;
        lines[LINE.budget] = budget;
        lines[LINE.overspend] = overspend;
        lines[LINE.councilTopUp] = topUp;
        lines[LINE.councilCost] = councilCost;
        lines[LINE.reserves] = reserves;
        lines[LINE.totalCostReal] = (totalCost * realBase) / deflator;
        row.set(lines, c.layout.yearly(o, t, 0));
      }
    }
    return totals;
  }

  /**
   * Operating lines of year t under an option's terms, `sinceStart` years after those terms began,
   * into this.lines; returns the operating cost.
   */
  private yearLines(regime: CompiledOption, t: number, sinceStart: number, disruption: CompiledDisruption | null): number {
    const c = this.c;
    const n = c.years;
    const lines = this.lines;
    const deflator = this.deflator[t];
    const ramp = Math.min(1, (sinceStart + 1) / regime.rampYears);
    let costFactor = 1 + (this.at(regime.placementCostFactor, t) - 1) * ramp;
    let shareChange = this.at(regime.agencyShareChange, t) * ramp;
    if (disruption !== null) {
      costFactor *= this.at(disruption.placementCostFactor, t);
      shareChange += this.at(disruption.agencyShareChange, t);
    }
    const types = c.placements.length;
    const placementLine = c.layout.lineCount - types;
    let placements = 0;
    for (let p = 0; p < types; p++) {
      const cost = this.at(c.placements[p].children, t) * this.childFactor[t] * this.unitCost[p * n + t] * costFactor * WEEKS_PER_YEAR;
      lines[placementLine + p] = cost;
      placements += cost;
    }
    const share = clamp01(this.at(c.agencyShare, t) + shareChange);
    const staff = this.at(c.fte, t) * this.permanentCost[t];
    const permanent = staff * (1 - share);
    const agency = staff * (1 + this.at(c.agencyPremium, t)) * share;
    const governance = this.at(regime.governance, t) * deflator;
    const support = this.at(regime.supportServices, t) * deflator;
    const client = this.at(regime.clientSide, t) * deflator;
    const fee = this.at(regime.managementFee, t) * deflator;
    const other = this.at(c.otherSpend, t) * deflator;
    const overheads = governance + support + client + fee;
    const beforeVat = placements + permanent + agency + overheads + other;
    const vat = beforeVat * this.at(regime.vatableShare, t) * VAT_RATE * this.at(regime.irrecoverableVatShare, t);
    lines[LINE.placements] = placements;
    lines[LINE.workforcePermanent] = permanent;
    lines[LINE.workforceAgency] = agency;
    lines[LINE.workforce] = permanent + agency;
    lines[LINE.vat] = vat;
    lines[LINE.governance] = governance;
    lines[LINE.supportServices] = support;
    lines[LINE.clientSide] = client;
    lines[LINE.managementFee] = fee;
    lines[LINE.overheads] = overheads;
    lines[LINE.other] = other;
    lines[LINE.operating] = beforeVat + vat;
    return beforeVat + vat;
  }
}

function emptyTotals(): PathTotals {
  return { total: 0, council: 0, dfe: 0, npv: 0, operating: 0, overspend: 0, failureYear: -1, reservesAtFailure: 0 };
}

function resetTotals(t: PathTotals): void {
  t.total = t.council = t.dfe = t.npv = t.operating = t.overspend = t.reservesAtFailure = 0;
  t.failureYear = -1;
}

function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}
