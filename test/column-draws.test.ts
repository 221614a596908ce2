import { describe, expect, it } from "vitest";
import { KeyedStream, pert, pertColumn, triangular, triangularColumn, uniform, uniformColumn, type UniformColumnTransform } from "../src/engine/index.ts";

// The sampler draws inputs a column at a time (input-sampler.ts): uniforms first, then the whole
// column through the inverse transform. These must be the draws the per-value closures make, bit
// for bit, or every reported number would move.

const bits = (xs: Float64Array) => Buffer.from(xs.buffer, xs.byteOffset, xs.byteLength);

describe("KeyedStream's column draws", () => {
  it("firstUniforms(iterations, ...) is reset(i) then source() for each, bit for bit, for many iterations", () => {
    const stream = new KeyedStream("seed-1", "baseline.workforce.agencyShare");
    const other = new KeyedStream("seed-1", "baseline.workforce.agencyShare");
    const iterations = [0, 1, 2, 1023, 1024, 99_999, 2 ** 31 - 1, ...Array.from({ length: 2000 }, (_, i) => 7919 * i)];
    const out = new Float64Array(iterations.length + 3).fill(7);
    stream.firstUniforms(Int32Array.from(iterations), iterations.length, out, 3);
    expect([...out.subarray(0, 3)]).toEqual([7, 7, 7]);
    const ours = out.subarray(3);
    const reference = Float64Array.from(iterations, (i) => {
      other.reset(i);
      return other.source();
    });
    expect(bits(ours).equals(bits(reference))).toBe(true);
  });

  it("fillUniforms(i, out, at, stride, n) writes the first n draws of iteration i at the stride, and leaves the stream after them", () => {
    const stream = new KeyedStream("s", "k");
    const other = new KeyedStream("s", "k");
    const out = new Float64Array(40);
    stream.fillUniforms(12_345, out, 3, 4, 9);
    other.reset(12_345);
    const reference = Array.from({ length: 9 }, () => other.source());
    expect(Array.from({ length: 9 }, (_, k) => out[3 + 4 * k])).toEqual(reference);
    expect(out.filter((_, j) => j < 3 || (j - 3) % 4 !== 0 || j > 35).every((x) => x === 0)).toBe(true);
    expect(stream.source()).toBe(other.source());
  });
});

describe("inverse-transform columns", () => {
  // Uniforms across (0, 1), the tails' cells included (PERT's power-law ends are the first and last 64 of 4,096).
  const uniforms = Float64Array.from({ length: 20_000 }, (_, i) => (i < 1000 ? (i + 0.5) / 64_000 : i >= 19_000 ? 1 - (i - 18_999.5) / 64_000 : (i + 0.5) / 20_000));

  const cases: [string, (source: () => number) => () => number, UniformColumnTransform][] = [
    ["pert(4600, 6100, 10000)", (s) => pert(s, 4600, 6100, 10000), pertColumn(4600, 6100, 10000)],
    ["pert(0, 0, 1) (mode at min)", (s) => pert(s, 0, 0, 1), pertColumn(0, 0, 1)],
    ["pert(0.13, 0.16, 0.18, lambda 6)", (s) => pert(s, 0.13, 0.16, 0.18, 6), pertColumn(0.13, 0.16, 0.18, 6)],
    ["pert(5, 5, 5)", (s) => pert(s, 5, 5, 5), pertColumn(5, 5, 5)],
    ["triangular(1, 2, 4)", (s) => triangular(s, 1, 2, 4), triangularColumn(1, 2, 4)],
    ["uniform(-3, 8)", (s) => uniform(s, -3, 8), uniformColumn(-3, 8)],
  ];

  it.each(cases)("%s: the column transform gives the closure's draws bit for bit", (_, closure, column) => {
    let next = 0;
    const sample = closure(() => uniforms[next++]);
    const reference = Float64Array.from(uniforms, () => sample());
    const ours = new Float64Array(uniforms.length + 6).fill(-1);
    ours.set(uniforms, 3);
    column(ours, 3, 3 + uniforms.length);
    expect(bits(ours.subarray(3, 3 + uniforms.length)).equals(bits(reference))).toBe(true);
    // Only [from, to) is touched.
    expect([ours[0], ours[1], ours[2], ours[ours.length - 1]]).toEqual([-1, -1, -1, -1]);
  });

  it("rejects the parameters the closures reject", () => {
    expect(() => pertColumn(3, 2, 1)).toThrow("pert requires min <= mode <= max");
    expect(() => triangularColumn(3, 2, 1)).toThrow("triangular requires min <= mode <= max");
    expect(() => uniformColumn(2, 1)).toThrow("uniform requires finite min <= max");
  });
});
