import { quantileSorted } from "../../engine/index.ts";
import { financialYear } from "../quantities/money.ts";
import { OutcomeLayout } from "./member-outcomes.ts";
import type { PortfolioStress } from "./portfolio-stress.ts";
import type { LoadedPortfolio } from "./loaded-portfolio.ts";
import type { ReservesBand } from "./portfolio-schema.ts";

/** Expected value and P90 of a cost, whole GBP. */
export interface CostBand {
  mean: number;
  p90: number;
}

/** What a portfolio run reports (JSON as the CLI and the service print it). */
export interface PortfolioReport {
  portfolio: { id: string; title: string; seed: string; iterations: number };
  conditioning: null | {
    /** National futures weighted (importance) or moved (tempered: the particles). */
    pool: number;
    localDraws: number;
    effectiveSampleSize: number;
    distinct: number;
    members: { member: string; effectiveSampleSize: number }[];
    /** The tempered sampler's: absent for importance resampling. */
    sampler?: "tempered";
    /** Each tempering stage: the temperature reached, the reweighting's effective sample size, the moves' acceptance. */
    stages?: { temperature: number; effectiveSampleSize: number; acceptance: number }[];
    /** Rounds of likelihood evaluation over all particles and members. */
    evaluations?: number;
  };
  failureRule: LoadedPortfolio["portfolio"]["failureRule"];
  /** By financial year: the chance that at least k members have failed by its end, and that at least k fail in it. */
  years: { year: string; members: number; failedBy: number[]; failingIn: number[] }[];
  members: { id: string; option: string; firstYear: string; lastYear: string; failure: string; probabilityFails: number; probabilityFirst: number; medianFailureYear: string | null }[];
  /** Each plan applied to every member that fails: response costs from failure to the end of the member's horizon, nominal GBP. */
  plans: { id: string; label: string; dfe: CostBand; council: CostBand; total: CostBand; provenance: string }[];
  /** Present for a stress run: each plan's public cost unstressed and stressed on the same futures. */
  stress?: PortfolioStress;
  /** CIPFA reserves sustainability: years of reserves left at the year's drawdown, its median and the chance of each band. */
  reserves: { member: string; years: { year: string; medianYears: number | null; band: string; bands: Record<string, number> }[] }[];
}

/** The at-least counts reported per year. */
export const AT_LEAST = [1, 2, 3] as const;
const NOT_DRAWING = "not drawing down";

