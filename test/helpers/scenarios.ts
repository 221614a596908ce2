import { readFileSync } from "node:fs";
import { parse } from "yaml";
import type { ScenarioInput } from "../../src/model/index.ts";

/** The raw data of a scenario file in scenarios/, for tests that edit it before validating. */
export function scenarioData(id: string): ScenarioInput {
  return parse(readFileSync(new URL(`../../scenarios/${id}.yaml`, import.meta.url), "utf8")) as ScenarioInput;
}

/** A small all-constant scenario: one placement type, an in-house option and a trust. */
export function deterministicScenario(): ScenarioInput {
  return {
    id: "ledger",
    title: "Hand ledger",
    area: "Test",
    startYear: 2025,
    years: 3,
    simulation: { iterations: 1, seed: "ledger" },
    baseline: {
      generalInflation: 0.02,
      childrenGrowth: 0.05,
      placements: { residential: { children: 10, weeklyUnitCost: 5000, unitCostGrowth: 0.1 } },
      workforce: { fte: 100, permanentCostPerFte: 50000, agencyShare: 0.2, agencyPremium: 0.5, payInflation: 0.03 },
      otherSpend: 1_000_000,
      budget: { amount: 10_000_000, uplift: 0.04 },
    },
    options: [
      { id: "in-house", label: "In-house", kind: "in-house" },
      {
        id: "trust",
        label: "Trust",
        kind: "trust",
        setup: { cost: 3_000_000, spreadYears: 2, dfeFundedShare: 0.5 },
        vat: { vatableShare: 0.1, irrecoverableShare: 0.8 },
        overheads: { governance: 400_000, supportServices: 100_000, clientSide: 200_000 },
        effects: { agencyShareChange: -0.05, placementCostFactor: 0.9, rampYears: 2 },
        finance: { openingReserves: 500_000, councilShareOfOverspend: 0 },
      },
    ],
  };
}
