import { KeyedStream } from "../rng/keyed-stream.ts";
import { standardNormal } from "../distributions/normal.ts";

/**
 * A posterior over a latent vector whose prior is standard normal, N(0, I), and `blocks` auxiliary
 * draws (one local future per block: a member of a portfolio), each keyed by an integer whose
 * prior is its keyed stream. The likelihood is a product over blocks; the sampler sees only its
 * logarithm, evaluated for many rows at once (a batch may go to other processes).
 */
export interface TemperedTarget {
  dimension: number;
  blocks: number;
  /**
   * Log-likelihood of each block in each evaluation e: latent row rows[e] of `latent` (row-major,
   * `dimension` wide) with block b's auxiliary draws keyed by keys[b][e]. Returns [block][e].
   */
  logLikelihood(latent: Float64Array, rows: Int32Array, keys: Int32Array[]): Promise<Float64Array[]>;
}

export interface TemperedOptions {
  particles: number;
  seed: string;
  /** Moves of every particle at each temperature (default 5): a pCN step of the latent, then a refresh of each block's draws. */
  moves?: number;
  /** Draws each refresh weighs per block: the current one and candidates - 1 fresh ones (default 4). */
  candidates?: number;
  /** Positions to return (default the particles): each reads a particle and, per block, a refreshed draw. */
  positions?: number;
  /** The sampler refuses to run more stages than this (default 100). */
  maxStages?: number;
  onStage?: (stage: TemperedStage) => void;
}

/** One stage: the temperature reached, the effective sample size of its reweighting, the latent moves' acceptance and step. */
export interface TemperedStage {
  temperature: number;
  effectiveSampleSize: number;
  acceptance: number;
  step: number;
}

export interface TemperedSample {
  /** particles x dimension: the particles' latent vectors, equally weighted draws from the posterior. */
  latent: Float64Array;
  /** The particle each position reads. */
  rows: Int32Array;
  /** keys[b][position]: block b's auxiliary key at each position. */
  keys: Int32Array[];
  stages: TemperedStage[];
  /** The last stage's effective sample size (before resampling): the one the posterior rests on. */
  effectiveSampleSize: number;
  /** Distinct particles at the end (after the moves). */
  distinct: number;
  /** Batches of likelihood evaluation made. */
  evaluations: number;
}

/** The pCN step's acceptance the adaptation aims at: about a quarter suits random-walk-like moves. */
const TARGET_ACCEPTANCE = 0.25;

/**
 * Adaptive tempering (sequential Monte Carlo; Del Moral, Doucet and Jasra 2006): particles from the
 * prior are moved towards the posterior through likelihood^beta, beta rising from 0 to 1 in steps
 * chosen so that each reweighting halves the effective sample size; after each reweighting the
 * particles are resampled (systematic) and moved. A move is Metropolis-within-Gibbs on the extended
 * state (latent, one draw per block): a preconditioned Crank-Nicolson step of the latent (Cotter et
 * al. 2013: it leaves the N(0, I) prior invariant, so the acceptance ratio is the tempered likelihood
 * ratio and the step does not shrink with the dimension), then for each block its current draw and
 * candidates - 1 fresh ones weighed by their tempered likelihood and one kept (conditional importance
 * sampling, invariant for the block's conditional). Blocks refresh independently, so eight members'
 * local misfits do not multiply into one acceptance. The posterior is reached by moves, not by prior
 * draws landing in its tail. Every random number comes from a keyed stream (seed, stage, move,
 * particle), and the adaptation reads only those: the sample depends only on (target, seed, options).
 */
