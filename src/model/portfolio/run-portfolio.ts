import { KeyedStream, type BlockPartial } from "../../engine/index.ts";
import { MIN_EFFECTIVE_SAMPLE, systematicResample } from "../forecast/condition-on-evidence.ts";
import { ScenarioError } from "../quantities/scenario-error.ts";
import type { LoadedPortfolio } from "./loaded-portfolio.ts";
import type { MemberSource } from "./portfolio-member.ts";
import { runInProcess, type PortfolioExecutor, type PortfolioTask } from "./portfolio-task.ts";
import { summarisePortfolio, type PortfolioReport } from "./portfolio-summary.ts";
import { conditionTempered, suppliedSlice, type TemperedFutures } from "./condition-tempered.ts";
import { stressPortfolio } from "./portfolio-stress.ts";
import type { StressedInput } from "../analysis/stress.ts";

export type { LoadedPortfolio };

export interface PortfolioRunOptions {
  iterations?: number;
  /** Iterations per task: the unit a sweep hands to a worker (default 10,000). */
  blockIterations?: number;
  execute?: PortfolioExecutor;
  onProgress?: (done: number, total: number) => void;
  /** Inputs held in a tail for a stress run: the report adds each plan's cost stressed against unstressed. */
  stress?: StressedInput[];
}

/** Default iterations per task: large enough that a queue's round trip is a small share of it. */
export const PORTFOLIO_BLOCK = 10_000;

/**
 * Runs a portfolio (DESIGN.md, The DfE's portfolio): every member on the same national futures,
 * conditioned jointly on all members' evidence by importance resampling (each prior future weighted
 * by the product of the members' likelihoods, resampled once), so what one trust's outturn says
 * about the national shocks moves the others. The result depends only on the portfolio and the
 * iterations: never on the executor or how many workers it has.
 */
export async function runPortfolio(loaded: LoadedPortfolio, options: PortfolioRunOptions = {}): Promise<PortfolioReport> {
  const { portfolio, sources } = loaded;
  const iterations = options.iterations ?? portfolio.iterations;
  const block = options.blockIterations ?? PORTFOLIO_BLOCK;
  const execute = options.execute ?? runInProcess;
  const seed = portfolio.seed;
  const hasEvidence = portfolio.conditioning === "joint" && sources.some((s) => (s.kind === "scenario" ? s.scenario.evidence.length > 0 : s.evidence !== undefined));
  if (hasEvidence && portfolio.sampler === "tempered") return runTempered(loaded, iterations, block, execute, options);
  const localPerNational = hasEvidence ? portfolio.localDraws : 1;
  const pool = hasEvidence ? (portfolio.pool ?? 2 * iterations) : iterations;
  const likelihoodTasks: PortfolioTask[] = hasEvidence
    ? sources.flatMap((source, member) =>
        ranges(pool * localPerNational, block).map(([from, to]) => ({ kind: "likelihood" as const, member, source, seed, localPerNational, from, to })),
      )
    : [];
  const outcomeCount = sources.length * ranges(iterations, block).length;
  const total = likelihoodTasks.length + outcomeCount;
  const progress = (offset: number) => (done: number) => options.onProgress?.(offset + done, total);

  const identity = Int32Array.from({ length: iterations }, (_, i) => i);
  let memberLanes: Int32Array[] = sources.map(() => identity);
  let conditioning: PortfolioReport["conditioning"] = null;
  if (hasEvidence) {
    const perMember = mergeByMember(likelihoodTasks, await execute(likelihoodTasks, progress(0)), sources.length, pool * localPerNational);
    const chosen = conditionJointly(perMember.map((c) => c[0]), pool, localPerNational, iterations, seed);
    if (!(chosen.effectiveSampleSize >= MIN_EFFECTIVE_SAMPLE)) {
      throw new ScenarioError(
        [
          {
            path: "members",
            message:
              `the members' evidence together leaves an effective ${chosen.effectiveSampleSize.toFixed(1)} of ${pool} national futures (at least ${MIN_EFFECTIVE_SAMPLE} needed); ` +
              `alone: ${chosen.members.map((m, k) => `${memberId(sources[k])} ${m.toFixed(1)}`).join(", ")}. Raise 'pool'`,
          },
        ],
        portfolio.id,
      );
    }
    memberLanes = chosen.lanes;
    conditioning = {
      pool,
      localDraws: localPerNational,
      effectiveSampleSize: round1(chosen.effectiveSampleSize),
      distinct: chosen.distinct,
      members: chosen.members.map((ess, k) => ({ member: memberId(sources[k]), effectiveSampleSize: round1(ess) })),
    };
  }
  const outcomeTasks: PortfolioTask[] = sources.flatMap((source, member) =>
    ranges(iterations, block).map(([from, to]) => ({
      kind: "outcomes" as const, member, source, seed, localPerNational, from, to, lanes: memberLanes[member].slice(from, to),
      rules: { failureRule: portfolio.failureRule, plans: portfolio.plans, openingReserves: loaded.openingReserves[member] },
    })),
  );
  const outcomes = mergeByMember(outcomeTasks, await execute(outcomeTasks, progress(likelihoodTasks.length)), sources.length, iterations);
  return withStress(summarisePortfolio(loaded, iterations, conditioning, outcomes), loaded, options, outcomeTasks, outcomes, iterations, execute);
}

