import { binomialProbability, probabilityNegative, summarize, type Probability, type Summary } from "../engine/index.ts";
import type { CompiledScenario } from "./compile-scenario.ts";
import { HORIZON_FIGURES, PLAN_FIGURES, type HorizonFigure, type PlanFigure } from "./cost-lines.ts";
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
  /** For an option that can fail: how likely, when, how deep. */
  failure?: FailureResult;
  /** For an option that can fail: each contingency plan's cost on the same futures, and who bears it. */
  plans?: PlanResult[];
}

export interface FailureResult {
  /** Reserves below this fail the option (GBP, nominal). */
  threshold: number;
  /** Probability the option has failed by the end of each year (cumulative, non-decreasing). */
  probabilityByYear: Probability[];
  /** Share of iterations failing first in each year; `never` for those that do not fail. */
  failureYear: { year: string; share: number }[];
  never: number;
  /** Reserves in the year of failure, over the iterations that failed (null when none did). */
  reservesAtFailure: MoneySummary | null;
}

export interface PlanResult {
  id: string;
  label: string;
  /** Horizon totals (nominal) if this plan is applied whenever the option fails. */
  costs: Record<PlanFigure, MoneySummary>;
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

/**
 * Failure statistics from the per-iteration failure year index (-1: never) and the reserves then:
 * the cumulative curve with its binomial uncertainty, the distribution of the failure year, and
 * the depth of the deficit over the iterations that failed.
 */
function failureResult(yearIndex: Float64Array, reserves: Float64Array, threshold: number, startYear: number, years: number): FailureResult {
  const n = yearIndex.length;
  const firstIn = new Array<number>(years).fill(0);
  const depths: number[] = [];
  for (let i = 0; i < n; i++) {
    const y = yearIndex[i];
    if (y >= 0) {
      firstIn[y]++;
      depths.push(reserves[i]);
    }
  }
  let cumulative = 0;
  const probabilityByYear = firstIn.map((count) => binomialProbability((cumulative += count), n));
  return {
    threshold,
    probabilityByYear,
    failureYear: firstIn.map((count, t) => ({ year: financialYear(startYear + t), share: count / n })),
    never: (n - depths.length) / n,
    reservesAtFailure: depths.length > 0 ? money(summarize(Float64Array.from(depths))) : null,
  };
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
    const result: OptionResult = { id: o.id, label: o.label, kind: o.kind, yearly, horizon };
    if (o.failWhenReservesBelow !== null) {
      result.failure = failureResult(col(layout.failure(oi, 0)), col(layout.failure(oi, 1)), o.failWhenReservesBelow, startYear, compiled.years);
      result.plans = compiled.plans.map((p, pi) => ({
        id: p.id,
        label: p.label,
        costs: Object.fromEntries(PLAN_FIGURES.map((f, fi) => [f, money(summarize(col(layout.plan(oi, pi, fi))))])) as Record<PlanFigure, MoneySummary>,
      }));
    }
    return result;
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
