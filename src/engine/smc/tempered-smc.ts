import { KeyedStream } from "../rng/keyed-stream.ts";
import { standardNormal } from "../distributions/normal.ts";

/**
 * A posterior over a latent vector whose prior is standard normal, N(0, I): the sampler sees only
 * the log-likelihood, evaluated for many particles at once (a batch may go to other processes).
 * `auxiliary[r]` keys any random draws the evaluation of row r makes (local futures): then the
 * likelihood is an unbiased estimate, and the sampler is pseudo-marginal (Andrieu and Roberts 2009).
 */
export interface TemperedTarget {
  dimension: number;
  /** Log-likelihood (estimate) of each row of `latent` (rows x dimension, row-major). */
  logLikelihood(latent: Float64Array, auxiliary: Int32Array): Promise<Float64Array>;
}

export interface TemperedOptions {
  particles: number;
  seed: string;
  /** Preconditioned Crank-Nicolson moves per stage (default 5). */
  moves?: number;
  /** The sampler refuses to run more stages than this (default 100). */
  maxStages?: number;
  onStage?: (stage: TemperedStage) => void;
}

/** One stage: the temperature reached, the effective sample size of its reweighting, the moves' acceptance and step. */
export interface TemperedStage {
  temperature: number;
  effectiveSampleSize: number;
  acceptance: number;
  step: number;
}

export interface TemperedSample {
  /** particles x dimension: equally weighted draws from the posterior. */
  latent: Float64Array;
  /** The auxiliary key each particle's likelihood was last estimated with. */
  auxiliary: Int32Array;
  logLikelihood: Float64Array;
  stages: TemperedStage[];
  /** The last stage's effective sample size (before resampling): the one the posterior rests on. */
  effectiveSampleSize: number;
  /** Distinct particles at the end (after the moves). */
  distinct: number;
  /** Batches of likelihood evaluations made. */
  evaluations: number;
}

/** The pCN step's acceptance the adaptation aims at: about a quarter suits random-walk-like moves. */
const TARGET_ACCEPTANCE = 0.25;

/**
 * Adaptive tempering (sequential Monte Carlo; Del Moral, Doucet and Jasra 2006; Jasra et al. 2011):
 * particles from the prior are moved towards the posterior through likelihood^beta, beta rising from
 * 0 to 1 in steps chosen so that each reweighting halves the effective sample size; after each
 * reweighting the particles are resampled (systematic) and moved by preconditioned Crank-Nicolson
 * steps (Cotter et al. 2013), which leave the N(0, I) prior invariant, so the acceptance ratio is the
 * tempered likelihood ratio alone and the step does not shrink with the dimension. The posterior is
 * reached by moves, not by prior draws landing in its tail. Every random number comes from a keyed
 * stream (seed, stage, move, particle), and the adaptation reads only those, so the sample depends
 * only on (target, seed, options).
 */
