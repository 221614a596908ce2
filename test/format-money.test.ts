import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { millions } from "../src/report/format-money.ts";

describe("millions(amount, decimals)", () => {
  it("formats as toLocaleString('en-GB') with those decimals, and -0.0 as 0.0 (fast-check, 5,000 amounts)", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, min: -1e13, max: 1e13 }), fc.integer({ min: 0, max: 3 }), (amount, decimals) => {
        const expected = (amount / 1e6).toLocaleString("en-GB", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
        expect(millions(amount, decimals)).toBe(expected === "-0.0" ? "0.0" : expected);
      }),
      { numRuns: 5000, seed: 8122026 },
    );
    expect([millions(174_049_999), millions(-40_000), millions(2_768_123_456.7), millions(1e6, 0)]).toEqual(["174.0", "0.0", "2,768.1", "1"]);
  });
});
