import { KeyedStream, probabilityIntegralTransform, quantileSorted } from "../../engine/index.ts";
import type { CompiledEvidence, CompiledScenario } from "../inputs/compile-scenario.ts";
import type { EvidenceRecord } from "../evidence/evidence-record-schema.ts";
import { ScenarioError } from "../quantities/scenario-error.ts";
import { financialYear } from "../quantities/money.ts";
import { simulateBlocks } from "../simulation/simulate.ts";
import { LANES } from "../inputs/input-sampler.ts";
import type { NationalObservation } from "./national-evidence.ts";

/** A national observation placed in a scenario: its family and year index, and the family's national sd. */
export type NationalFit = NationalObservation & { f: number; t: number; sd: number };

/**
 * Standard deviation of a published figure's error, as a share of that year's budget, by basis: an
 * audited outturn is tight; an in-year forecast missed by 6% of budget at Sandwell (3.6m forecast,
 * 6.9m outturn on 58m: seeds/sandwell-2018-19-overspend-forecast), so it is looser.
 */
export const EVIDENCE_SD_SHARE = { outturn: 0.01, budget: 0.01, "in-year-forecast": 0.03, estimate: 0.05 } as const;

/** Press and estimates bear less weight than official figures and council papers (reference figures' legend). */
const WEIGHT_FACTOR = { OFF: 1, COUNCIL: 1, PRESS: 1.25, EST: 1.5 } as const;

/** The smallest effective sample size a conditioned forecast is allowed to rest on. */
export const MIN_EFFECTIVE_SAMPLE = 100;

/** A figure no simulated future comes within this many of its standard errors of cannot be conditioned on. */
const MAX_CLOSEST_Z = 4;

/** The prior pool may grow to this many times its first size while the evidence is hard to match. */
const MAX_POOL_FACTOR = 8;

/** One piece of evidence as the run used it (declared with the results it is reported in). */
export type { EvidenceFit } from "../simulation/results.ts";
import type { EvidenceFit } from "../simulation/results.ts";

/** The futures a conditioned run uses, and how much the evidence narrowed them. */
export interface Conditioning {
  /** Prior futures drawn and weighted. */
  pool: number;
  /** Kish's effective sample size of the weights, (sum w)^2 / sum w^2. */
  effectiveSampleSize: number;
  /** Distinct prior futures among those kept. */
  distinct: number;
  /** The prior iteration each position of the conditioned run simulates, ascending. */
  lanes: Int32Array;
  evidence: EvidenceFit[];
}

/** The evidence items used, with their records: all of the scenario's, or those up to a year (the backtest's origin). */
export function evidenceItems(compiled: CompiledScenario, records: ReadonlyMap<string, EvidenceRecord>, throughYear = Infinity): { item: CompiledEvidence; record: EvidenceRecord }[] {
  const missing = compiled.evidence.map((e, i) => ({ e, i })).filter(({ e }) => !records.has(e.record));
  if (missing.length > 0) {
    throw new ScenarioError(missing.map(({ e, i }) => ({ path: `evidence[${i}].record`, message: `no seeds/ record with id '${e.record}'` })), compiled.scenario.id);
  }
  return compiled.evidence.filter((e) => e.year <= throughYear).map((item) => ({ item, record: records.get(item.record)! }));
}

/**
 * Conditions a scenario's futures on its published evidence by importance resampling (DESIGN.md,
 * Condition, then forecast): draws `pool` prior futures, weights each by the likelihood of the
 * evidence (a normal error on each figure, its spread from the record's basis and weight), and keeps
 * `iterations` of them by systematic resampling from a keyed stream, so the result depends only on
 * (scenario, seed, iterations). Refuses, naming the worst-fitting figure, when the effective sample
 * size falls below MIN_EFFECTIVE_SAMPLE.
 */
