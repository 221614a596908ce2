import { describe, expect, it } from "vitest";
import { crpsPoint, crpsSample } from "../src/engine/index.ts";

describe("crpsPoint(forecast, observed)", () => {
  it("is the absolute error, the CRPS of a one-value sample (hand: 7.5 against 9.25 is 1.75)", () => {
    expect(crpsPoint(7.5, 9.25)).toBe(1.75);
    expect(crpsPoint(9.25, 7.5)).toBe(1.75);
    expect(crpsPoint(-2, -2)).toBe(0);
    expect(crpsPoint(3.3, 1.1)).toBe(crpsSample([3.3], 1.1));
  });

  it("requires a finite forecast and observed value", () => {
    const error = new RangeError("crpsPoint requires a finite forecast and observed value");
    expect(() => crpsPoint(Number.NaN, 1)).toThrow(error);
    expect(() => crpsPoint(1, Infinity)).toThrow(error);
  });
});
