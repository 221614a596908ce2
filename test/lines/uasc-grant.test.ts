import { describe, expect, it } from "vitest";
import { ledgerScenario, lineValue } from "./line-ledger.ts";

describe("uascGrant line (income)", () => {
  const data = ledgerScenario({ uascGrant: { children: 12 } });

  it("is children x GBP 143 a night x 365, the Home Office rate (hand ledger)", () => {
    expect(lineValue(data, "uascGrant", 0)).toBeCloseTo(12 * 143 * 365, 6);
  });

  it("is held in cash unless the scenario grows the rate", () => {
    expect(lineValue(data, "uascGrant", 1)).toBeCloseTo(12 * 143 * 365, 6);
    expect(lineValue(ledgerScenario({ uascGrant: { children: 12, rateGrowth: 0.05 } }), "uascGrant", 1)).toBeCloseTo(12 * 143 * 1.05 * 365, 6);
  });

  it("is subtracted once from operating cost, as a positive amount, and bears no VAT", () => {
    const vat = { vat: { vatableShare: 0.5, irrecoverableShare: 1 } };
    const withGrant = ledgerScenario({ uascGrant: { children: 12 } }, vat);
    const without = ledgerScenario({}, vat);
    expect(lineValue(withGrant, "uascGrant", 0)).toBeGreaterThan(0);
    expect(lineValue(without, "operating", 0) - lineValue(withGrant, "operating", 0)).toBeCloseTo(12 * 143 * 365, 6);
    expect(lineValue(withGrant, "vat", 0)).toBeCloseTo(lineValue(without, "vat", 0), 6);
  });
});