export function conditionOnEvidence(
  compiled: CompiledScenario,
  used: readonly { item: CompiledEvidence; record: EvidenceRecord }[],
  iterations: number,
  seed: string,
  pool = Math.max(2 * iterations, 8192),
  /** False: report the bands without refusing a collapsed sample (the --prior view). */
  refuse = true,
  /** National figures that condition the national shocks (forecast/national-evidence.ts), up to the same origin. */
  national: readonly NationalFit[] = [],
): Conditioning {
  const n = used.length;
  const sdShares = evidenceSdShares(used);
  const bounds = evidenceBounds(used);
  let simulated = used.map(() => new Float64Array(0));
  let nationalValues = national.map(() => new Float64Array(0));
  /** The smallest |z| any future reaches on each figure: importance weights are relative, so an absolute misfit needs its own check. */
  const closest = new Float64Array(n).fill(Infinity);
  let logWeights = new Float64Array(0);
  let drawn = 0;
  const append = (old: Float64Array, fresh: Float64Array) => {
    const next = new Float64Array(old.length + fresh.length);
    next.set(old);
    next.set(fresh, old.length);
    return next;
  };
  // Futures [drawn, size) are simulated (only up to the last evidence year) and weighted; the pool
  // doubles, up to MAX_POOL_FACTOR times its start, while the effective sample is too small for
  // the iterations asked. Every size is a function of (scenario, seed, iterations) alone.
  const grow = (size: number) => {
    const fresh = evidenceLogLikelihood(compiled, used, drawn, size, national);
    simulated = simulated.map((old, k) => append(old, fresh.simulated[k]));
    nationalValues = nationalValues.map((old, j) => append(old, fresh.national[j]));
    for (let k = 0; k < n; k++) closest[k] = Math.min(closest[k], fresh.closest[k]);
    logWeights = append(logWeights, fresh.logLikelihood);
    drawn = size;
  };
  const weigh = () => {
    let max = -Infinity;
    for (let i = 0; i < drawn; i++) if (logWeights[i] > max) max = logWeights[i];
    const weights = new Float64Array(drawn);
    let sum = 0;
    let sumSquares = 0;
    for (let i = 0; i < drawn; i++) {
      const w = Math.exp(logWeights[i] - max);
      weights[i] = w;
      sum += w;
      sumSquares += w * w;
    }
    return { weights, sum, ess: (sum * sum) / sumSquares };
  };
  grow(pool);
  let w = weigh();
  // Aim for an effective sample of a tenth of the iterations (at least 200) before stopping the pool's growth.
  const wanted = Math.max(2 * MIN_EFFECTIVE_SAMPLE, iterations / 10);
  while (refuse && w.ess < wanted && drawn < pool * MAX_POOL_FACTOR && !closest.some((z) => z > MAX_CLOSEST_Z)) {
    grow(drawn * 2);
    w = weigh();
  }
  const effectiveSampleSize = w.ess;
  const unreachable = closest.findIndex((z) => z > MAX_CLOSEST_Z);
  if (refuse && unreachable >= 0) {
    const { item, record } = used[unreachable];
    const sorted = Float64Array.from(simulated[unreachable]).sort();
    throw new ScenarioError(
      [
        {
          path: "evidence",
          message:
            `no simulated future comes within ${MAX_CLOSEST_Z} standard errors of ${record.id} (${item.output}, ${financialYear(item.year)}): published ` +
            `${record.value ?? record.low ?? record.high}, simulated P1 ${quantileSorted(sorted, 0.01).toFixed(0)} to P99 ${quantileSorted(sorted, 0.99).toFixed(0)} ` +
            `over ${drawn} futures. Check the figure and the scenario's inputs, or widen the priors; --prior runs without the evidence`,
        },
      ],
      compiled.scenario.id,
    );
  }
  if (refuse && !(effectiveSampleSize >= MIN_EFFECTIVE_SAMPLE)) {
    // The worst fit: the figure lying furthest into a tail of its own prior distribution.
    const misfit = bounds.map((b, k) => {
      const sorted = Float64Array.from(simulated[k]).sort();
      return { k, sorted, distance: Math.abs(probabilityIntegralTransform(sorted, b.value ?? b.low ?? b.high ?? 0) - 0.5) };
    });
    const worstFit = misfit.sort((a, b) => b.distance - a.distance)[0];
    const worst = used[worstFit.k];
    const figure = worst.record.value ?? worst.record.low ?? worst.record.high;
    throw new ScenarioError(
      [
        {
          path: "evidence",
          message:
            `the simulated futures cannot reproduce the evidence: an effective ${effectiveSampleSize.toFixed(1)} of ${drawn} futures agree with it ` +
            `(at least ${MIN_EFFECTIVE_SAMPLE} needed). Worst fit: ${worst.record.id} (${worst.item.output}, ${financialYear(worst.item.year)}), published ` +
            `${figure}, simulated P1 ${quantileSorted(worstFit.sorted, 0.01).toFixed(0)} to P99 ${quantileSorted(worstFit.sorted, 0.99).toFixed(0)}. ` +
            `Check the figure and the scenario's inputs, or widen the priors; --prior runs without the evidence`,
        },
      ],
      compiled.scenario.id,
    );
  }

  const lanes = systematicResample(w.weights, w.sum, iterations, new KeyedStream(seed, "evidence#resample"));
  const band = (values: Float64Array) => {
    const s = Float64Array.from(values).sort();
    return { p10: quantileSorted(s, 0.1), p50: quantileSorted(s, 0.5), p90: quantileSorted(s, 0.9) };
  };
  const evidence: EvidenceFit[] = used.map(({ item, record }, k) => ({
    record: record.id,
    option: item.option,
    year: financialYear(item.year),
    output: item.output,
    published: { value: record.value, low: record.low, high: record.high },
    basis: record.basis ?? "estimate",
    sdShareOfBudget: sdShares[k],
    prior: band(simulated[k]),
    conditioned: band(Float64Array.from(lanes, (i) => simulated[k][i])),
  }));
  for (const [j, o] of national.entries()) {
    evidence.push({
      record: o.records,
      option: "national",
      year: financialYear(o.year),
      output: `${o.family} growth`,
      published: { value: o.observed, low: undefined, high: undefined },
      basis: "outturn",
      sdShareOfBudget: 0,
      prior: band(nationalValues[j]),
      conditioned: band(Float64Array.from(lanes, (i) => nationalValues[j][i])),
    });
  }
  let distinct = 0;
  for (let j = 0; j < lanes.length; j++) if (j === 0 || lanes[j] !== lanes[j - 1]) distinct++;
  return { pool: drawn, effectiveSampleSize, distinct, lanes, evidence };
}

