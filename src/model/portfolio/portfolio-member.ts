import { KeyedStream, standardNormal } from "../../engine/index.ts";
import type { Scenario } from "../scenario/scenario-schema.ts";
import type { EvidenceRecord } from "../evidence/evidence-record-schema.ts";
import { compileScenario, type CompiledScenario } from "../inputs/compile-scenario.ts";
import { LATENT_PER_YEAR, type NationalLatent } from "../inputs/national-shocks.ts";
import { simulateBlocks } from "../simulation/simulate.ts";
import { evidenceItems, evidenceLogLikelihood } from "../forecast/condition-on-evidence.ts";

/**
 * Where a member comes from, as plain data (it crosses to sweep workers as JSON): a scenario with
 * the option whose failure counts and the evidence records it cites, or a stylised trust whose
 * overspend share is a national normal shock plus a local one (for checks with a closed form).
 */
export type MemberSource =
  | { kind: "scenario"; scenario: Scenario; option: string; records: EvidenceRecord[]; /** Inputs held in a tail (a stress run). */ stress?: { key: string; lo: number; hi: number }[] }
  | {
      kind: "stylised";
      id: string;
      startYear: number;
      years: number;
      /** GBP a year. */
      budget: number;
      /** Overspend share of budget = mean + nationalSd x N(year) + localSd x L(member, year), N and L standard normal. */
      mean: number;
      nationalSd: number;
      localSd: number;
      /** A published overspend share in one year, observed with a normal error of sd `sd`. */
      evidence?: { year: number; share: number; sd: number };
    };

/** One member's yearly figures for a run of positions: [year][position]. */
export interface MemberYears {
  overspend: Float64Array[];
  budget: Float64Array[];
  /** 1 once the option has failed under its own finance rule; null when it has none (the portfolio's rule applies). */
  failedBy: Float64Array[] | null;
  /** The option's own reserves at the end of each year; null when it keeps none. */
  reserves: Float64Array[] | null;
}

/**
 * National futures supplied to a member (portfolio/temper-national.ts moves them): position p of a
 * run reads row rows[p] of `latent` for its national shocks, and its local draws from its lane.
 */
export interface SuppliedFutures {
  latent: NationalLatent;
  rows: Int32Array;
}

/** A member as the portfolio simulates it: values depend only on (portfolio seed, member, iteration). */
export interface PortfolioMember {
  id: string;
  startYear: number;
  years: number;
  /** Log-likelihood of the member's evidence in each prior future in [from, to). */
  logLikelihood(from: number, to: number): Float64Array;
  /** Log-likelihood of the evidence in local futures `lanes` under supplied national futures. */
  logLikelihoodSupplied(lanes: Int32Array, national: SuppliedFutures): Float64Array;
  /** Yearly figures of the futures `lanes` lists (national futures supplied, or keyed by lane). */
  simulate(lanes: Int32Array, national?: SuppliedFutures): MemberYears;
}

/**
 * Builds a member on the portfolio's seed: national shocks from the seed, local draws from (seed,
 * member). Lane i reads national future floor(i / localPerNational) and its own local draws, so
 * each national future has `localPerNational` local futures (run-portfolio.ts conditions on both).
 */
export function buildMember(source: MemberSource, seed: string, localPerNational = 1): PortfolioMember {
  if (!(Number.isInteger(localPerNational) && localPerNational >= 1)) throw new RangeError("buildMember requires a positive integer localPerNational");
  return source.kind === "scenario" ? scenarioMember(source, seed, localPerNational) : stylisedMember(source, seed, localPerNational);
}

/**
 * Compiles a scenario for a portfolio. Local inputs are keyed by input path, and every scenario uses
 * the same paths (baseline.childrenGrowth ...): on one seed, two councils' local shocks would be the
 * same numbers. So local draws use the seed "<seed>/<scenario id>" and the national shocks the
 * portfolio seed itself, keyed by calendar year as every run reads them.
 */
export function compileMember(scenario: Scenario, seed: string, localPerNational = 1): CompiledScenario {
  return compileScenario(scenario, `${seed}/${scenario.id}`, { seed, lanesPerFuture: localPerNational });
}

