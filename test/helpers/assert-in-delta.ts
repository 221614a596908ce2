import { expect } from "vitest";

/** |actual - expected| <= delta, with the three numbers in the failure message. */
export function assertInDelta(actual: number, expected: number, delta: number, what = "value"): void {
  const ok = Math.abs(actual - expected) <= delta;
  expect(ok, `${what}: ${actual} is not within ${delta} of ${expected}`).toBe(true);
}