/** Standard deviation of each figure's error as a share of its year's budget: stated, or from the record's basis and weight. */
function evidenceSdShares(used: readonly { item: CompiledEvidence; record: EvidenceRecord }[]): number[] {
  return used.map(({ item, record }) => item.sdShareOfBudget ?? EVIDENCE_SD_SHARE[record.basis ?? "estimate"] * WEIGHT_FACTOR[record.weight]);
}

/** A figure as the simulated output reads it: signs turned when the evidence item negates it. */
function evidenceBounds(used: readonly { item: CompiledEvidence; record: EvidenceRecord }[]) {
  return used.map(({ item, record }) => {
    const sign = item.negate ? -1 : 1;
    return {
      value: record.value === undefined ? undefined : sign * record.value,
      low: item.negate ? (record.high === undefined ? undefined : -record.high) : record.low,
      high: item.negate ? (record.low === undefined ? undefined : -record.low) : record.high,
    };
  });
}

/** The evidence's log-likelihood for a run of prior futures, with the simulated figures it rests on. */
export interface EvidenceLikelihood {
  /** simulated[k][i - from]: evidence item k's output in iteration i. */
  simulated: Float64Array[];
  /** national[j][i - from]: national observation j's simulated measure in iteration i. */
  national: Float64Array[];
  /** Log-likelihood of all the evidence, per iteration (up to a constant). */
  logLikelihood: Float64Array;
  /** The smallest |z| any of these iterations reaches on each item. */
  closest: Float64Array;
}

/**
 * Log-likelihood of a scenario's evidence in each prior future i in [from, to): a normal error on
 * each figure (its spread from the record's basis and weight, as a share of that year's budget),
 * flat inside a published range. Simulates only up to the last evidence year. A function of
 * (compiled scenario, seed, i) alone, so any split of [from, to) gives the same values: the
 * portfolio (src/model/portfolio) sums it over scenarios sharing national shocks.
 */
