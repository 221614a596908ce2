import { compileScenario, parseScenario, simulateRange, type ScenarioInput } from "../../src/model/index.ts";

/**
 * A one-option, one-placement, constant scenario for one-row hand ledgers of single lines: every
 * number is a constant, so each line's value can be worked out by hand.
 */
export function ledgerScenario(baseline: Record<string, unknown> = {}, option: Record<string, unknown> = {}, years = 2): ScenarioInput {
  return {
    id: "ledger",
    title: "Hand ledger",
    area: "Test",
    startYear: 2025,
    years,
    simulation: { iterations: 1, seed: "ledger" },
    baseline: {
      generalInflation: 0.02,
      childrenGrowth: 0.05,
      placements: { residential: { children: 10, weeklyUnitCost: 5000, unitCostGrowth: 0.1 } },
      workforce: { fte: 100, permanentCostPerFte: 50_000, agencyShare: 0.2, agencyPremium: 0.5, payInflation: 0.03 },
      otherSpend: 1_000_000,
      budget: { amount: 10_000_000, uplift: 0.04 },
      ...baseline,
    },
    options: [{ id: "trust", label: "Trust", kind: "trust", ...option }],
  } as ScenarioInput;
}

/** The value of `line` for the only option in year t of one iteration. */
export function lineValue(data: ScenarioInput, line: string, t: number): number {
  const compiled = compileScenario(parseScenario(data));
  return simulateRange(compiled, 0, 1).columns[compiled.layout.yearly(0, t, line)][0];
}
