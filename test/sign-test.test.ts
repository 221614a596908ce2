import { describe, expect, it } from "vitest";
import { signTest } from "../src/engine/index.ts";

describe("signTest(successes, n)", () => {
  it("gives 2 / 2^6 = 0.03125 for 6 of 6, and the same for 0 of 6 (hand calculation)", () => {
    expect(signTest(6, 6)).toBe(0.03125);
    expect(signTest(0, 6)).toBe(0.03125);
    expect(signTest(5, 6)).toBe(0.21875); // 2 (1 + 6) / 64
  });

  it("caps at 1 when the count is the middle one (R: binom.test(3, 6)$p.value = 1)", () => {
    expect(signTest(3, 6)).toBe(1);
    expect(signTest(1, 1)).toBe(1);
  });

  // Exact values from Python's fractions: 2 sum_{j <= m} C(n, j) / 2^n; SciPy's binomtest agrees to
  // 1e-15. Relative 1e-13: the product takes about 2 min(k, n - k) roundings.
  it.each([
    [4, 10, 0.75390625],
    [60, 100, 0.05688793364098079],
    [527, 1000, 0.09368729147549666],
    [5200, 10000, 6.593515598672442e-5],
  ])("gives the exact two-sided p-value for %s of %s (%s)", (k, n, p) => {
    expect(Math.abs(signTest(k, n) - p) / p).toBeLessThan(1e-13);
    expect(signTest(n - k, n)).toBe(signTest(k, n));
  });

  it("requires integers 0 <= successes <= n, n >= 1", () => {
    const error = new RangeError("signTest requires integers 0 <= successes <= n, n >= 1");
    expect(() => signTest(0, 0)).toThrow(error);
    expect(() => signTest(7, 6)).toThrow(error);
    expect(() => signTest(2.5, 6)).toThrow(error);
    expect(() => signTest(Number.NaN, 6)).toThrow(error);
  });
});