export function evidenceLogLikelihood(
  compiled: CompiledScenario,
  used: readonly { item: CompiledEvidence; record: EvidenceRecord }[],
  from: number,
  to: number,
  /** National figures measured in the same futures: each adds a normal error term (forecast/national-evidence.ts). */
  national: readonly NationalFit[] = [],
  /** The iterations to simulate instead of [from, to) (local futures chosen by a sampler). */
  iterationsOf: Int32Array | null = null,
): EvidenceLikelihood {
  if (iterationsOf !== null && iterationsOf.length !== to - from) throw new RangeError("evidenceLogLikelihood requires one iteration per position");
  const n = used.length;
  const count = to - from;
  const logLikelihood = new Float64Array(count);
  const closest = new Float64Array(n).fill(Infinity);
  if (n === 0 && national.length === 0) return { simulated: [], national: [], logLikelihood, closest };
  const layout = compiled.layout;
  const columns = used.map(({ item }) => layout.yearly(item.optionIndex, item.yearIndex, item.output));
  const budgetColumns = used.map(({ item }) => layout.yearly(item.optionIndex, item.yearIndex, "budget"));
  // Drawn and simulated up to the last year the scenario's own figures read and the price base year
  // (real figures deflate to it); the national shocks drawn up to the last national figure's year.
  // A year's outputs read no later year's draws, so these are a full run's values.
  const lastYear = Math.max(0, compiled.baseYearIndex, ...used.map(({ item }) => item.yearIndex));
  const lastNationalYear = Math.max(lastYear, ...national.map((o) => o.t));
  const nationalValues = national.map(() => new Float64Array(count));
  const sdShares = evidenceSdShares(used);
  const bounds = evidenceBounds(used);
  const simulated = used.map(() => new Float64Array(count));
  const budgets = used.map(() => new Float64Array(count));
  const lanes = iterationsOf ?? Int32Array.from({ length: count }, (_, i) => from + i);
  simulateBlocks(
    compiled,
    0,
    count,
    {
      accept(block, start, blockCount) {
        for (let k = 0; k < n; k++) {
          simulated[k].set(block[columns[k]].subarray(0, blockCount), start);
          budgets[k].set(block[budgetColumns[k]].subarray(0, blockCount), start);
        }
        const shocks = compiled.inputs.nationalColumns;
        national.forEach((o, j) => {
          const at = (o.f * compiled.years + o.t) * LANES;
          for (let i = 0; i < blockCount; i++) nationalValues[j][start + i] = o.mean + o.sd * shocks![at + i];
        });
      },
    },
    lanes,
    undefined,
    // Only the options the figures read: an option's lines never read another's.
    { throughYear: lastYear, nationalThroughYear: lastNationalYear, options: [...new Set(used.map(({ item }) => item.optionIndex))] },
  );
  for (let k = 0; k < n; k++) {
    const { value, low, high } = bounds[k];
    for (let i = 0; i < count; i++) {
      const x = simulated[k][i];
      const sd = Math.max(1, sdShares[k] * Math.abs(budgets[k][i]));
      // A point figure: a normal error around it. A range or bound: flat inside, normal tails outside.
      const gap = value !== undefined ? x - value : low !== undefined && x < low ? x - low : high !== undefined && x > high ? x - high : 0;
      const z = gap / sd;
      if (Math.abs(z) < closest[k]) closest[k] = Math.abs(z);
      logLikelihood[i] += -0.5 * z * z - (value !== undefined ? Math.log(sd) : 0);
    }
  }
  national.forEach((o, j) => {
    for (let i = 0; i < count; i++) {
      const z = (nationalValues[j][i] - o.observed) / o.errorSd;
      logLikelihood[i] += -0.5 * z * z;
    }
  });
  return { simulated, national: nationalValues, logLikelihood, closest };
}

/**
 * Systematic resampling: `count` positions u_j = (u + j) / count along the cumulative weights, one
 * uniform u from the keyed stream; returns the chosen indices in ascending order (Kitagawa 1996).
 */
export function systematicResample(weights: Float64Array, total: number, count: number, stream: KeyedStream): Int32Array {
  stream.reset(0);
  const u = stream.source();
  const out = new Int32Array(count);
  let cumulative = weights[0];
  let i = 0;
  for (let j = 0; j < count; j++) {
    const target = ((u + j) / count) * total;
    while (cumulative < target && i < weights.length - 1) cumulative += weights[++i];
    out[j] = i;
  }
  return out;
}

/**
 * Conditions on a scenario's own evidence and the national figures together; when the two cannot
 * be matched at once (the effective sample collapses, as for Worcestershire's three surpluses then
 * a jump beside six years of national figures), conditions on the scenario's own evidence alone and
 * says so (`nationalDropped`), rather than refusing a run its own evidence supports.
 */
export function conditionWithNational(
  compiled: CompiledScenario,
  used: readonly { item: CompiledEvidence; record: EvidenceRecord }[],
  iterations: number,
  seed: string,
  national: readonly NationalFit[],
  refuse = true,
): Conditioning & { nationalDropped: boolean } {
  if (national.length === 0) return { ...conditionOnEvidence(compiled, used, iterations, seed, undefined, refuse), nationalDropped: false };
  try {
    return { ...conditionOnEvidence(compiled, used, iterations, seed, undefined, refuse, national), nationalDropped: false };
  } catch (error) {
    if (!(error instanceof ScenarioError) || used.length === 0) throw error;
    return { ...conditionOnEvidence(compiled, used, iterations, seed, undefined, refuse), nationalDropped: true };
  }
}
