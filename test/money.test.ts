import { describe, expect, it } from "vitest";
import { financialYear, sumPence, toPence } from "../src/model/index.ts";

describe("toPence(amount)", () => {
  it.each([
    [1.005, 1.01], // 1.005 is 1.00499999999999989... in float64; the ledger value is 1.005
    [-45168.734999999404, -45168.74], // a half-penny a few ulps short, from the ledger test
    [2476785.714285714, 2476785.71],
    [0.125, 0.13],
    [-0.125, -0.13],
    [-0.001, 0],
    [123456789.125, 123456789.13], // exact in float64: rounds half away from zero
  ])("rounds %s to %s", (amount, pence) => {
    expect(toPence(amount)).toBe(pence);
  });

  it("throws on NaN and infinities", () => {
    expect(() => toPence(Number.NaN)).toThrow(RangeError);
    expect(() => toPence(Infinity)).toThrow(RangeError);
  });

  it("sums pence exactly where floats would not (0.1 + 0.2)", () => {
    expect(sumPence([0.1, 0.2])).toBe(0.3);
  });
});

describe("financialYear(startYear)", () => {
  it("names April-to-March years", () => {
    expect([financialYear(2023), financialYear(2099)]).toEqual(["2023-24", "2099-00"]);
  });
});
