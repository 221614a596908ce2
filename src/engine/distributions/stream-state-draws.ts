import type { KeyedStream } from "../rng/keyed-stream.ts";

/**
 * Student's t and normal-then-gamma draws of one iteration, written into arrays by loops that step
 * the stream's Alea state in local variables, bit for bit the numbers studentT, standardNormal and
 * gamma give from stream.source. Through those closures each uniform and each variate crossed a
 * call as a boxed double (the sampler's loops were past V8's inlining budget): most of the garbage
 * of a run with yearly drivers (Bradford: about 150 MB in 50,000 iterations). Written out here,
 * with no calls but Math's, they box nothing wherever V8 compiles them: the polar method and the
 * Alea step are repeated on purpose (a version calling small helpers for them, measured, still
 * boxed 64 MB over those 50,000 iterations once the caller was inlined into the sampler's loop).
 * test/stream-state-draws.test.ts checks them against the closures.
 */

/** 2^-32, Alea's carry scale (as in keyed-stream.ts). */
const ALEA_NORM = 2.3283064365386963e-10;

/** The state a loop steps: [s0, s1, s2, c, uniforms taken] (KeyedStream.writeState, readState). */
const st = new Float64Array(5);

/** gamma(source, shape)'s constants, for a shape of at least 1 (no boost). */
export interface GammaShape {
  d: number;
  c: number;
}

export function gammaShape(shape: number): GammaShape {
  if (!(Number.isFinite(shape) && shape >= 1)) throw new RangeError("gammaShape requires a finite shape >= 1");
  const d = shape - 1 / 3;
  return { d, c: 1 / Math.sqrt(9 * d) };
}

/** studentT(source, df)'s constants. */
export interface StudentTShape {
  df: number;
  d: number;
  c: number;
  scale: number;
}

export function studentTShape(df: number): StudentTShape {
  if (!(Number.isFinite(df) && df > 2)) throw new RangeError("studentT requires df > 2");
  const { d, c } = gammaShape(df / 2);
  return { df, d, c, scale: Math.sqrt((df - 2) / df) };
}

/**
 * `count` draws of studentT(stream.source, shape.df) for `iteration` into out[at + k * stride]:
 * each the chi-squared (Marsaglia and Tsang's gamma of shape df / 2, from polar normals) first,
 * then the polar normal, as student-t.ts draws them. Leaves the stream after them.
 */
export function studentTInto(stream: KeyedStream, iteration: number, shape: StudentTShape, out: Float64Array, at: number, stride: number, count: number): void {
  stream.writeState(iteration, st);
  let s0 = st[0];
  let s1 = st[1];
  let s2 = st[2];
  let c = st[3];
  let taken = 0;
  const { df, d, c: gc, scale } = shape;
  for (let k = 0; k < count; k++) {
    // gamma: Marsaglia and Tsang (gamma.ts).
    let v: number;
    let x: number;
    for (;;) {
      do {
        // standardNormal: the polar method (normal.ts), two uniforms a try.
        let r: number;
        let px: number;
        do {
          let t = 2091639 * s0 + c * ALEA_NORM;
          s0 = s1;
          s1 = s2;
          c = t | 0;
          s2 = t - c;
          px = 2 * s2 - 1;
          t = 2091639 * s0 + c * ALEA_NORM;
          s0 = s1;
          s1 = s2;
          c = t | 0;
          s2 = t - c;
          const py = 2 * s2 - 1;
          taken += 2;
          r = px * px + py * py;
        } while (r >= 1 || r === 0);
        x = px * Math.sqrt((-2 * Math.log(r)) / r);
        v = 1 + gc * x;
      } while (v <= 0);
      v = v * v * v;
      const t = 2091639 * s0 + c * ALEA_NORM;
      s0 = s1;
      s1 = s2;
      c = t | 0;
      s2 = t - c;
      taken++;
      const u = s2;
      if (u < 1 - 0.0331 * x * x * x * x) break;
      if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) break;
    }
    const chi2 = 2 * (d * v);
    let r: number;
    let px: number;
    do {
      let t = 2091639 * s0 + c * ALEA_NORM;
      s0 = s1;
      s1 = s2;
      c = t | 0;
      s2 = t - c;
      px = 2 * s2 - 1;
      t = 2091639 * s0 + c * ALEA_NORM;
      s0 = s1;
      s1 = s2;
      c = t | 0;
      s2 = t - c;
      const py = 2 * s2 - 1;
      taken += 2;
      r = px * px + py * py;
    } while (r >= 1 || r === 0);
    const z = px * Math.sqrt((-2 * Math.log(r)) / r);
    out[at + k * stride] = (z / Math.sqrt(chi2 / df)) * scale;
  }
  st[0] = s0;
  st[1] = s1;
  st[2] = s2;
  st[3] = c;
  st[4] = taken;
  stream.readState(st);
}

/**
 * For `iteration`: `normals` polar normals (standardNormal(stream.source), in turn) into
 * out[at .. at + normals), then one gamma(stream.source, shape) into out[at + normals]. Leaves the
 * stream after them. The normals and the gamma in loops of their own: one loop testing which it
 * was drawing at each step took 7% longer (630,000 calls, hot, the two alternating).
 */
export function normalsThenGammaInto(stream: KeyedStream, iteration: number, normals: number, shape: GammaShape, out: Float64Array, at: number): void {
  stream.writeState(iteration, st);
  let s0 = st[0];
  let s1 = st[1];
  let s2 = st[2];
  let c = st[3];
  let taken = 0;
  for (let k = 0; k < normals; k++) {
    let r: number;
    let px: number;
    do {
      let t = 2091639 * s0 + c * ALEA_NORM;
      s0 = s1;
      s1 = s2;
      c = t | 0;
      s2 = t - c;
      px = 2 * s2 - 1;
      t = 2091639 * s0 + c * ALEA_NORM;
      s0 = s1;
      s1 = s2;
      c = t | 0;
      s2 = t - c;
      const py = 2 * s2 - 1;
      taken += 2;
      r = px * px + py * py;
    } while (r >= 1 || r === 0);
    out[at + k] = px * Math.sqrt((-2 * Math.log(r)) / r);
  }
  // gamma: Marsaglia and Tsang (gamma.ts), from polar normals.
  const { d, c: gc } = shape;
  let v: number;
  for (;;) {
    let x: number;
    do {
      let r: number;
      let px: number;
      do {
        let t = 2091639 * s0 + c * ALEA_NORM;
        s0 = s1;
        s1 = s2;
        c = t | 0;
        s2 = t - c;
        px = 2 * s2 - 1;
        t = 2091639 * s0 + c * ALEA_NORM;
        s0 = s1;
        s1 = s2;
        c = t | 0;
        s2 = t - c;
        const py = 2 * s2 - 1;
        taken += 2;
        r = px * px + py * py;
      } while (r >= 1 || r === 0);
      x = px * Math.sqrt((-2 * Math.log(r)) / r);
      v = 1 + gc * x;
    } while (v <= 0);
    v = v * v * v;
    const t = 2091639 * s0 + c * ALEA_NORM;
    s0 = s1;
    s1 = s2;
    c = t | 0;
    s2 = t - c;
    taken++;
    const u = s2;
    if (u < 1 - 0.0331 * x * x * x * x) break;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) break;
  }
  out[at + normals] = d * v;
  st[0] = s0;
  st[1] = s1;
  st[2] = s2;
  st[3] = c;
  st[4] = taken;
  stream.readState(st);
}
