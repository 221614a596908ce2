import { centralInterval, coverageSummary, crpsPoint, crpsSample, probabilityIntegralTransform, quantileSorted, skillScore, type CoverageSummary } from "../../engine/index.ts";
import type { Scenario } from "../scenario/scenario-schema.ts";
import type { EvidenceRecord } from "../evidence/evidence-record-schema.ts";
import { compileScenario, type CompiledEvidence, type CompiledScenario } from "../inputs/compile-scenario.ts";
import { financialYear } from "../quantities/money.ts";
import { simulateBlocks } from "../simulation/simulate.ts";
import { conditionWithNational, evidenceItems } from "./condition-on-evidence.ts";
import { nationalOverspendShare } from "./national-overspend-share.ts";
import { nationalObservationsFor } from "./national-evidence.ts";

/** One forecast of a published overspend from an origin, with its scores (shares of that year's budget). */
export interface BacktestForecast {
  scenario: string;
  record: string;
  option: string;
  /** The year forecast and the origin: the last year whose evidence was used ("set-up": none). */
  year: string;
  origin: string;
  yearsAhead: number;
  /** Evidence used at this origin, and the effective sample size after conditioning (null: none used). */
  evidenceUsed: string[];
  effectiveSampleSize: number | null;
  /** GBP: the published overspend, the simulated median budget of that year, and the forecast band. */
  published: number;
  budget: number;
  p5: number;
  p10: number;
  p50: number;
  p90: number;
  p95: number;
  /** Where the published figure falls in the forecast distribution (0 to 1). */
  pit: number;
  inside80: boolean;
  inside90: boolean;
  /** CRPS of the forecast and of the two naive point forecasts, in shares of that year's budget. */
  crps: number;
  naiveLastShare: number;
  crpsNaiveLast: number;
  naiveNationalShare: number;
  crpsNaiveNational: number;
}

export interface BacktestSummary {
  forecasts: number;
  coverage80: CoverageSummary;
  coverage90: CoverageSummary;
  meanCrps: number;
  meanCrpsNaiveLast: number;
  meanCrpsNaiveNational: number;
  skillVsLast: number;
  skillVsNational: number;
  /** Forecasts whose published figure lay above the median, of all: a sign of a light upper tail when high. */
  aboveMedian: number;
}

export interface BacktestReport {
  iterations: number;
  seed: string;
  forecasts: BacktestForecast[];
  summary: BacktestSummary;
}

/** The published overspends a scenario's evidence holds as point figures (a narrow range counts as its midpoint), by year. */
function scoredItems(compiled: CompiledScenario, records: ReadonlyMap<string, EvidenceRecord>): { item: CompiledEvidence; value: number }[] {
  return evidenceItems(compiled, records)
    .filter(({ item }) => item.output === "overspend")
    .flatMap(({ item, record }) => {
      const sign = item.negate ? -1 : 1;
      if (record.value !== undefined) return [{ item, value: sign * record.value }];
      if (record.low !== undefined && record.high !== undefined && record.high - record.low <= 0.1 * Math.abs(record.high)) {
        return [{ item, value: (sign * (record.low + record.high)) / 2 }];
      }
      return [];
    })
    .sort((a, b) => a.item.year - b.item.year);
}

/**
 * Rolling-origin backtest (DESIGN.md, Backtest like a forecaster): for every scenario with
 * published overspends, at each origin (before its first year, then each year with a published
 * overspend) condition on the evidence up to that year only and forecast every later published
 * overspend; score each forecast by its PIT, whether the figure lies inside the 80% and 90% bands,
 * and CRPS, against two naive forecasts (last year's overspend share carried forward, and the
 * national average share known at the origin). Nothing is tuned to the year forecast: the
 * scenarios' parameters come from national evidence and their own first-year facts.
 */
