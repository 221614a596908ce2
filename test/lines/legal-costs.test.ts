import { describe, expect, it } from "vitest";
import { ledgerScenario, lineValue } from "./line-ledger.ts";

describe("legalCosts line", () => {
  const data = ledgerScenario({ legalCosts: { proceedingsPerChildLookedAfter: 0.2, costPerProceeding: 20_000 } });

  it("is children x proceedings per child x cost per proceeding in the first year (hand ledger)", () => {
    // 10 children x 0.2 x 20,000 = 40,000
    expect(lineValue(data, "legalCosts", 0)).toBeCloseTo(40_000, 6);
  });

  it("grows with demand and general inflation in the second year (hand ledger)", () => {
    // 10 x 1.05 children x 0.2 x 20,000 x 1.02 = 42,840
    expect(lineValue(data, "legalCosts", 1)).toBeCloseTo(42_840, 6);
  });

  it("counts in operating cost and in the VAT base", () => {
    const withVat = (legal: boolean) =>
      ledgerScenario(legal ? { legalCosts: { proceedingsPerChildLookedAfter: 0.2, costPerProceeding: 20_000 } } : {}, { vat: { vatableShare: 0.5, irrecoverableShare: 1 } });
    // 40,000 more operating spend, of which half bears 20% VAT the trust cannot recover: 4,000.
    expect(lineValue(withVat(true), "operating", 0) - lineValue(withVat(false), "operating", 0)).toBeCloseTo(44_000, 6);
    expect(lineValue(withVat(true), "vat", 0) - lineValue(withVat(false), "vat", 0)).toBeCloseTo(4_000, 6);
  });

  it("is zero when the scenario gives no legal costs", () => {
    expect(lineValue(ledgerScenario(), "legalCosts", 0)).toBe(0);
  });
});
