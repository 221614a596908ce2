import { describe, expect, it } from "vitest";
import { skillScore } from "../src/engine/index.ts";

describe("skillScore(scoreModel, scoreReference)", () => {
  it("is 1 - model / reference: 1 perfect, 0 as good as the reference, negative worse (hand)", () => {
    expect(skillScore(0.5, 2)).toBe(0.75);
    expect(skillScore(0, 3)).toBe(1);
    expect(skillScore(3, 3)).toBe(0);
    expect(skillScore(4, 2)).toBe(-1);
  });

  it("requires a finite reference score > 0 and a finite model score >= 0", () => {
    const reference = new RangeError("skillScore requires a finite reference score > 0");
    expect(() => skillScore(1, 0)).toThrow(reference);
    expect(() => skillScore(1, -2)).toThrow(reference);
    expect(() => skillScore(1, Number.NaN)).toThrow(reference);
    expect(() => skillScore(1, Infinity)).toThrow(reference);
    const model = new RangeError("skillScore requires a finite model score >= 0");
    expect(() => skillScore(Number.NaN, 1)).toThrow(model);
    expect(() => skillScore(-1, 1)).toThrow(model);
  });
});