function scenarioMember(source: Extract<MemberSource, { kind: "scenario" }>, seed: string, localPerNational: number): PortfolioMember {
  const { scenario } = source;
  const compiled = compileMember(scenario, seed, localPerNational);
  source.stress?.forEach((s, k) => compiled.inputs.stress(s.key, s.lo, s.hi, `stress[${k}]`));
  const option = scenario.options.findIndex((o) => o.id === source.option);
  if (option < 0) throw new RangeError(`portfolio member ${scenario.id} has no option '${source.option}'`);
  const used = evidenceItems(compiled, new Map(source.records.map((r) => [r.id, r])));
  const layout = compiled.layout;
  const years = scenario.years;
  const hasFinance = compiled.options[option].failWhenReservesBelow !== null;
  const at = (line: string) => Array.from({ length: years }, (_, t) => layout.yearly(option, t, line));
  const overspendAt = at("overspend");
  const budgetAt = at("budget");
  const reservesAt = at("reserves");
  const failedAt = Array.from({ length: years }, (_, t) => layout.failedBy(option, t));
  return {
    id: scenario.id,
    startYear: scenario.startYear,
    years,
    logLikelihood: (from, to) => evidenceLogLikelihood(compiled, used, from, to).logLikelihood,
    logLikelihoodSupplied(lanes, national) {
      compiled.inputs.supplyNational(national);
      try {
        return evidenceLogLikelihood(compiled, used, 0, lanes.length, [], lanes).logLikelihood;
      } finally {
        compiled.inputs.supplyNational(null);
      }
    },
    simulate(lanes, national) {
      compiled.inputs.supplyNational(national ?? null);
      try {
        return simulateLanes(lanes);
      } finally {
        compiled.inputs.supplyNational(null);
      }
    },
  };

  function simulateLanes(lanes: Int32Array): MemberYears {
    const count = lanes.length;
    const make = () => Array.from({ length: years }, () => new Float64Array(count));
    const out: MemberYears = { overspend: make(), budget: make(), failedBy: hasFinance ? make() : null, reserves: hasFinance ? make() : null };
    simulateBlocks(compiled, 0, count, {
      accept(block, start, n) {
        for (let t = 0; t < years; t++) {
          out.overspend[t].set(block[overspendAt[t]].subarray(0, n), start);
          out.budget[t].set(block[budgetAt[t]].subarray(0, n), start);
          out.failedBy?.[t].set(block[failedAt[t]].subarray(0, n), start);
          out.reserves?.[t].set(block[reservesAt[t]].subarray(0, n), start);
        }
      },
    }, lanes);
      return out;
  }
}

function stylisedMember(source: Extract<MemberSource, { kind: "stylised" }>, seed: string, localPerNational: number): PortfolioMember {
  const { id, startYear, years, budget, mean, nationalSd, localSd, evidence } = source;
  const national = Array.from({ length: years }, (_, t) => new KeyedStream(seed, `stylised-national:${startYear + t}`));
  const local = Array.from({ length: years }, (_, t) => new KeyedStream(`${seed}/${id}`, `stylised-local:${startYear + t}`));
  const nationalNormal = national.map((s) => standardNormal(s.source));
  const localNormal = local.map((s) => standardNormal(s.source));
  const share = (t: number, iteration: number, supplied?: SuppliedFutures, position = 0) => {
    local[t].reset(iteration);
    let n: number;
    if (supplied === undefined) {
      national[t].reset(Math.floor(iteration / localPerNational));
      n = nationalNormal[t]();
    } else {
      // The first latent normal of the calendar year: a standard normal, as the keyed draw is.
      const { latent, rows } = supplied;
      n = latent.values[(rows[position] * latent.years + startYear + t - latent.firstYear) * LATENT_PER_YEAR];
    }
    return mean + nationalSd * n + localSd * localNormal[t]();
  };
  return {
    id,
    startYear,
    years,
    logLikelihood(from, to) {
      const out = new Float64Array(to - from);
      if (evidence === undefined) return out;
      const t = evidence.year - startYear;
      for (let i = from; i < to; i++) {
        const z = (share(t, i) - evidence.share) / evidence.sd;
        out[i - from] = -0.5 * z * z;
      }
      return out;
    },
    logLikelihoodSupplied(lanes, supplied) {
      const out = new Float64Array(lanes.length);
      if (evidence === undefined) return out;
      const t = evidence.year - startYear;
      for (let i = 0; i < lanes.length; i++) {
        const z = (share(t, lanes[i], supplied, i) - evidence.share) / evidence.sd;
        out[i] = -0.5 * z * z;
      }
      return out;
    },
    simulate(lanes, supplied) {
      const count = lanes.length;
      const overspend = Array.from({ length: years }, () => new Float64Array(count));
      for (let t = 0; t < years; t++) for (let j = 0; j < count; j++) overspend[t][j] = budget * share(t, lanes[j], supplied, j);
      return { overspend, budget: Array.from({ length: years }, () => new Float64Array(count).fill(budget)), failedBy: null, reserves: null };
    },
  };
}
