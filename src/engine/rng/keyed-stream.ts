import seedrandom from "seedrandom";
import { fmix32 as importedFmix32, fnv1a32 } from "./hash.ts";

// Read once: a loader that compiles to CommonJS turns each imported binding into a getter call.
const alea = seedrandom.alea;
const fmix32 = importedFmix32;

const TWO_POW_32 = 4294967296;

/**
 * A random source for one named input, re-seeded at the start of every iteration from
 * (seed, input key, iteration index). Results therefore depend only on those three, never on
 * batch size or worker count, and adding or removing another input leaves this one's draws
 * unchanged (DESIGN.md, engine rules). The generator is seedrandom's Alea; its state is set
 * directly from hashes because Alea's own string seeding (Mash) costs about 3 microseconds.
 */
export class KeyedStream {
  private readonly base: number;
  private generator: () => number;
  /** The source to hand to distribution factories; it always draws from the current iteration. */
  readonly source: () => number;
  /** Uniform draws taken so far, for the benchmark's like-for-like ceiling. */
  draws = 0;

  constructor(seed: string, key: string) {
    this.base = fmix32(fnv1a32(seed) ^ fmix32(fnv1a32(key) + 0x9e3779b9));
    this.generator = alea("");
    this.source = () => {
      this.draws++;
      return this.generator();
    };
  }

  /** Positions the stream at the start of `iteration` (a non-negative integer). */
  reset(iteration: number): void {
    const x = (this.base + Math.imul(iteration, 0x9e3779b1)) | 0;
    const state = {
      c: 1,
      s0: fmix32(x ^ 0x243f6a88) / TWO_POW_32,
      s1: fmix32(x ^ 0x85a308d3) / TWO_POW_32,
      s2: fmix32(x ^ 0x13198a2e) / TWO_POW_32,
    };
    this.generator = alea("", { state });
  }
}