export async function temperedSmc(target: TemperedTarget, options: TemperedOptions): Promise<TemperedSample> {
  const { particles: n, seed } = options;
  const { dimension: d, blocks } = target;
  const moves = options.moves ?? 5;
  const candidates = options.candidates ?? 4;
  const positions = options.positions ?? n;
  const maxStages = options.maxStages ?? 100;
  if (!(Number.isInteger(n) && n >= 2 && Number.isInteger(d) && d >= 1 && Number.isInteger(blocks) && blocks >= 1)) {
    throw new RangeError("temperedSmc requires at least 2 particles, a positive dimension and at least one block");
  }
  if (!(Number.isInteger(moves) && moves >= 0 && Number.isInteger(candidates) && candidates >= 1 && Number.isInteger(positions) && positions >= 1)) {
    throw new RangeError("temperedSmc requires whole numbers of moves, candidates (at least 1) and positions (at least 1)");
  }
  let latent: Float64Array = new Float64Array(n * d);
  const prior = new KeyedStream(seed, "smc#prior");
  const priorNormal = standardNormal(prior.source);
  for (let i = 0; i < n; i++) {
    prior.reset(i);
    for (let j = 0; j < d; j++) latent[i * d + j] = priorNormal();
  }
  const identity = Int32Array.from({ length: n }, (_, i) => i);
  let nextKey = 0;
  const freshKeys = (count: number) => {
    if (nextKey > 2 ** 31 - 1 - count) throw new RangeError("temperedSmc ran out of auxiliary keys");
    const out = Int32Array.from({ length: count }, (_, i) => nextKey + i);
    nextKey += count;
    return out;
  };
  const first = freshKeys(n);
  let keys: Int32Array[] = Array.from({ length: blocks }, () => first);
  let ll = await evaluate(target, latent, identity, keys);
  let evaluations = 1;
  let beta = 0;
  let step = 0.5;
  let lastEss = n;
  const stages: TemperedStage[] = [];
  // Refreshes each block's draw at every (row of `latent` each position reads), by conditional importance sampling.
  const refresh = async (stream: KeyedStream, rows: Int32Array, current: Int32Array[], currentLl: Float64Array[], temperature: number) => {
    const count = rows.length;
    if (candidates === 1) return { keys: current, ll: currentLl };
    const extra = candidates - 1;
    const fresh = freshKeys(count * extra);
    const expandedRows = Int32Array.from({ length: count * extra }, (_, e) => rows[Math.floor(e / extra)]);
    const fresher = await evaluate(target, latent, expandedRows, Array.from({ length: blocks }, () => fresh));
    evaluations++;
    const weights = new Float64Array(candidates);
    const nextKeys = current.map((k) => Int32Array.from(k));
    const nextLl = currentLl.map((l) => Float64Array.from(l));
    for (let b = 0; b < blocks; b++) {
      for (let i = 0; i < count; i++) {
        let max = currentLl[b][i];
        for (let c = 0; c < extra; c++) max = Math.max(max, fresher[b][i * extra + c]);
        if (max === -Infinity) continue;
        let total = (weights[0] = Math.exp(temperature * (currentLl[b][i] - max)));
        for (let c = 0; c < extra; c++) total += weights[c + 1] = Math.exp(temperature * (fresher[b][i * extra + c] - max));
        stream.reset(b * count + i);
        const u = stream.source() * total;
        let c = 0;
        for (let cumulative = weights[0]; cumulative < u && c < candidates - 1; ) cumulative += weights[++c];
        if (c > 0) {
          nextKeys[b][i] = fresh[i * extra + c - 1];
          nextLl[b][i] = fresher[b][i * extra + c - 1];
        }
      }
    }
    return { keys: nextKeys, ll: nextLl };
  };
  while (beta < 1) {
    if (stages.length >= maxStages) throw new RangeError(`temperedSmc reached ${maxStages} stages at temperature ${beta.toPrecision(3)}`);
    const total = sumBlocks(ll, n);
    const next = nextTemperature(total, beta);
    const { weights, sum, ess } = tempered(total, next - beta);
    beta = next;
    lastEss = ess;
    const resample = new KeyedStream(seed, `smc#resample:${stages.length}`);
    resample.reset(0);
    const chosen = systematic(weights, sum, resample.source());
    latent = gatherRows(latent, chosen, d);
    keys = keys.map((k) => Int32Array.from(chosen, (i) => k[i]));
    ll = ll.map((l) => Float64Array.from(chosen, (i) => l[i]));
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
      const proposed = await evaluate(target, proposal, identity, keys);
      evaluations++;
      const before = sumBlocks(ll, n);
      const after = sumBlocks(proposed, n);
      let acceptedNow = 0;
      for (let i = 0; i < n; i++) {
        if (Math.log(uniforms[i]) < beta * (after[i] - before[i])) {
          latent.set(proposal.subarray(i * d, (i + 1) * d), i * d);
          for (let b = 0; b < blocks; b++) ll[b][i] = proposed[b][i];
          acceptedNow++;
        }
      }
      accepted += acceptedNow;
      // Population adaptation: widen the step when most moves are accepted, narrow it when few are.
      step = Math.min(1, Math.max(0.01, step * Math.exp(acceptedNow / n - TARGET_ACCEPTANCE)));
      ({ keys, ll } = await refresh(new KeyedStream(seed, `smc#refresh:${stages.length}:${m}`), identity, keys, ll, beta));
    }
    const stage = { temperature: beta, effectiveSampleSize: ess, acceptance: moves === 0 ? 0 : accepted / (moves * n), step };
    stages.push(stage);
    options.onStage?.(stage);
  }
  // Each position reads a particle (in turn) and refreshes every block's draw once more under it.
  const rows = Int32Array.from({ length: positions }, (_, j) => Math.floor((j * n) / positions));
  const out = await refresh(new KeyedStream(seed, "smc#positions"), rows, keys.map((k) => Int32Array.from(rows, (r) => k[r])), ll.map((l) => Float64Array.from(rows, (r) => l[r])), 1);
  return { latent, rows, keys: out.keys, stages, effectiveSampleSize: lastEss, distinct: distinctRows(latent, n, d), evaluations };
}

function sumBlocks(ll: Float64Array[], n: number): Float64Array {
  const out = new Float64Array(n);
  for (const column of ll) for (let i = 0; i < n; i++) out[i] += column[i];
  return out;
}

async function evaluate(target: TemperedTarget, latent: Float64Array, rows: Int32Array, keys: Int32Array[]): Promise<Float64Array[]> {
  const ll = await target.logLikelihood(latent, rows, keys);
  if (ll.length !== target.blocks || ll.some((column) => column.length !== rows.length)) throw new RangeError("temperedSmc requires one log-likelihood per block and evaluation");
  // A future the evidence rules out (NaN from an impossible simulation) weighs nothing.
  return ll.map((column) => column.map((x) => (Number.isNaN(x) ? -Infinity : x)));
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
