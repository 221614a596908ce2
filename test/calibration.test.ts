import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { calibrate, loadScenario, loadEvidence, maxBandWidth, runScenario } from "../src/model/index.ts";

// Whole simulations and worker threads: seconds, not milliseconds, on a 2-core machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const ROOT = join(import.meta.dirname, "..");
const seeds = await loadEvidence(join(ROOT, "seeds"));
const files = readdirSync(join(ROOT, "scenarios")).filter((f) => f.endsWith(".yaml")).sort();
const published = (id: string) => seeds.get(id)!;

describe("calibration against seeds/", () => {
  it.each(files)("%s: every target inside its band, and no band implausibly wide", async (file) => {
    const scenario = await loadScenario(join(ROOT, "scenarios", file));
    const rows = calibrate(scenario, seeds);
    if (!scenario.illustrative) expect(rows.length, "a calibrated scenario has targets").toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.covered, `${r.seed} (${r.option}, ${r.year}): published ${JSON.stringify(r.published)} vs P10 ${r.p10} P50 ${r.p50} P90 ${r.p90}`).toBe(true);
      expect(r.bandOk, `${r.seed}: band ${r.p90 - r.p10} wider than ${r.maxBandWidth}`).toBe(true);
    }
  });

  it("fails a target when the scenario drifts (Bradford with the budget 10% higher)", async () => {
    const scenario = await loadScenario(join(ROOT, "scenarios", "bradford.yaml"));
    scenario.baseline.budget.amount = 174_000_000 * 1.1;
    const rows = calibrate(scenario, seeds, { iterations: 2000 });
    expect(rows.find((r) => r.seed === "bradford-2023-24-overspend")!.covered).toBe(false);
  });

  it("sets the band rule as stated: 2x for an overspend, 0.5x for a level", () => {
    expect([maxBandWidth("overspend", -42.3), maxBandWidth("budget", 174)]).toEqual([84.6, 87]);
  });
});

describe("Bradford, first year (2023-24), against the published ranges", async () => {
  const scenario = await loadScenario(join(ROOT, "scenarios", "bradford.yaml"));
  const r = runScenario(scenario);
  const trust = r.options.find((o) => o.id === "trust")!;
  const year0 = (line: string) => trust.yearly[line][0];
  const budget = published("bradford-2023-24-net-budget").value!;

  it("puts the mean first-year overspend at the published 42.3m, within 4 standard errors or 1% of budget", () => {
    const overspend = year0("overspend");
    expect(Math.abs(overspend.mean - published("bradford-2023-24-overspend").value!)).toBeLessThan(Math.max(4 * overspend.se, 0.01 * budget));
  });

  it("has irrecoverable VAT between 1% and 4% of the contract (seeds/vat-share-of-contract-range)", () => {
    const range = published("vat-share-of-contract-range");
    expect(year0("vat").p10 / budget).toBeGreaterThanOrEqual(range.low!);
    expect(year0("vat").p90 / budget).toBeLessThanOrEqual(range.high!);
  });

  it("has residential placements costing more than their published overspend, at a weekly cost inside the national range", () => {
    const residential = year0("placement:residential");
    expect(residential.p10).toBeGreaterThan(published("bradford-2023-24-residential-overspend").value!);
    const children = 188;
    const weekly = (x: number) => x / children / (365 / 7);
    const range = published("residential-weekly-range");
    expect(weekly(residential.p10)).toBeGreaterThanOrEqual(range.low!);
    expect(weekly(residential.p90)).toBeLessThanOrEqual(range.high!);
  });

  it("has agency staff costing more than their published overspend, with the agency share inside national-to-struggling range", () => {
    expect(year0("workforceAgency").p10).toBeGreaterThan(published("bradford-2023-24-agency-overspend").value!);
    const share = scenario.baseline.workforce.agencyShare as { min: number; max: number };
    expect(share.min).toBeGreaterThanOrEqual(published("agency-share-range").low!);
    expect(share.max).toBeLessThanOrEqual(published("agency-share-struggling-councils").high!);
  });

  it("makes placements and agency staff the main drivers: together over half the cost", () => {
    expect((year0("placements").mean + year0("workforceAgency").mean) / year0("operating").mean).toBeGreaterThan(0.5);
  });
});
