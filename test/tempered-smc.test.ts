import { describe, expect, it } from "vitest";
import { KeyedStream, standardNormal, temperedSmc } from "../src/engine/index.ts";
import { assertInDelta } from "./helpers/assert-in-delta.ts";

// Prior theta ~ N(0, I) in three dimensions; evidence y = a.theta + tau e + sigma eps, with e a
// "local" normal drawn from the stream keyed by the block's auxiliary key (the sampler refreshes it).
// Then a.theta | y is normal with mean |a|^2 y / v and variance |a|^2 - |a|^4 / v,
// v = |a|^2 + tau^2 + sigma^2, and a coordinate orthogonal to a keeps its N(0, 1) prior.
const a = [0.6, 0.8, 0];
const [sigma, tau, y] = [0.2, 0.2, 3];

function target() {
  const local = new KeyedStream("smc-test", "local");
  const normal = standardNormal(local.source);
  return {
    dimension: 3,
    blocks: 1,
    async logLikelihood(latent: Float64Array, rows: Int32Array, keys: Int32Array[]) {
      const out = new Float64Array(rows.length);
      for (let e = 0; e < rows.length; e++) {
        const r = rows[e];
        const s = a[0] * latent[3 * r] + a[1] * latent[3 * r + 1] + a[2] * latent[3 * r + 2];
        local.reset(keys[0][e]);
        const z = (y - s - tau * normal()) / sigma;
        out[e] = -0.5 * z * z;
      }
      return [out];
    },
  };
}

function moments(values: number[]): { mean: number; sd: number } {
  const mean = values.reduce((x, v) => x + v, 0) / values.length;
  return { mean, sd: Math.sqrt(values.reduce((x, v) => x + (v - mean) ** 2, 0) / (values.length - 1)) };
}

describe("tempered SMC with pCN moves", () => {
  it("reaches a normal posterior in the prior's tail: mean and sd within 4 standard errors at the effective sample size", async () => {
    const n = 2000;
    const sample = await temperedSmc(target(), { particles: n, seed: "smc-closed-form", moves: 5 });
    const v = 1 + tau ** 2 + sigma ** 2;
    const exactMean = y / v;
    const exactSd = Math.sqrt(1 - 1 / v);
    // Prior P(a.theta > posterior mean) is below 0.4%: importance sampling from the prior would rest on a few draws.
    const projected = Array.from(sample.rows, (r) => a[0] * sample.latent[3 * r] + a[1] * sample.latent[3 * r + 1]);
    const orthogonal = Array.from(sample.rows, (r) => sample.latent[3 * r + 2]);
    const ess = Math.min(sample.effectiveSampleSize, sample.distinct);
    expect(ess).toBeGreaterThan(n / 4);
    const s = moments(projected);
    assertInDelta(s.mean, exactMean, (4 * exactSd) / Math.sqrt(ess), "posterior mean of a.theta");
    assertInDelta(s.sd, exactSd, (4 * exactSd) / Math.sqrt(2 * ess), "posterior sd of a.theta");
    const o = moments(orthogonal);
    assertInDelta(o.mean, 0, 4 / Math.sqrt(ess), "mean of the unobserved direction");
    assertInDelta(o.sd, 1, 4 / Math.sqrt(2 * ess), "sd of the unobserved direction");
    expect(sample.stages.length).toBeGreaterThan(1);
    expect(sample.stages.at(-1)!.temperature).toBe(1);
  });

  it("depends only on the target, the seed and the options", async () => {
    const one = await temperedSmc(target(), { particles: 300, seed: "same", moves: 2 });
    const two = await temperedSmc(target(), { particles: 300, seed: "same", moves: 2 });
    expect(Buffer.from(two.latent.buffer).equals(Buffer.from(one.latent.buffer))).toBe(true);
    const other = await temperedSmc(target(), { particles: 300, seed: "other", moves: 2 });
    expect(Buffer.from(other.latent.buffer).equals(Buffer.from(one.latent.buffer))).toBe(false);
  });
});
