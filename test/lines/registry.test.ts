import { describe, expect, it } from "vitest";
import { COST_LINE_DEFINITIONS, evaluationOrder, lineLabel, type CostLineDefinition } from "../../src/model/index.ts";
import { ledgerScenario, lineValue } from "./line-ledger.ts";

describe("the cost-line registry", () => {
  it("orders every line after the lines it depends on, VAT after its whole base", () => {
    const order = evaluationOrder().map((l) => l.definition.name);
    for (const line of evaluationOrder()) {
      for (const d of line.dependencies) expect(order.indexOf(d), `${line.definition.name} after ${d}`).toBeLessThan(order.indexOf(line.definition.name));
    }
    const vat = evaluationOrder().find((l) => l.definition.name === "vat")!;
    expect([...vat.dependencies].sort()).toEqual(COST_LINE_DEFINITIONS.filter((l) => l.inVatBase).map((l) => l.name).sort());
  });

  it("refuses a cycle and an unknown dependency, naming them", () => {
    const line = (name: string, dependsOn: string[]) => ({ ...COST_LINE_DEFINITIONS[0], name, dependsOn }) as CostLineDefinition;
    expect(() => evaluationOrder([line("a", ["b"]), line("b", ["a"])])).toThrow(/cycle: a -> b -> a/);
    expect(() => evaluationOrder([line("a", ["nowhere"])])).toThrow(/unknown line 'nowhere'/);
  });

  it("gives every line a label in words", () => {
    for (const l of COST_LINE_DEFINITIONS) expect(lineLabel(l.name)).not.toBe(l.name);
    expect(lineLabel("placement:in-house-fostering")).toBe("Placements: in house fostering");
  });

  it("matches a hand ledger for the core lines of the first year", () => {
    const data = ledgerScenario({}, { overheads: { governance: 100_000 }, vat: { vatableShare: 0.1, irrecoverableShare: 1 } });
    const placements = 10 * 5000 * (365 / 7);
    const employed = 100 * 50_000 * 0.8;
    const agency = 100 * 50_000 * 1.5 * 0.2;
    const base = placements + employed + agency + 100_000 + 1_000_000;
    expect(lineValue(data, "placements", 0)).toBeCloseTo(placements, 6);
    expect(lineValue(data, "workforcePermanent", 0)).toBeCloseTo(employed, 6);
    expect(lineValue(data, "workforceAgency", 0)).toBeCloseTo(agency, 6);
    expect(lineValue(data, "vat", 0)).toBeCloseTo(base * 0.1 * 0.2, 6);
    expect(lineValue(data, "operating", 0)).toBeCloseTo(base * 1.02, 6);
    expect(lineValue(data, "overspend", 0)).toBeCloseTo(base * 1.02 - 10_000_000, 6);
  });
});
