import { describe, expect, it } from "vitest";
import { parseScenario, runScenario } from "../src/model/index.ts";
import { scenarioData } from "./helpers/scenarios.ts";
import { testApp, waitForRun } from "./helpers/server.ts";

// scenarios/under-direction.yaml: a council under a DfE direction, a new trust against an improvement partner.
describe("under-direction: a new trust against an improvement partner", () => {
  const r = runScenario(parseScenario(scenarioData("under-direction")), { iterations: 2_000 });
  const option = (id: string) => r.options.find((o) => o.id === id)!;

  it("runs the new trust in-house until go-live in 2027-28, then on the trust's terms (VAT, board, client side)", () => {
    const trust = option("new-trust").yearly;
    expect(r.years.indexOf("2027-28")).toBe(2);
    for (const t of [0, 1]) {
      expect(trust.vat[t].mean).toBe(0);
      expect(trust.governance[t].mean).toBe(0);
      expect(trust.setupGross[t].mean).toBeGreaterThan(0);
    }
    for (let t = 2; t < r.years.length; t++) {
      expect(trust.vat[t].p10).toBeGreaterThan(0);
      expect(trust.governance[t].p10).toBeGreaterThan(0);
      expect(trust.setupGross[t].mean).toBe(0);
    }
  });

  it("pays the improvement partner for three years, the DfE's share booked to the DfE", () => {
    const partner = option("improvement-partner");
    for (let t = 0; t < r.years.length; t++) expect(partner.yearly.improvementPartnerFee[t].mean > 0).toBe(t < 3);
    const grant = partner.yearly.improvementPartnerGrant.slice(0, 3).reduce((s, x) => s + x.mean, 0);
    // No set-up, no failure plan: the DfE's whole cost is its share of the fee.
    expect(partner.horizon.dfeCost.mean).toBeCloseTo(grant, -3);
    expect(partner.yearly.vat.every((s) => s.mean === 0)).toBe(true);
  });

  it("compares the two on the same futures", () => {
    const c = r.comparisons.find((x) => x.a === "improvement-partner" && x.b === "new-trust")!;
    expect(c.probabilityACheaper.p).toBeGreaterThan(0);
    expect(c.probabilityACheaper.p).toBeLessThan(1);
  });

  it("has a page whose form offers the partner's fee and the DfE's share, and says what the choice is", async () => {
    const app = await testApp();
    try {
      const page = await app.inject({ method: "GET", url: "/scenario/under-direction" });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain("improvement partner (a strong council");
      expect(page.body).toContain('data-path="options.improvement-partner.improvementPartner.fee');
      expect(page.body).toContain('data-path="options.improvement-partner.improvementPartner.dfeFundedShare');
      // Its results page: the partner's lines in the plan table, and the pair compared.
      const started = await app.inject({ method: "POST", url: "/runs", payload: { scenarioId: "under-direction", iterations: 2_000 } });
      expect(started.statusCode).toBe(202);
      const id = started.json().id as string;
      expect((await waitForRun(app, id, 90_000)).status).toBe("done");
      const report = (await app.inject({ method: "GET", url: `/runs/${id}/report` })).body;
      expect(report).toContain("less the DfE&#39;s funding of the improvement partner");
      expect(report).toMatch(/Improvement partner: a strong council&#39;s leadership alongside, no new company minus New children&#39;s trust/);
    } finally {
      await app.close();
    }
  });
});
