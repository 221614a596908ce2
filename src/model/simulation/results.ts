import { binomialProbability, type OutputStats, type Probability, type Summary } from "../../engine/index.ts";
import type { Histogram } from "../../engine/index.ts";
import type { CompiledScenario } from "../inputs/compile-scenario.ts";
import { HORIZON_FIGURES, PLAN_FIGURES, RESERVES_BAND_YEARS, RESERVES_NOT_DRAWING, type HorizonFigure, type PlanFigure } from "../costs/output-layout.ts";
import { financialYear, toPence } from "../quantities/money.ts";
import type { Assumption } from "../inputs/input-sampler.ts";

/** A reported statistic of GBP amounts, each rounded to pence. */
export type MoneySummary = Summary;

/**
 * How percentiles were computed: exactly from every value, or (for runs too large to keep every
 * value) from a histogram, within one bin width of the exact figure.
 */
export type PercentileMethod = { method: "exact" } | { method: "histogram"; bins: number; note: string };

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
  /** For an option with finance: CIPFA's reserves sustainability by year. */
  reservesSustainability?: ReservesSustainability[];
}

/**
 * CIPFA's reserves sustainability in one year: years until reserves run out at that year's
 * drawdown (reserves at its end over their fall in it), its P10 and median (null: reserves did
 * not fall), the band of the median and the chance of each band (bounds: an assumption, as the
 * portfolio's; CIPFA's index gives the measure, not bands).
 */
export interface ReservesSustainability {
  year: string;
  p10Years: number | null;
  medianYears: number | null;
  band: string;
  bands: Record<string, number>;
}

/** The bands' labels: under each bound of RESERVES_BAND_YEARS, then the rest, then no drawdown. */
export const RESERVES_BANDS = ["under 1 year: critical", "1-3 years: high risk", "3-5 years: some risk", "5 years or more: lower risk", "not drawing down"] as const;

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
  /** The distribution of totalCostDifference in 40 equal bins, GBP nominal (for charts). */
  histogram: Histogram;
}

/** How a run was conditioned on published evidence (forecast/condition-on-evidence.ts). */
export interface ConditioningSummary {
  /** "conditioned": futures resampled to agree with the evidence; "prior": the unconditioned futures. */
  mode: "conditioned" | "prior";
  /** True when the national figures could not be matched together with the scenario's own and were left out. */
  nationalDropped: boolean;
  pool: number;
  effectiveSampleSize: number;
  distinct: number;
  evidence: EvidenceFit[];
}

/** One piece of evidence as the run used it: the published figure beside the prior and conditioned bands. */
export interface EvidenceFit {
  record: string;
  /** The option it measures, or "national" for a national figure (a growth rate, not money). */
  option: string;
  year: string;
  output: string;
  published: { value?: number; low?: number; high?: number };
  basis: string;
  /** Standard deviation of the figure's error, as a share of that year's budget (0 for a national figure). */
  sdShareOfBudget: number;
  prior: { p10: number; p50: number; p90: number };
  conditioned: { p10: number; p50: number; p90: number };
}

/** What `run` returns and the JSON output prints. */
export interface Results {
  format: "trustsim-results/1";
  scenario: { id: string; title: string; area: string; illustrative: boolean };
  simulation: { iterations: number; seed: string; sampling: "monte-carlo" | "latin-hypercube"; percentiles: PercentileMethod };
  priceBase: { statement: string; basis: "nominal" | "real"; baseYear: string; discountRate: number };
  years: string[];
  options: OptionResult[];
  comparisons: Comparison[];
  assumptions: Assumption[];
  /** Present when the scenario lists evidence: conditioned (the default) or prior (--prior). */
  conditioning?: ConditioningSummary;
}

/**
 * toPence of the amounts one buildResults has rounded already: a run's figures repeat (a line an
 * option does not have, the same line in options that share it, an interval's ends), and each
 * rounding is a few decimal.js operations. toPence is a pure function: the same figures.
 */
const pence = new Map<number, number>();

function cachedPence(x: number): number {
  let p = pence.get(x);
  if (p === undefined) pence.set(x, (p = toPence(x)));
  return p;
}

/** Rounds every money figure of a statistic to pence, once, at this edge. */
function money(s: OutputStats): MoneySummary {
  const pair = ([a, b]: [number, number]): [number, number] => [cachedPence(a), cachedPence(b)];
  return {
    mean: cachedPence(s.mean), sd: cachedPence(s.sd), se: cachedPence(s.se),
    p5: cachedPence(s.p5), p10: cachedPence(s.p10), p50: cachedPence(s.p50), p90: cachedPence(s.p90), p95: cachedPence(s.p95),
    ci95: { p10: pair(s.ci95.p10), p50: pair(s.ci95.p50), p90: pair(s.ci95.p90) },
  };
}

/**
 * Failure statistics from the per-iteration outputs: the 0/1 "failed by year t" indicators give the
 * cumulative curve with its binomial uncertainty; the reserves at failure apply only where it failed.
 */
function failureResult(stats: StatsAt, layout: CompiledScenario["layout"], o: number, threshold: number, startYear: number, years: number): FailureResult {
  const failedBy = Array.from({ length: years }, (_, t) => stats(layout.failedBy(o, t)));
  const n = failedBy[0].n;
  const probabilityByYear = failedBy.map((s) => binomialProbability(s.positives, n));
  const depth = stats.orNull(layout.failure(o, "reservesAtFailure"));
  return {
    threshold,
    probabilityByYear,
    failureYear: failedBy.map((s, t) => ({
      year: financialYear(startYear + t),
      share: (s.positives - (t > 0 ? failedBy[t - 1].positives : 0)) / n,
    })),
    never: (n - failedBy[years - 1].positives) / n,
    reservesAtFailure: depth === null ? null : money(depth),
  };
}

