import { fmix32 as importedFmix32, fnv1a32 } from "./hash.ts";

// Read once: a loader that compiles to CommonJS turns each imported binding into a getter call.
const fmix32 = importedFmix32;

const TWO_POW_32 = 4294967296;
/** 2^-32, Alea's carry scale. */
const ALEA_NORM = 2.3283064365386963e-10;

/**
 * A random source for one named input, re-seeded at the start of every iteration from
 * (seed, input key, iteration index). Results therefore depend only on those three, never on
 * batch size or worker count, and adding or removing another input leaves this one's draws
 * unchanged (DESIGN.md, engine rules).
 *
 * The generator is seedrandom's Alea (Baagoe 2010). Its state (s0, s1, s2, c) is set directly from
 * hashes, and its four-line recurrence is stepped here in place: seedrandom.alea("", { state })
 * gives the same numbers (test/keyed-stream.test.ts checks them bit for bit) but re-runs Mash and
 * allocates five closures on every re-seed, which cost a fifth of the run time.
 */
export class KeyedStream {
  private readonly base: number;
  private s0 = 0;
  private s1 = 0;
  private s2 = 0;
  private c = 1;
  /** The source to hand to distribution factories; it always draws from the current iteration. */
  readonly source: () => number;
  /** Uniform draws taken so far, for the benchmark's like-for-like ceiling. */
  draws = 0;

  constructor(seed: string, key: string) {
    this.base = fmix32(fnv1a32(seed) ^ fmix32(fnv1a32(key) + 0x9e3779b9));
    this.source = () => {
      this.draws++;
      const t = 2091639 * this.s0 + this.c * ALEA_NORM;
      this.s0 = this.s1;
      this.s1 = this.s2;
      return (this.s2 = t - (this.c = t | 0));
    };
    this.reset(0);
  }

  /** The Alea state for `iteration`: what seedrandom.alea("", { state }) would start from. */
  stateAt(iteration: number): { c: number; s0: number; s1: number; s2: number } {
    const x = (this.base + Math.imul(iteration, 0x9e3779b1)) | 0;
    return {
      c: 1,
      s0: fmix32(x ^ 0x243f6a88) / TWO_POW_32,
      s1: fmix32(x ^ 0x85a308d3) / TWO_POW_32,
      s2: fmix32(x ^ 0x13198a2e) / TWO_POW_32,
    };
  }

  /**
   * The first uniform of each of iterations[0 .. count) into out[at + i]: what reset(iterations[i])
   * then source() give, bit for bit, from one hash of the three (Alea's first output reads only s0
   * and c = 1). A loop here, so no uniform crosses a call boxed. Leaves the stream where it was.
   */
  firstUniforms(iterations: Int32Array, count: number, out: Float64Array, at: number): void {
    const base = this.base;
    for (let i = 0; i < count; i++) {
      const x = (base + Math.imul(iterations[i], 0x9e3779b1)) | 0;
      const t = 2091639 * (fmix32(x ^ 0x243f6a88) / TWO_POW_32) + ALEA_NORM;
      out[at + i] = t - (t | 0);
    }
    this.draws += count;
  }

  /**
   * The first `count` uniforms of `iteration` into out[at], out[at + stride], ...: what reset(iteration)
   * then `count` calls of source() give, bit for bit, stepped in locals. Leaves the stream after them.
   */
  fillUniforms(iteration: number, out: Float64Array, at: number, stride: number, count: number): void {
    this.reset(iteration);
    let s0 = this.s0;
    let s1 = this.s1;
    let s2 = this.s2;
    let c = this.c;
    for (let k = 0; k < count; k++) {
      const t = 2091639 * s0 + c * ALEA_NORM;
      s0 = s1;
      s1 = s2;
      c = t | 0;
      s2 = t - c;
      out[at + k * stride] = s2;
    }
    this.s0 = s0;
    this.s1 = s1;
    this.s2 = s2;
    this.c = c;
    this.draws += count;
  }

  /**
   * Positions the stream at the start of `iteration` and copies its state into st as
   * [s0, s1, s2, c, 0], for draws that step it in a loop of their own (stream-state-draws.ts).
   */
  writeState(iteration: number, st: Float64Array): void {
    this.reset(iteration);
    st[0] = this.s0;
    st[1] = this.s1;
    st[2] = this.s2;
    st[3] = this.c;
    st[4] = 0;
  }

  /** Takes back a state stepped elsewhere (writeState), counting the uniforms it took. */
  readState(st: Float64Array): void {
    this.s0 = st[0];
    this.s1 = st[1];
    this.s2 = st[2];
    this.c = st[3];
    this.draws += st[4];
  }

  /** Positions the stream at the start of `iteration` (a non-negative integer). */
  reset(iteration: number): void {
    const x = (this.base + Math.imul(iteration, 0x9e3779b1)) | 0;
    this.c = 1;
    this.s0 = fmix32(x ^ 0x243f6a88) / TWO_POW_32;
    this.s1 = fmix32(x ^ 0x85a308d3) / TWO_POW_32;
    this.s2 = fmix32(x ^ 0x13198a2e) / TWO_POW_32;
  }
}
