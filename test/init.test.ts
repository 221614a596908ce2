import { describe, expect, it } from "vitest";
import { initScenario, parseScenario, quantityMean, runScenario, WEEKS_PER_YEAR } from "../src/model/index.ts";

describe("init: a scenario for a council that has none", () => {
  const facts = { id: "new-council", area: "A council", startYear: 2025, budget: 80_000_000, childrenLookedAfter: 500, staffFte: 400, agencyShare: 0.15 };
  const { scenario, balancing } = initScenario(facts);
  const parsed = parseScenario(scenario);

  it("validates and runs", () => {
    const r = runScenario(parsed, { iterations: 1024 });
    expect(r.options.map((o) => o.id)).toEqual(["trust", "in-house"]);
  });

  it("uses the council's own budget, children and staff, and cites national records or says 'assumption' for the rest", () => {
    expect(parsed.baseline.budget.amount).toBe(80_000_000);
    const children = Object.values(parsed.baseline.placements).reduce((s, p) => s + quantityMean(p.children), 0);
    // The five costed types of the national mix hold 89.5%; the rest (placed with parents, other) cost no placement.
    expect(Math.abs(children - 0.895 * 500)).toBeLessThanOrEqual(3);
    // The council's own levels (children, prices, staff, other spend) carry no other council's record; other
    // councils' evidence appears only where it bounds a national rule (budget rules, demand jumps), named in a note.
    const { budget, placements, workforce, otherSpend } = (scenario as { baseline: Record<string, unknown> }).baseline;
    const text = JSON.stringify({ placements, workforce, otherSpend });
    for (const other of ["bradford", "sandwell", "worcestershire", "doncaster", "slough", "reading", "sunderland", "northamptonshire"]) expect(text).not.toContain(`seeds/${other}`);
    expect(JSON.stringify(budget)).toMatch(/Northamptonshire.*Sunderland/);
  });

  it("balances other spend to this council's budget and the national average overspend, labelled (hand calculation)", () => {
    const other = parsed.baseline.otherSpend as { mean: number; balancing: boolean; note: string };
    expect(other.balancing).toBe(true);
    expect(other.note).toMatch(/balancing item/);
    const placements = Object.values(parsed.baseline.placements).reduce((s, p) => s + quantityMean(p.children) * quantityMean(p.weeklyUnitCost) * WEEKS_PER_YEAR, 0);
    expect(balancing.expectedPlacements).toBeCloseTo(placements, 0);
    expect(other.mean).toBe(Math.round(80_000_000 * (1 + balancing.nationalShare) - balancing.expectedPlacements - balancing.expectedWorkforce));
    expect(balancing.nationalShare).toBe(0.142);
  });
});
