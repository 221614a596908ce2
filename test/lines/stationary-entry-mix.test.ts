import { describe, expect, it } from "vitest";
import { compileScenario, parseScenario, simulateRange } from "../../src/model/index.ts";
import { stationaryEntryMix } from "../../src/model/forecast/init-scenario.ts";
import { FLOW_DEFAULTS } from "../../src/model/forecast/national-defaults.ts";
import { ledgerScenario } from "./line-ledger.ts";

/** Bradford's opening children by type (11.4% residential of 1,650, the national mix). */
const children = { residential: 188, "independent-fostering": 409, "in-house-fostering": 460, kinship: 257, "supported-accommodation": 162 };
const exits = { residential: 0.39, "independent-fostering": 0.39, "in-house-fostering": 0.39, kinship: 0.39, "supported-accommodation": 0.39 };
const moves = [
  { from: "residential", to: "in-house-fostering", rate: 0.03 },
  { from: "independent-fostering", to: "kinship", rate: 0.01 },
];

/** Shares by type at the end of each year of a run with constant rates and the given entry mix. */
function shares(entryMix: Record<string, number>, years = 10): Record<string, number>[] {
  const placements = Object.fromEntries(Object.entries(children).map(([t, n]) => [t, { children: n, weeklyUnitCost: 1000, unitCostGrowth: 0 }]));
  const data = ledgerScenario({ placements, flows: { entries: { ratePerChild: FLOW_DEFAULTS.entries.ratePerChild.mean }, entryMix, exitRate: exits, moves, shareOfExitsAt18: 0.3 } }, {}, years);
  const compiled = compileScenario(parseScenario(data));
  const columns = simulateRange(compiled, 0, 1).columns;
  return Array.from({ length: years }, (_, t) => {
    const counts = Object.keys(children).map((type) => columns[compiled.layout.yearly(0, t, `children:${type}`)][0]);
    const total = counts.reduce((a, b) => a + b, 0);
    return Object.fromEntries(Object.keys(children).map((type, k) => [type, counts[k] / total]));
  });
}

describe("stationaryEntryMix(children, exitRate, moves)", () => {
  const total = Object.values(children).reduce((a, b) => a + b, 0);
  const opening = Object.fromEntries(Object.entries(children).map(([t, n]) => [t, n / total]));

  it("holds the opening placement mix for ten years at constant rates (to the mix's four decimals)", () => {
    const mix = stationaryEntryMix(children, exits, moves);
    for (const year of shares(mix)) for (const type of Object.keys(children)) expect(Math.abs(year[type] - opening[type])).toBeLessThan(5e-4);
  });

  it("where entries in the opening mix let the step-downs drain residential care (the drift it removes)", () => {
    const last = shares(opening).at(-1)!;
    // Turnover of about 0.4 a year settles the share within a few years, about 7% below where it started.
    expect(last.residential / opening.residential).toBeLessThan(0.95);
  });
});
