import { KeyedStream, temperedSmc, type BlockPartial, type TemperedStage } from "../../engine/index.ts";
import { LATENT_PER_YEAR, MEMORY, type NationalLatent } from "../inputs/national-shocks.ts";
import type { MemberSource } from "./portfolio-member.ts";
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
  localDraws: number;
  moves: number;
  iterations: number;
  /** Positions per likelihood task. */
  block: number;
  execute: PortfolioExecutor;
  onTasks?: (done: number) => void;
}

/**
 * Joint conditioning by tempering (portfolio's `sampler: tempered`). The state is each particle's
 * national latent normals (every calendar year any member reads, NationalShocks.drawLatent) and a
 * key for its local futures; a member's likelihood of a particle is the mean over its K local
 * futures (lanes key x K + k, drawn from the member's own seed), an unbiased estimate, so the
 * tempered SMC is pseudo-marginal and its particles follow the joint posterior of the national
 * shocks. Each evaluation is a list of pure likelihood tasks (member, block of particles with their
 * latent rows), so a sweep runs them on any worker. At the end each position takes a particle and,
 * for each member, one of its K local futures drawn by its likelihood (as nested resampling does).
 */
export async function conditionTempered(sources: readonly MemberSource[], settings: TemperedSettings): Promise<TemperedFutures> {
  const { seed, particles: n, localDraws: k, iterations, block, execute } = settings;
  const span = latentYears(sources);
  const dimension = span.years * LATENT_PER_YEAR;
  let done = 0;
  let alone: number[] | null = null;
  /** Per member, log-likelihood of each (particle, local draw): [r * K + j]. */
  const evaluate = async (latent: Float64Array, auxiliary: Int32Array): Promise<Float64Array[]> => {
    const rowsPerTask = Math.max(1, Math.floor(block / k));
    const tasks: PortfolioTask[] = [];
    sources.forEach((source, member) => {
      for (let r0 = 0; r0 < auxiliary.length; r0 += rowsPerTask) {
        const r1 = Math.min(auxiliary.length, r0 + rowsPerTask);
        const count = (r1 - r0) * k;
        tasks.push({
          kind: "likelihood", member, source, seed, localPerNational: k, from: r0 * k, to: r1 * k,
          lanes: Int32Array.from({ length: count }, (_, p) => auxiliary[r0 + Math.floor(p / k)] * k + (p % k)),
          national: {
            latent: { firstYear: span.firstYear, years: span.years, values: latent.slice(r0 * dimension, r1 * dimension) },
            rows: Int32Array.from({ length: count }, (_, p) => Math.floor(p / k)),
          },
        });
      }
    });
    const parts = await execute(tasks);
    done += tasks.length;
    settings.onTasks?.(done);
    return mergeColumns(tasks, parts, sources.length, auxiliary.length * k);
  };
  const target = {
    dimension,
    async logLikelihood(latent: Float64Array, auxiliary: Int32Array) {
      const perMember = (await evaluate(latent, auxiliary)).map((ll) => logMeanExp(ll, auxiliary.length, k));
      alone ??= perMember.map(effectiveSampleSize);
      const joint = new Float64Array(auxiliary.length);
      for (const column of perMember) for (let r = 0; r < joint.length; r++) joint[r] += column[r];
      return joint;
    },
  };
  const sample = await temperedSmc(target, { particles: n, seed: `${seed}#tempered`, moves: settings.moves });
  // Particles in the order of their local keys, so each member's lanes rise (correlated inputs are drawn a block at a time).
  const order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => sample.auxiliary[a] - sample.auxiliary[b]);
  const values = new Float64Array(n * dimension);
  order.forEach((i, r) => values.set(sample.latent.subarray(i * dimension, (i + 1) * dimension), r * dimension));
  const auxiliary = Int32Array.from(order, (i) => sample.auxiliary[i]);
  const local = await evaluate(values, auxiliary);
  const rows = Int32Array.from({ length: iterations }, (_, j) => Math.floor((j * n) / iterations));
  const weights = new Float64Array(k);
  const lanes = local.map((ll, m) => {
    const stream = new KeyedStream(seed, `portfolio#tempered-local:${m}`);
    return Int32Array.from(rows, (r, position) => {
      let max = -Infinity;
      for (let j = 0; j < k; j++) max = Math.max(max, ll[r * k + j]);
      let total = 0;
      for (let j = 0; j < k; j++) total += weights[j] = Math.exp(ll[r * k + j] - max);
      stream.reset(position);
      const target = stream.source() * total;
      let j = 0;
      for (let cumulative = weights[0]; cumulative < target && j < k - 1; ) cumulative += weights[++j];
      return auxiliary[r] * k + j;
    });
  });
  return {
    latent: { firstYear: span.firstYear, years: span.years, values },
    rows,
    lanes,
    effectiveSampleSize: sample.effectiveSampleSize,
    distinct: sample.distinct,
    members: alone ?? [],
    stages: sample.stages,
    evaluations: sample.evaluations + 1,
  };
}

/** The outcome task's share of the supplied futures: latent rows [first, last] of the positions [from, to), rows made relative. */
export function suppliedSlice(futures: TemperedFutures, from: number, to: number): { latent: NationalLatent; rows: Int32Array } {
  const { latent, rows } = futures;
  const first = rows[from];
  const last = rows[to - 1];
  const width = latent.years * LATENT_PER_YEAR;
  return {
    latent: { firstYear: latent.firstYear, years: latent.years, values: latent.values.slice(first * width, (last + 1) * width) },
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
    out[task.member].set(part.columns[0], part.from);
    covered[task.member] += part.to - part.from;
  });
  if (covered.some((c) => c !== n)) throw new RangeError("conditionTempered requires partials covering every particle");
  return out;
}

/** log of the mean of exp over each row's K values. */
function logMeanExp(ll: Float64Array, rows: number, k: number): Float64Array {
  const out = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    let max = -Infinity;
    for (let j = 0; j < k; j++) max = Math.max(max, ll[r * k + j]);
    if (max === -Infinity) {
      out[r] = -Infinity;
      continue;
    }
    let sum = 0;
    for (let j = 0; j < k; j++) sum += Math.exp(ll[r * k + j] - max);
    out[r] = max + Math.log(sum / k);
  }
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
