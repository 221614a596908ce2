import { temperedSmc, type BlockPartial, type TemperedStage } from "../../engine/index.ts";
import { LATENT_PER_YEAR, MEMORY, type NationalLatent } from "../inputs/national-shocks.ts";
import type { MemberSource, SuppliedFutures } from "./portfolio-member.ts";
import type { PortfolioExecutor, PortfolioTask } from "./portfolio-task.ts";

/** What the tempered sampler hands the outcome stage: the national futures and, per member, the local future of each position. */
export interface TemperedFutures {
  /** The particles' national futures, one row each. */
  latent: NationalLatent;
  /** Particle (row of `latent`) each position reads. */
  rows: Int32Array;
  /** Per member, the local lane each position reads. */
  lanes: Int32Array[];
  effectiveSampleSize: number;
  distinct: number;
  /** Each member's effective sample size over the prior particles, on its own evidence. */
  members: number[];
  stages: TemperedStage[];
  evaluations: number;
}

export interface TemperedSettings {
  seed: string;
  particles: number;
  /** Local futures each refresh weighs per member (the current one and localDraws - 1 fresh). */
  localDraws: number;
  moves: number;
  iterations: number;
  /** Evaluations per likelihood task. */
  block: number;
  execute: PortfolioExecutor;
  onTasks?: (done: number) => void;
}

/**
 * Joint conditioning by tempering (portfolio's `sampler: tempered`). The state of a particle is its
 * national latent normals (every calendar year any member reads: NationalShocks.drawLatent) and
 * one local future per member (a lane of the member's own seed); temperedSmc moves the national
 * part by pCN steps and refreshes each member's local future on its own, so the particles follow
 * the joint posterior of national and local futures. Each evaluation is a list of pure likelihood
 * tasks (member, block of evaluations with the latent rows they read and their lanes), so a sweep
 * runs them on any worker and the result is the same.
 */
export async function conditionTempered(sources: readonly MemberSource[], settings: TemperedSettings): Promise<TemperedFutures> {
  const { seed, particles: n, localDraws, iterations, block, execute } = settings;
  const span = latentYears(sources);
  const dimension = span.years * LATENT_PER_YEAR;
  let done = 0;
  let alone: number[] | null = null;
  const target = {
    dimension,
    blocks: sources.length,
    async logLikelihood(latent: Float64Array, rows: Int32Array, keys: Int32Array[]) {
      const tasks: PortfolioTask[] = [];
      sources.forEach((source, member) => {
        for (let from = 0; from < rows.length; from += block) {
          const to = Math.min(rows.length, from + block);
          tasks.push({ kind: "likelihood", member, source, seed, localPerNational: 1, from, to, lanes: keys[member].slice(from, to), national: supplied(latent, span, rows, from, to) });
        }
      });
      const parts = await execute(tasks);
      done += tasks.length;
      settings.onTasks?.(done);
      const out = mergeColumns(tasks, parts, sources.length, rows.length);
      alone ??= out.map(effectiveSampleSize);
      return out;
    },
  };
  const sample = await temperedSmc(target, { particles: n, seed: `${seed}#tempered`, moves: settings.moves, candidates: localDraws, positions: iterations });
  return {
    latent: { firstYear: span.firstYear, years: span.years, values: sample.latent },
    rows: sample.rows,
    lanes: sample.keys,
    effectiveSampleSize: sample.effectiveSampleSize,
    distinct: sample.distinct,
    members: alone ?? [],
    stages: sample.stages,
    evaluations: sample.evaluations,
  };
}

/** The outcome task's share of the supplied futures: positions [from, to) of `futures`. */
export function suppliedSlice(futures: TemperedFutures, from: number, to: number): SuppliedFutures {
  return supplied(futures.latent.values, futures.latent, futures.rows, from, to);
}

/** Latent rows [first, last] that evaluations [from, to) read (rows ascend or repeat), with rows made relative. */
function supplied(values: Float64Array, span: { firstYear: number; years: number }, rows: Int32Array, from: number, to: number): SuppliedFutures {
  let first = Infinity;
  let last = -Infinity;
  for (let e = from; e < to; e++) {
    first = Math.min(first, rows[e]);
    last = Math.max(last, rows[e]);
  }
  const width = span.years * LATENT_PER_YEAR;
  return {
    latent: { firstYear: span.firstYear, years: span.years, values: values.slice(first * width, (last + 1) * width) },
    rows: Int32Array.from(rows.subarray(from, to), (r) => r - first),
  };
}

/** Calendar years of innovations any member's national shocks read: MEMORY years before the first start, to the last horizon year. */
function latentYears(sources: readonly MemberSource[]): { firstYear: number; years: number } {
  const start = (s: MemberSource) => (s.kind === "scenario" ? s.scenario.startYear : s.startYear);
  const end = (s: MemberSource) => start(s) + (s.kind === "scenario" ? s.scenario.years : s.years) - 1;
  const firstYear = Math.min(...sources.map(start)) - MEMORY;
  return { firstYear, years: Math.max(...sources.map(end)) - firstYear + 1 };
}

function mergeColumns(tasks: readonly PortfolioTask[], parts: readonly BlockPartial[], members: number, n: number): Float64Array[] {
  if (parts.length !== tasks.length) throw new RangeError("conditionTempered requires one partial per task");
  const out = Array.from({ length: members }, () => new Float64Array(n));
  const covered = new Array<number>(members).fill(0);
  tasks.forEach((task, i) => {
    const part = parts[i];
    if (part.from !== task.from || part.to !== task.to || part.columns?.length !== 1) throw new RangeError("conditionTempered requires each partial to match its task");
    out[task.member].set(part.columns[0]!, part.from);
    covered[task.member] += part.to - part.from;
  });
  if (covered.some((c) => c !== n)) throw new RangeError("conditionTempered requires partials covering every evaluation");
  return out;
}

function effectiveSampleSize(logWeights: Float64Array): number {
  let max = -Infinity;
  for (const x of logWeights) if (x > max) max = x;
  let sum = 0;
  let sumSquares = 0;
  for (const x of logWeights) {
    const w = Math.exp(x - max);
    sum += w;
    sumSquares += w * w;
  }
  return (sum * sum) / sumSquares;
}