/** Most national futures the tempered sampler moves by default: a fifth of the iterations, 200 to 2,000. */
export const TEMPERED_PARTICLES = 2_000;

/**
 * Joint conditioning by the tempered sampler (condition-tempered.ts), then the outcomes of every
 * position under its particle's national future and its own local future. Refuses when the
 * particles at the end are too few distinct futures to rest a forecast on.
 */
async function runTempered(loaded: LoadedPortfolio, iterations: number, block: number, execute: PortfolioExecutor, options: PortfolioRunOptions): Promise<PortfolioReport> {
  const onProgress = options.onProgress;
  const { portfolio, sources } = loaded;
  const seed = portfolio.seed;
  const k = portfolio.localDraws;
  const particles = portfolio.particles ?? Math.min(TEMPERED_PARTICLES, Math.max(200, Math.round(iterations / 5)));
  const outcomeCount = sources.length * ranges(iterations, block).length;
  let before = 0;
  const futures: TemperedFutures = await conditionTempered(sources, {
    seed, particles, localDraws: k, moves: portfolio.moves, iterations, block, execute,
    onTasks: (done) => onProgress?.((before = done), done + outcomeCount),
  });
  if (!(futures.distinct >= MIN_EFFECTIVE_SAMPLE)) {
    throw new ScenarioError(
      [{ path: "members", message: `tempering left ${futures.distinct} distinct national futures of ${particles} (at least ${MIN_EFFECTIVE_SAMPLE} needed): raise 'particles' or 'moves'` }],
      portfolio.id,
    );
  }
  const outcomeTasks: PortfolioTask[] = sources.flatMap((source, member) =>
    ranges(iterations, block).map(([from, to]) => ({
      kind: "outcomes" as const, member, source, seed, localPerNational: 1, from, to, lanes: futures.lanes[member].slice(from, to),
      rules: { failureRule: portfolio.failureRule, plans: portfolio.plans, openingReserves: loaded.openingReserves[member] },
      national: suppliedSlice(futures, from, to),
    })),
  );
  const outcomes = mergeByMember(outcomeTasks, await execute(outcomeTasks, (done) => onProgress?.(before + done, before + outcomeCount)), sources.length, iterations);
  const conditioning: PortfolioReport["conditioning"] = {
    pool: particles,
    localDraws: k,
    effectiveSampleSize: round1(futures.effectiveSampleSize),
    distinct: futures.distinct,
    members: futures.members.map((ess, m) => ({ member: memberId(sources[m]), effectiveSampleSize: round1(ess) })),
    sampler: "tempered",
    stages: futures.stages.map((s) => ({ temperature: Number(s.temperature.toPrecision(4)), effectiveSampleSize: round1(s.effectiveSampleSize), acceptance: Math.round(s.acceptance * 1000) / 1000 })),
    evaluations: futures.evaluations,
  };
  return withStress(summarisePortfolio(loaded, iterations, conditioning, outcomes), loaded, options, outcomeTasks, outcomes, iterations, execute);
}

/** Adds the stress figures when the run asks for them (the outcome tasks rerun on the same futures). */
async function withStress(
  report: PortfolioReport, loaded: LoadedPortfolio, options: PortfolioRunOptions, tasks: PortfolioTask[], outcomes: Float64Array[][], iterations: number, execute: PortfolioExecutor,
): Promise<PortfolioReport> {
  if (options.stress === undefined || options.stress.length === 0) return report;
  const merge = (t: readonly PortfolioTask[], parts: Awaited<ReturnType<PortfolioExecutor>>) => mergeByMember(t, parts, loaded.sources.length, iterations);
  return { ...report, stress: await stressPortfolio(loaded, options.stress, tasks, outcomes, iterations, merge, execute) };
}