type StatsAt = ((k: number) => OutputStats) & { orNull: (k: number) => OutputStats | null };

function reservesSustainability(stats: StatsAt, layout: CompiledScenario["layout"], o: number, startYear: number, years: number): ReservesSustainability[] | undefined {
  if (stats.orNull(layout.reservesYears(o, 0)) === null) return undefined;
  const rounded = (x: number) => (x >= RESERVES_NOT_DRAWING ? null : Math.round(x * 100) / 100);
  return Array.from({ length: years }, (_, t) => {
    const measure = stats(layout.reservesYears(o, t));
    const n = measure.n;
    const below = RESERVES_BAND_YEARS.map((_, k) => stats(layout.reservesBelow(o, t, k)).positives / n);
    const flat = stats(layout.reservesNotDrawing(o, t)).positives / n;
    const shares = [below[0], below[1] - below[0], below[2] - below[1], 1 - below[2] - flat, flat];
    const median = measure.p50;
    const under = RESERVES_BAND_YEARS.findIndex((b) => median < b);
    const band = RESERVES_BANDS[median >= RESERVES_NOT_DRAWING ? 4 : under === -1 ? 3 : under];
    return {
      year: financialYear(startYear + t),
      p10Years: rounded(measure.p10),
      medianYears: rounded(median),
      band,
      bands: Object.fromEntries(RESERVES_BANDS.map((label, k) => [label, Math.round(shares[k] * 1e6) / 1e6])),
    };
  });
}

/** Results from per-output statistics (see Aggregator), money rounded to pence at this edge. */
export function buildResults(
  compiled: CompiledScenario,
  all: (OutputStats | null)[],
  iterations: number,
  seed: string,
  percentiles: PercentileMethod,
  histogram: (output: number) => Histogram,
  conditioning?: ConditioningSummary,
): Results {
  const { scenario, layout } = compiled;
  pence.clear();
  const stats = ((k: number) => {
    const s = all[k];
    if (s === null) throw new RangeError(`output ${k} applied in no iteration`);
    return s;
  }) as StatsAt;
  stats.orNull = (k: number) => all[k];
  const startYear = scenario.startYear;
  const baseYear = scenario.priceBase.baseYear ?? startYear;

  const options: OptionResult[] = compiled.options.map((o, oi) => {
    const yearly: Record<string, MoneySummary[]> = {};
    layout.lineNames.forEach((line) => {
      yearly[line] = Array.from({ length: compiled.years }, (_, t) => money(stats(layout.yearly(oi, t, line))));
    });
    const horizon = Object.fromEntries(HORIZON_FIGURES.map((f) => [f, money(stats(layout.horizon(oi, f)))])) as Record<HorizonFigure, MoneySummary>;
    const result: OptionResult = { id: o.id, label: o.label, kind: o.kind, yearly, horizon };
    if (o.failWhenReservesBelow !== null) {
      result.failure = failureResult(stats, layout, oi, o.failWhenReservesBelow, startYear, compiled.years);
      result.plans = compiled.contingencyPlans.map((p, pi) => ({
        id: p.id,
        label: p.label,
        costs: Object.fromEntries(PLAN_FIGURES.map((f) => [f, money(stats(layout.plan(oi, pi, f)))])) as Record<PlanFigure, MoneySummary>,
      }));
    }
    const sustainability = reservesSustainability(stats, layout, oi, startYear, compiled.years);
    if (sustainability !== undefined) result.reservesSustainability = sustainability;
    return result;
  });

  const comparisons: Comparison[] = layout.pairs.map(([a, b], k) => {
    const totalIndex = layout.pair(k, "totalCostDifference");
    const total = stats(totalIndex);
    const h = histogram(totalIndex);
    return {
      a: compiled.options[a].id,
      b: compiled.options[b].id,
      totalCostDifference: money(total),
      npvDifference: money(stats(layout.pair(k, "npvDifference"))),
      probabilityACheaper: binomialProbability(total.negatives, total.n),
      histogram: { lo: toPence(h.lo), hi: toPence(h.hi), counts: h.counts },
    };
  });

  const basis = scenario.priceBase.basis;
  return {
    format: "trustsim-results/1",
    scenario: { id: scenario.id, title: scenario.title, area: scenario.area, illustrative: scenario.illustrative },
    simulation: { iterations, seed, sampling: scenario.simulation.sampling, percentiles },
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
    assumptions: compiled.inputs.assumptions,
    ...(conditioning === undefined ? {} : { conditioning: roundConditioning(conditioning) }),
  };
}

/** Money in the conditioning summary to pence, at this edge. */
function roundConditioning(c: ConditioningSummary): ConditioningSummary {
  const rate = (x: number) => Math.round(x * 1e6) / 1e6;
  const band = (b: { p10: number; p50: number; p90: number }, round: (x: number) => number) => ({ p10: round(b.p10), p50: round(b.p50), p90: round(b.p90) });
  return {
    ...c,
    effectiveSampleSize: Math.round(c.effectiveSampleSize * 10) / 10,
    // National figures are growth rates (to six decimals); a scenario's own are money (to pence).
    evidence: c.evidence.map((e) => {
      const round = e.option === "national" ? rate : toPence;
      return { ...e, prior: band(e.prior, round), conditioned: band(e.conditioned, round) };
    }),
  };
}
