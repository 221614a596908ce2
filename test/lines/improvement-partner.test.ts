import { describe, expect, it } from "vitest";
import { compileScenario, parseScenario, simulateRange } from "../../src/model/index.ts";
import { ledgerScenario, lineValue } from "./line-ledger.ts";

const partner = { improvementPartner: { fee: 1_000_000, years: 1, dfeFundedShare: 0.6 } };

/** A horizon figure of the only option in one iteration. */
function horizon(data: ReturnType<typeof ledgerScenario>, figure: "totalCost" | "councilCost" | "dfeCost"): number {
  const compiled = compileScenario(parseScenario(data));
  return simulateRange(compiled, 0, 1).columns[compiled.layout.horizon(0, figure)][0];
}

describe("improvementPartnerFee and improvementPartnerGrant lines", () => {
  const data = ledgerScenario({}, { kind: "in-house", ...partner });

  it("charge the fee in full and bring back the DfE's share as income in the first year (hand ledger)", () => {
    expect(lineValue(data, "improvementPartnerFee", 0)).toBeCloseTo(1_000_000, 6);
    // 1,000,000 x 0.6
    expect(lineValue(data, "improvementPartnerGrant", 0)).toBeCloseTo(600_000, 6);
    // The council's operating cost carries the 400,000 it pays itself.
    expect(lineValue(data, "operating", 0) - lineValue(ledgerScenario({}, { kind: "in-house" }), "operating", 0)).toBeCloseTo(400_000, 6);
  });

  it("stop after the partnership's term", () => {
    expect(lineValue(data, "improvementPartnerFee", 1)).toBe(0);
    expect(lineValue(data, "improvementPartnerGrant", 1)).toBe(0);
    // Without a term the fee runs on, grown by general inflation: 1,000,000 x 1.02.
    expect(lineValue(ledgerScenario({}, { kind: "in-house", improvementPartner: { fee: 1_000_000 } }), "improvementPartnerFee", 1)).toBeCloseTo(1_020_000, 6);
  });

  it("book the DfE's share to the DfE: the public purse pays the whole fee, the council only its part", () => {
    const without = ledgerScenario({}, { kind: "in-house" });
    expect(horizon(data, "totalCost") - horizon(without, "totalCost")).toBeCloseTo(1_000_000, 4);
    expect(horizon(data, "councilCost") - horizon(without, "councilCost")).toBeCloseTo(400_000, 4);
    expect(horizon(data, "dfeCost") - horizon(without, "dfeCost")).toBeCloseTo(600_000, 4);
  });

  it("are zero when the option has no improvement partner", () => {
    expect(lineValue(ledgerScenario(), "improvementPartnerFee", 0)).toBe(0);
    expect(lineValue(ledgerScenario(), "improvementPartnerGrant", 0)).toBe(0);
  });
});
