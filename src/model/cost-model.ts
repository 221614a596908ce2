import type { CompiledScenario } from "./compile-scenario.ts";
import type { QuantityRef } from "./sampling-plan.ts";
import { HORIZON_FIGURES, LINE, VAT_RATE, WEEKS_PER_YEAR } from "./cost-lines.ts";

const H = Object.fromEntries(HORIZON_FIGURES.map((n, i) => [n, i])) as Record<(typeof HORIZON_FIGURES)[number], number>;

/**
 * The cost lines of every option and year for one iteration's draws (DESIGN.md, cost lines), in
 * float64 over preallocated arrays: nothing is allocated per iteration. Growth rates apply from
 * the second year on; first-year figures are the scenario's own.
 */
export class CostModel {
  private readonly deflator: Float64Array;
  private readonly childFactor: Float64Array;
  private readonly unitCost: Float64Array;
  private readonly permanentCost: Float64Array;
  private readonly budgetFactor: Float64Array;

  constructor(private readonly c: CompiledScenario) {
    const n = c.years;
    this.deflator = new Float64Array(n);
    this.childFactor = new Float64Array(n);
    this.unitCost = new Float64Array(n * c.placements.length);
    this.permanentCost = new Float64Array(n);
    this.budgetFactor = new Float64Array(n);
  }

  /** Fills `row` (length layout.size) from the plan's current values. */
  evaluate(row: Float64Array): void {
    const c = this.c;
    const v = c.plan.values;
    const n = c.years;
    const at = (r: QuantityRef, t: number) => v[r.slot + r.stride * t];
    const { deflator, childFactor, unitCost, permanentCost, budgetFactor } = this;
    const types = c.placements.length;

    // Shared baseline paths: the same for every option (common random numbers).
    for (let t = 0; t < n; t++) {
      const first = t === 0;
      deflator[t] = first ? 1 : deflator[t - 1] * (1 + at(c.generalInflation, t));
      childFactor[t] = first ? 1 : childFactor[t - 1] * (1 + at(c.childrenGrowth, t));
      permanentCost[t] = first ? at(c.permanentCostPerFte, 0) : permanentCost[t - 1] * (1 + at(c.payInflation, t));
      budgetFactor[t] = first ? 1 : budgetFactor[t - 1] * (1 + at(c.budgetUplift, t));
      for (let p = 0; p < types; p++) {
        const pl = c.placements[p];
        unitCost[p * n + t] = first
          ? at(pl.weeklyUnitCost, 0)
          : unitCost[p * n + t - 1] * (1 + at(pl.unitCostGrowth, t));
      }
    }
    const realBase = deflator[c.baseYearIndex];
    const layout = c.layout;
    const lines = layout.lineCount;
    const placementLine = lines - types;

    for (let o = 0; o < c.options.length; o++) {
      const opt = c.options[o];
      let reserves = at(opt.openingReserves, 0);
      let total = 0;
      let council = 0;
      let npv = 0;
      let operatingSum = 0;
      let overspendSum = 0;
      for (let t = 0; t < n; t++) {
        const base = layout.yearly(o, t, 0);
        const ramp = Math.min(1, (t + 1) / opt.rampYears);
        const costFactor = 1 + (at(opt.placementCostFactor, t) - 1) * ramp;
        let placements = 0;
        for (let p = 0; p < types; p++) {
          const cost = at(c.placements[p].children, t) * childFactor[t] * unitCost[p * n + t] * costFactor * WEEKS_PER_YEAR;
          row[base + placementLine + p] = cost;
          placements += cost;
        }
        const share = clamp01(at(c.agencyShare, t) + at(opt.agencyShareChange, t) * ramp);
        const staff = at(c.fte, t) * permanentCost[t];
        const permanent = staff * (1 - share);
        const agency = staff * (1 + at(c.agencyPremium, t)) * share;
        const governance = at(opt.governance, t) * deflator[t];
        const support = at(opt.supportServices, t) * deflator[t];
        const client = at(opt.clientSide, t) * deflator[t];
        const other = at(c.otherSpend, t) * deflator[t];
        const beforeVat = placements + permanent + agency + governance + support + client + other;
        const vat = beforeVat * at(opt.vatableShare, t) * VAT_RATE * at(opt.irrecoverableVatShare, t);
        const operating = beforeVat + vat;
        const setupGross = t < opt.setupSpreadYears ? (at(opt.setupCost, 0) * deflator[t]) / opt.setupSpreadYears : 0;
        const dfe = setupGross * at(opt.dfeFundedShare, 0);
        const budget = (at(c.budgetAmount, 0) + at(opt.budgetAdjustment, 0)) * budgetFactor[t];
        const overspend = operating - budget;
        reserves -= overspend;
        const totalCost = operating + setupGross;
        const totalReal = (totalCost * realBase) / deflator[t];

        row[base + LINE.placements] = placements;
        row[base + LINE.workforcePermanent] = permanent;
        row[base + LINE.workforceAgency] = agency;
        row[base + LINE.workforce] = permanent + agency;
        row[base + LINE.vat] = vat;
        row[base + LINE.governance] = governance;
        row[base + LINE.supportServices] = support;
        row[base + LINE.clientSide] = client;
        row[base + LINE.overheads] = governance + support + client;
        row[base + LINE.other] = other;
        row[base + LINE.operating] = operating;
        row[base + LINE.setupGross] = setupGross;
        row[base + LINE.setupDfeFunded] = dfe;
        row[base + LINE.setupNet] = setupGross - dfe;
        row[base + LINE.totalCost] = totalCost;
        row[base + LINE.councilCost] = operating + setupGross - dfe;
        row[base + LINE.budget] = budget;
        row[base + LINE.overspend] = overspend;
        row[base + LINE.reserves] = reserves;
        row[base + LINE.totalCostReal] = totalReal;

        total += totalCost;
        council += operating + setupGross - dfe;
        npv += totalReal * c.discountFactors[t];
        operatingSum += operating;
        overspendSum += overspend;
      }
      row[layout.horizon(o, H.totalCost)] = total;
      row[layout.horizon(o, H.councilCost)] = council;
      row[layout.horizon(o, H.npv)] = npv;
      row[layout.horizon(o, H.operating)] = operatingSum;
      row[layout.horizon(o, H.overspend)] = overspendSum;
    }
  }
}

function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}