export function backtest(scenarios: readonly Scenario[], records: ReadonlyMap<string, EvidenceRecord>, options: { iterations?: number; seed?: string } = {}): BacktestReport {
  const iterations = options.iterations ?? 2000;
  const seed = options.seed ?? "backtest";
  const forecasts: BacktestForecast[] = [];
  for (const scenario of scenarios) {
    const compiled = compileScenario(scenario, `${seed}:${scenario.id}`);
    const scored = scoredItems(compiled, records);
    if (scored.length === 0) continue;
    const evidenceYears = [...new Set(compiled.evidence.map((e) => e.year))].sort((a, b) => a - b);
    const origins = [scenario.startYear - 1, ...evidenceYears].filter((o) => o < scored[scored.length - 1].item.year);
    for (const origin of origins) {
      const used = evidenceItems(compiled, records, origin);
      // National figures up to the origin only: a forecast made then could not know later ones.
      const nationalFigures = compiled.inputs.hasNationalShocks ? nationalObservationsFor(scenario.startYear, scenario.years, origin) : [];
      const targets = scored.filter((s) => s.item.year > origin);
      const conditioning =
        used.length === 0 && nationalFigures.length === 0 ? null : conditionWithNational(compiled, used, iterations, `${seed}:${scenario.id}:${origin}`, nationalFigures);
      const lanes = conditioning?.lanes ?? Int32Array.from({ length: iterations }, (_, i) => i);
      const columns = targets.flatMap(({ item }) => [compiled.layout.yearly(item.optionIndex, item.yearIndex, "overspend"), compiled.layout.yearly(item.optionIndex, item.yearIndex, "budget")]);
      const values = columns.map(() => new Float64Array(iterations));
      simulateBlocks(compiled, 0, iterations, { accept: (block, start, count) => columns.forEach((k, j) => values[j].set(block[k].subarray(0, count), start)) }, lanes);
      // Naive forecasts at this origin: the last published share before it, or the national average.
      const last = scored.filter((s) => s.item.year <= origin).pop();
      const national = nationalOverspendShare(origin).share;
      let lastShare = national;
      if (last !== undefined) {
        const budgetColumn = compiled.layout.yearly(last.item.optionIndex, last.item.yearIndex, "budget");
        const budgets = new Float64Array(iterations);
        simulateBlocks(compiled, 0, iterations, { accept: (block, start, count) => budgets.set(block[budgetColumn].subarray(0, count), start) }, lanes);
        lastShare = last.value / quantileSorted(budgets.sort(), 0.5);
      }
      targets.forEach(({ item, value }, j) => {
        const overspend = values[2 * j];
        const budget = quantileSorted(Float64Array.from(values[2 * j + 1]).sort(), 0.5);
        const shares = overspend.map((x) => x / budget);
        const sorted = Float64Array.from(overspend).sort();
        const observed = value / budget;
        const [lo80, hi80] = centralInterval(sorted, 0.8);
        const [lo90, hi90] = centralInterval(sorted, 0.9);
        forecasts.push({
          scenario: scenario.id,
          record: item.record,
          option: item.option,
          year: financialYear(item.year),
          origin: origin < scenario.startYear ? "set-up" : financialYear(origin),
          yearsAhead: item.year - origin,
          evidenceUsed: [...used.map((u) => u.record.id), ...(conditioning?.nationalDropped ? [] : nationalFigures.map((o) => `national ${o.family} ${financialYear(o.year)}`))],
          effectiveSampleSize: conditioning === null ? null : Math.round(conditioning.effectiveSampleSize * 10) / 10,
          published: value,
          budget,
          p5: quantileSorted(sorted, 0.05),
          p10: quantileSorted(sorted, 0.1),
          p50: quantileSorted(sorted, 0.5),
          p90: quantileSorted(sorted, 0.9),
          p95: quantileSorted(sorted, 0.95),
          pit: probabilityIntegralTransform(overspend, value),
          inside80: lo80 <= value && value <= hi80,
          inside90: lo90 <= value && value <= hi90,
          crps: crpsSample(shares, observed),
          naiveLastShare: lastShare,
          crpsNaiveLast: crpsPoint(lastShare, observed),
          naiveNationalShare: national,
          crpsNaiveNational: crpsPoint(national, observed),
        });
      });
    }
  }
  if (forecasts.length === 0) throw new RangeError("backtest requires at least one scenario with published overspends as evidence");
  const mean = (f: (x: BacktestForecast) => number) => forecasts.reduce((s, x) => s + f(x), 0) / forecasts.length;
  const meanCrps = mean((f) => f.crps);
  const meanCrpsNaiveLast = mean((f) => f.crpsNaiveLast);
  const meanCrpsNaiveNational = mean((f) => f.crpsNaiveNational);
  return {
    iterations,
    seed,
    forecasts,
    summary: {
      forecasts: forecasts.length,
      coverage80: coverageSummary(forecasts.map((f) => f.inside80), 0.8),
      coverage90: coverageSummary(forecasts.map((f) => f.inside90), 0.9),
      meanCrps,
      meanCrpsNaiveLast,
      meanCrpsNaiveNational,
      skillVsLast: skillScore(meanCrps, meanCrpsNaiveLast),
      skillVsNational: skillScore(meanCrps, meanCrpsNaiveNational),
      aboveMedian: forecasts.filter((f) => f.published > f.p50).length,
    },
  };
}