/** Turns the members' outcome columns (OutcomeLayout, one row per iteration) into the portfolio's report. */
export function summarisePortfolio(loaded: LoadedPortfolio, iterations: number, conditioning: PortfolioReport["conditioning"], outcomes: Float64Array[][]): PortfolioReport {
  const { portfolio, sources } = loaded;
  const info = sources.map((s, m) => {
    const startYear = s.kind === "scenario" ? s.scenario.startYear : s.startYear;
    const years = s.kind === "scenario" ? s.scenario.years : s.years;
    const hasFinance = s.kind === "scenario" && s.scenario.options.find((o) => o.id === s.option)?.finance?.failWhenReservesBelow !== undefined;
    return {
      id: s.kind === "scenario" ? s.scenario.id : s.id,
      option: s.kind === "scenario" ? s.option : "stylised",
      startYear, years, hasFinance,
      layout: new OutcomeLayout(portfolio.plans.length, years),
      columns: outcomes[m],
    };
  });
  // Calendar year each member fails in each iteration (Infinity: not within its horizon).
  const failYear = info.map((m) => Float64Array.from(m.columns[m.layout.failureYear()], (f) => (f < 0 ? Infinity : m.startYear + f)));
  const first = Math.min(...info.map((m) => m.startYear));
  const last = Math.max(...info.map((m) => m.startYear + m.years - 1));
  const years: PortfolioReport["years"] = [];
  for (let y = first; y <= last; y++) {
    const by = AT_LEAST.map(() => 0);
    const inYear = AT_LEAST.map(() => 0);
    for (let i = 0; i < iterations; i++) {
      let failed = 0;
      let failing = 0;
      for (const f of failYear) {
        if (f[i] <= y) failed++;
        if (f[i] === y) failing++;
      }
      AT_LEAST.forEach((k, j) => {
        if (failed >= k) by[j]++;
        if (failing >= k) inYear[j]++;
      });
    }
    const members = info.filter((m) => m.startYear <= y && y < m.startYear + m.years).length;
    years.push({ year: financialYear(y), members, failedBy: by.map((c) => c / iterations), failingIn: inYear.map((c) => c / iterations) });
  }
  let anyFails = 0;
  const firstCounts = info.map(() => 0);
  for (let i = 0; i < iterations; i++) {
    let earliest = Infinity;
    for (const f of failYear) earliest = Math.min(earliest, f[i]);
    if (earliest === Infinity) continue;
    anyFails++;
    failYear.forEach((f, m) => {
      if (f[i] === earliest) firstCounts[m]++;
    });
  }
  const members = info.map((m, k) => {
    const failed = Float64Array.from(failYear[k].filter((f) => f !== Infinity)).sort();
    const rule = portfolio.failureRule;
    return {
      id: m.id,
      option: m.option,
      firstYear: financialYear(m.startYear),
      lastYear: financialYear(m.startYear + m.years - 1),
      failure: m.hasFinance ? "the option's finance.failWhenReservesBelow" : `overspend above ${rule.overspendShareAbove * 100}% of budget ${rule.yearsRunning} years running`,
      probabilityFails: failed.length / iterations,
      probabilityFirst: anyFails === 0 ? 0 : firstCounts[k] / anyFails,
      medianFailureYear: failed.length === 0 ? null : financialYear(failed[Math.floor((failed.length - 1) / 2)]),
    };
  });
  const plans = portfolio.plans.map((plan, p) => {
    const side = (which: "dfe" | "council" | "total") => {
      const sum = new Float64Array(iterations);
      for (const m of info) {
        const dfe = m.columns[m.layout.planCost(p, "dfe")];
        const council = m.columns[m.layout.planCost(p, "council")];
        for (let i = 0; i < iterations; i++) sum[i] += which === "dfe" ? dfe[i] : which === "council" ? council[i] : dfe[i] + council[i];
      }
      return costBand(sum);
    };
    return { id: plan.id, label: plan.label, dfe: side("dfe"), council: side("council"), total: side("total"), provenance: [plan.source, plan.note].filter(Boolean).join("; ") };
  });
  const reserves = info.map((m) => ({
    member: m.id,
    years: Array.from({ length: m.years }, (_, t) => reservesYear(m.columns[m.layout.reservesYears(t)], portfolio.reservesBands, m.startYear + t)),
  }));
  return {
    portfolio: { id: portfolio.id, title: portfolio.title, seed: portfolio.seed, iterations },
    conditioning,
    failureRule: portfolio.failureRule,
    years,
    members,
    plans,
    reserves,
  };
}

function costBand(values: Float64Array): CostBand {
  let sum = 0;
  let compensation = 0;
  // Kahan summation: 100,000 costs of millions each.
  for (const x of values) {
    const y = x - compensation;
    const t = sum + y;
    compensation = t - sum - y;
    sum = t;
  }
  const sorted = Float64Array.from(values).sort();
  return { mean: Math.round(sum / values.length), p90: Math.round(quantileSorted(sorted, 0.9)) };
}

function bandOf(years: number, bands: readonly ReservesBand[]): string {
  if (years === Infinity) return NOT_DRAWING;
  return (bands.find((b) => years < b.below) ?? bands[bands.length - 1]).label;
}

function reservesYear(values: Float64Array, bands: readonly ReservesBand[], year: number) {
  const sorted = Float64Array.from(values).sort();
  // The lower median: an order statistic, so a median of "not drawing down" stays Infinity rather than NaN.
  const median = sorted[Math.floor((sorted.length - 1) / 2)];
  const counts: Record<string, number> = Object.fromEntries([...bands.map((b) => b.label), NOT_DRAWING].map((l) => [l, 0]));
  for (const v of values) counts[bandOf(v, bands)]++;
  for (const k of Object.keys(counts)) counts[k] /= values.length;
  return { year: financialYear(year), medianYears: median === Infinity ? null : Math.round(median * 100) / 100, band: bandOf(median, bands), bands: counts };
}