export async function temperedSmc(target: TemperedTarget, options: TemperedOptions): Promise<TemperedSample> {
  const { particles: n, seed } = options;
  const d = target.dimension;
  const moves = options.moves ?? 5;
  const maxStages = options.maxStages ?? 100;
  if (!(Number.isInteger(n) && n >= 2 && Number.isInteger(d) && d >= 1 && Number.isInteger(moves) && moves >= 0)) {
    throw new RangeError("temperedSmc requires at least 2 particles, a positive dimension and a whole number of moves");
  }
  let latent: Float64Array = new Float64Array(n * d);
  const prior = new KeyedStream(seed, "smc#prior");
  const priorNormal = standardNormal(prior.source);
  for (let i = 0; i < n; i++) {
    prior.reset(i);
    for (let j = 0; j < d; j++) latent[i * d + j] = priorNormal();
  }
  let auxiliary = Int32Array.from({ length: n }, (_, i) => i);
  let nextAuxiliary = n;
  let ll: Float64Array = await evaluate(target, latent, auxiliary, n);
  let evaluations = 1;
  let beta = 0;
  let step = 0.5;
  let lastEss = n;
  const stages: TemperedStage[] = [];
  while (beta < 1) {
    if (stages.length >= maxStages) throw new RangeError(`temperedSmc reached ${maxStages} stages at temperature ${beta.toPrecision(3)}`);
    const next = nextTemperature(ll, beta);
    const { weights, sum, ess } = tempered(ll, next - beta);
    beta = next;
    lastEss = ess;
    const resample = new KeyedStream(seed, `smc#resample:${stages.length}`);
    resample.reset(0);
    const chosen = systematic(weights, sum, resample.source());
    latent = gatherRows(latent, chosen, d);
    auxiliary = Int32Array.from(chosen, (i) => auxiliary[i]);
    ll = Float64Array.from(chosen, (i) => ll[i]);
    let accepted = 0;
    for (let m = 0; m < moves; m++) {
      const stream = new KeyedStream(seed, `smc#move:${stages.length}:${m}`);
      const normal = standardNormal(stream.source);
      const proposal = new Float64Array(n * d);
      const uniforms = new Float64Array(n);
      const keep = Math.sqrt(1 - step * step);
      for (let i = 0; i < n; i++) {
        stream.reset(i);
        for (let j = 0; j < d; j++) proposal[i * d + j] = keep * latent[i * d + j] + step * normal();
        uniforms[i] = stream.source();
      }
      if (nextAuxiliary > 2 ** 31 - 1 - n) throw new RangeError("temperedSmc ran out of auxiliary keys");
      const proposedAuxiliary = Int32Array.from({ length: n }, (_, i) => nextAuxiliary + i);
      nextAuxiliary += n;
      const proposed = await evaluate(target, proposal, proposedAuxiliary, n);
      evaluations++;
      let acceptedNow = 0;
      for (let i = 0; i < n; i++) {
        if (Math.log(uniforms[i]) < beta * (proposed[i] - ll[i])) {
          latent.set(proposal.subarray(i * d, (i + 1) * d), i * d);
          auxiliary[i] = proposedAuxiliary[i];
          ll[i] = proposed[i];
          acceptedNow++;
        }
      }
      accepted += acceptedNow;
      // Population adaptation: widen the step when most moves are accepted, narrow it when few are.
      step = Math.min(1, Math.max(0.01, step * Math.exp(acceptedNow / n - TARGET_ACCEPTANCE)));
    }
    const stage = { temperature: beta, effectiveSampleSize: ess, acceptance: moves === 0 ? 0 : accepted / (moves * n), step };
    stages.push(stage);
    options.onStage?.(stage);
  }
  return { latent, auxiliary, logLikelihood: ll, stages, effectiveSampleSize: lastEss, distinct: distinctRows(latent, n, d), evaluations };
}

async function evaluate(target: TemperedTarget, latent: Float64Array, auxiliary: Int32Array, n: number): Promise<Float64Array> {
  const ll = await target.logLikelihood(latent, auxiliary);
  if (ll.length !== n) throw new RangeError("temperedSmc requires one log-likelihood per particle");
  // A future the evidence rules out (NaN from an impossible simulation) weighs nothing.
  return ll.map((x) => (Number.isNaN(x) ? -Infinity : x));
}

/** The temperature after `beta` at which the reweighting keeps half the particles' effective sample size (bisection). */
function nextTemperature(ll: Float64Array, beta: number): number {
  const half = ll.length / 2;
  if (tempered(ll, 1 - beta).ess >= half) return 1;
  let lo = 0;
  let hi = 1 - beta;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (tempered(ll, mid).ess >= half) lo = mid;
    else hi = mid;
  }
  // At least a little progress, so a likelihood with a single dominant particle still ends.
  return Math.min(1, beta + Math.max(lo, 1e-6));
}

function tempered(ll: Float64Array, delta: number): { weights: Float64Array; sum: number; ess: number } {
  let max = -Infinity;
  for (const x of ll) if (x > max) max = x;
  if (max === -Infinity) throw new RangeError("temperedSmc: no particle is consistent with the evidence");
  const weights = new Float64Array(ll.length);
  let sum = 0;
  let sumSquares = 0;
  for (let i = 0; i < ll.length; i++) {
    const w = Math.exp(delta * (ll[i] - max));
    weights[i] = w;
    sum += w;
    sumSquares += w * w;
  }
  return { weights, sum, ess: (sum * sum) / sumSquares };
}

/** Systematic resampling of as many indices as weights, from one uniform u. */
function systematic(weights: Float64Array, total: number, u: number): Int32Array {
  const n = weights.length;
  const out = new Int32Array(n);
  let cumulative = weights[0];
  let i = 0;
  for (let j = 0; j < n; j++) {
    const target = ((u + j) / n) * total;
    while (cumulative < target && i < n - 1) cumulative += weights[++i];
    out[j] = i;
  }
  return out;
}

function gatherRows(latent: Float64Array, rows: Int32Array, d: number): Float64Array {
  const out = new Float64Array(rows.length * d);
  rows.forEach((r, i) => out.set(latent.subarray(r * d, (r + 1) * d), i * d));
  return out;
}

function distinctRows(latent: Float64Array, n: number, d: number): number {
  const seen = new Set<string>();
  for (let i = 0; i < n; i++) seen.add(latent.subarray(i * d, (i + 1) * d).join(","));
  return seen.size;
}
