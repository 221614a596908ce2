import { describe, expect, it } from "vitest";
import { ledgerScenario, lineValue } from "./line-ledger.ts";

/**
 * One type held at 12 children (12 entries a year, exit rate 1 a year: one in and one out a month),
 * half, then all, then none of the exits at 18, support ending at 0.25 a year (1/48 a month):
 * the care leavers supported are a running stock, worked out by hand below.
 */
const leaverLedger = (careLeavers: Record<string, unknown> = { costPerLeaver: 1000, leavingRate: 0.25 }) =>
  ledgerScenario(
    {
      placements: { residential: { children: 12, weeklyUnitCost: 5000, unitCostGrowth: 0 } },
      flows: { entries: { count: 12 }, exitRate: { residential: 1 }, shareOfExitsAt18: [0.5, 1, 0] },
      careLeavers,
    },
    {},
    3,
  );

describe("care leavers as a running stock (baseline.careLeavers with flows)", () => {
  // Monthly S' = a S + inflow, a = 1 - 1/48. Opening at the steady state of the first year's
  // leavers: 12 x 1 x 0.5 / 0.25 = 24, held exactly in year 1 (0.5 in, 24 / 48 = 0.5 out a month).
  // Year 2: inflow 1 a month, S_m = 48 - 24 a^m; the average of the monthly trapezoids is
  // (1/24) sum_{m<12} (S_m + S_{m+1}) = 48 - (1 + a)(1 - a^12) / (1 - a). Year 3: no inflow,
  // S_m = S_12 a^m, average S_12 (1 + a)(1 - a^12) / (24 (1 - a)).
  const a = 1 - 1 / 48;
  const geometric = ((1 + a) * (1 - a ** 12)) / (1 - a);
  const year2End = 48 - 24 * a ** 12;
  const averages = [24, 48 - geometric, (year2End * geometric) / 24];
  const deflator = [1, 1.02, 1.02 ** 2];

  it.each([0, 1, 2])("supports the hand ledger's average care leavers in year %i", (t) => {
    expect(lineValue(leaverLedger(), "children:careLeavers", t)).toBeCloseTo(averages[t], 9);
  });

  it.each([0, 1, 2])("costs the average supported x cost per leaver x general inflation in year %i", (t) => {
    // GBP 1,000 a leaver at first-year prices, inflated at 2% a year: to a thousandth of a penny.
    expect(lineValue(leaverLedger(), "careLeavers", t)).toBeCloseTo(averages[t] * 1000 * deflator[t], 5);
  });

  it("without flows, supports the steady state: leavers at 18 over the leaving rate", () => {
    const data = ledgerScenario({ careLeavers: { costPerLeaver: 1000, leavingRate: 0.25, leaversAt18PerChild: 0.1 } });
    // 10 children x 0.1 leavers a child / 0.25 = 4 supported; x 1,000
    expect(lineValue(data, "children:careLeavers", 0)).toBeCloseTo(4, 12);
    expect(lineValue(data, "careLeavers", 0)).toBeCloseTo(4000, 9);
    // Year 2: children grown 5%, general inflation 2%
    expect(lineValue(data, "careLeavers", 1)).toBeCloseTo(4 * 1.05 * 1000 * 1.02, 9);
  });

  it("is zero, with no count, when the scenario has no careLeavers block", () => {
    const data = leaverLedger();
    delete (data.baseline as Record<string, unknown>).careLeavers;
    expect(lineValue(data, "careLeavers", 1)).toBe(0);
    expect(lineValue(data, "children:careLeavers", 1)).toBe(0);
  });
});
