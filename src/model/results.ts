import { probabilityNegative, summarize, type Probability, type Summary } from "../engine/index.ts";
import type { CompiledScenario } from "./compile-scenario.ts";
import { HORIZON_FIGURES, type HorizonFigure } from "./cost-lines.ts";
import { financialYear, toPence } from "./money.ts";
import type { Assumption } from "./sampling-plan.ts";
import type { SimulationColumns } from "./simulate.ts";

/** A reported statistic of GBP amounts, each rounded to pence. */
export type MoneySummary = Summary;

export interface OptionResult {
  id: string;
  label: string;
  kind: string;
  /** line name -> one summary per year of the horizon. */
  yearly: Record<string, MoneySummary[]>;
  /** Horizon figures: totals over all years (nominal), and npv (real, discounted). */
  horizon: Record<HorizonFigure, MoneySummary>;
}

export interface Comparison {
  a: string;
  b: string;
  /** a minus b, per iteration on the same draws (common random numbers): positive when a costs more. */
  totalCostDifference: MoneySummary;
  npvDifference: MoneySummary;
  /** Share of iterations in which a's horizon total cost is below b's, with its uncertainty. */
  probabilityACheaper: Probability;
}

/** What `run` returns and the JSON output prints. */
export interface Results {
  format: "trustsim-results/1";
  scenario: { id: string; title: string; area: string; illustrative: boolean };
  simulation: { iterations: number; seed: string };
  priceBase: { statement: string; basis: "nominal" | "real"; baseYear: string; discountRate: number };
  years: string[];
  options: OptionResult[];
  comparisons: Comparison[];
  assumptions: Assumption[];
}

function money(s: Summary): MoneySummary {
  return {
    mean: toPence(s.mean), sd: toPence(s.sd), se: toPence(s.se),
    p5: toPence(s.p5), p10: toPence(s.p10), p50: toPence(s.p50), p90: toPence(s.p90), p95: toPence(s.p95),
  };
}

function difference(a: Float64Array, b: Float64Array): Float64Array {
  const d = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) d[i] = a[i] - b[i];
  return d;
}

/** Summarises simulated columns into the reported results, money rounded to pence at this edge. */
export function buildResults(compiled: CompiledScenario, sim: SimulationColumns, seed: string): Results {
  const { scenario, layout } = compiled;
  const col = (k: number) => sim.columns[k];
  const startYear = scenario.startYear;
  const baseYear = scenario.priceBase.baseYear ?? startYear;
  const totalIndex = HORIZON_FIGURES.indexOf("totalCost");
  const npvIndex = HORIZON_FIGURES.indexOf("npv");

  const options: OptionResult[] = compiled.options.map((o, oi) => {
    const yearly: Record<string, MoneySummary[]> = {};
    layout.lineNames.forEach((line, li) => {
      yearly[line] = Array.from({ length: compiled.years }, (_, t) => money(summarize(col(layout.yearly(oi, t, li)))));
    });
    const horizon = Object.fromEntries(
      HORIZON_FIGURES.map((f, fi) => [f, money(summarize(col(layout.horizon(oi, fi))))]),
    ) as Record<HorizonFigure, MoneySummary>;
    return { id: o.id, label: o.label, kind: o.kind, yearly, horizon };
  });

  const comparisons: Comparison[] = [];
  for (let a = 0; a < compiled.options.length; a++) {
    for (let b = a + 1; b < compiled.options.length; b++) {
      const total = difference(col(layout.horizon(a, totalIndex)), col(layout.horizon(b, totalIndex)));
      const npv = difference(col(layout.horizon(a, npvIndex)), col(layout.horizon(b, npvIndex)));
      comparisons.push({
        a: compiled.options[a].id,
        b: compiled.options[b].id,
        totalCostDifference: money(summarize(total)),
        npvDifference: money(summarize(npv)),
        probabilityACheaper: probabilityNegative(total),
      });
    }
  }

  const basis = scenario.priceBase.basis;
  return {
    format: "trustsim-results/1",
    scenario: { id: scenario.id, title: scenario.title, area: scenario.area, illustrative: scenario.illustrative },
    simulation: { iterations: sim.to - sim.from, seed },
    priceBase: {
      statement:
        `GBP. Yearly lines and horizon totals are nominal (cash, each year's prices); totalCostReal and npv ` +
        `are real, at ${financialYear(baseYear)} prices, npv discounted at ${(scenario.discountRate * 100).toFixed(1)}% ` +
        `(Green Book) to ${financialYear(startYear)}. Inputs are stated at ${financialYear(startYear)} prices.`,
      basis,
      baseYear: financialYear(baseYear),
      discountRate: scenario.discountRate,
    },
    years: Array.from({ length: compiled.years }, (_, t) => financialYear(startYear + t)),
    options,
    comparisons,
    assumptions: compiled.plan.assumptions,
  };
}