/**
 * Nested importance resampling. Lane n x K + k is national future n with local future k of a
 * member. Each member's likelihood of national future n is the mean of its K local likelihoods (an
 * unbiased estimate of the likelihood with the local part integrated out); the national futures are
 * weighted by the product over members and resampled once (systematic); then, for each position and
 * member, one of its K local futures under the chosen national future is drawn by its likelihood.
 * Conditioning on the product of whole-future likelihoods instead collapses: eight members' local
 * misfits multiply (an effective 1.7 of 16,000 futures for portfolios/dfe-trusts.yaml).
 */
function conditionJointly(logLikelihoods: Float64Array[], pool: number, k: number, iterations: number, seed: string) {
  const national = logLikelihoods.map((ll) => {
    const out = new Float64Array(pool);
    for (let n = 0; n < pool; n++) {
      let max = -Infinity;
      for (let j = 0; j < k; j++) max = Math.max(max, ll[n * k + j]);
      let sum = 0;
      for (let j = 0; j < k; j++) sum += Math.exp(ll[n * k + j] - max);
      out[n] = max + Math.log(sum / k);
    }
    return out;
  });
  const joint = new Float64Array(pool);
  for (const column of national) for (let n = 0; n < pool; n++) joint[n] += column[n];
  const { weights, sum, ess } = normalise(joint);
  const chosen = systematicResample(weights, sum, iterations, new KeyedStream(seed, "portfolio#resample"));
  let distinct = 0;
  for (let j = 0; j < chosen.length; j++) if (j === 0 || chosen[j] !== chosen[j - 1]) distinct++;
  const lanes = logLikelihoods.map((ll, m) => {
    const stream = new KeyedStream(seed, `portfolio#local:${m}`);
    const local = new Float64Array(k);
    return Int32Array.from(chosen, (n, position) => {
      let max = -Infinity;
      for (let j = 0; j < k; j++) max = Math.max(max, ll[n * k + j]);
      let total = 0;
      for (let j = 0; j < k; j++) total += local[j] = Math.exp(ll[n * k + j] - max);
      stream.reset(position);
      const target = stream.source() * total;
      let j = 0;
      for (let cumulative = local[0]; cumulative < target && j < k - 1; ) cumulative += local[++j];
      return n * k + j;
    });
  });
  return { lanes, effectiveSampleSize: ess, distinct, members: national.map((c) => normalise(c).ess) };
}

/** [from, to) ranges of `block` iterations covering [0, n). */
function ranges(n: number, block: number): [number, number][] {
  if (!(Number.isInteger(block) && block > 0)) throw new RangeError("runPortfolio requires a positive integer block size");
  const out: [number, number][] = [];
  for (let from = 0; from < n; from += block) out.push([from, Math.min(n, from + block)]);
  return out;
}

/** Joins each member's partials in block order into whole columns; checks every range is there once. */
function mergeByMember(tasks: readonly PortfolioTask[], parts: readonly BlockPartial[], members: number, n: number): Float64Array[][] {
  if (parts.length !== tasks.length) throw new RangeError("runPortfolio requires one partial per task");
  const out: Float64Array[][] = Array.from({ length: members }, () => []);
  const covered = new Array<number>(members).fill(0);
  tasks.forEach((task, i) => {
    const part = parts[i];
    if (part.from !== task.from || part.to !== task.to || part.columns === undefined) throw new RangeError("runPortfolio requires each partial to match its task");
    const columns = out[task.member];
    part.columns.forEach((c, k) => {
      columns[k] ??= new Float64Array(n);
      columns[k].set(c!, part.from);
    });
    covered[task.member] += part.to - part.from;
  });
  if (covered.some((c) => c !== n)) throw new RangeError("runPortfolio requires partials covering every iteration");
  return out;
}

function normalise(logWeights: Float64Array): { weights: Float64Array; sum: number; ess: number } {
  let max = -Infinity;
  for (const x of logWeights) if (x > max) max = x;
  const weights = new Float64Array(logWeights.length);
  let sum = 0;
  let sumSquares = 0;
  for (let i = 0; i < logWeights.length; i++) {
    const w = Math.exp(logWeights[i] - max);
    weights[i] = w;
    sum += w;
    sumSquares += w * w;
  }
  return { weights, sum, ess: (sum * sum) / sumSquares };
}

function memberId(source: MemberSource): string {
  return source.kind === "scenario" ? source.scenario.id : source.id;
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
