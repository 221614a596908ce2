import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { coverageSummary } from "../src/engine/index.ts";
import { balancingItems, calibrate, loadEvidence, loadScenario, maxBandWidth, parseScenario, validateScenario } from "../src/model/index.ts";
import { scenarioData } from "./helpers/scenarios.ts";

// Whole simulations: seconds, not milliseconds, on a 2-core machine.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const ROOT = join(import.meta.dirname, "..");
const seeds = await loadEvidence(join(ROOT, "seeds"));
const files = readdirSync(join(ROOT, "scenarios")).filter((f) => f.endsWith(".yaml")).sort();

describe("honest calibration (issue 11)", async () => {
  const scenarios = await Promise.all(files.map((f) => loadScenario(join(ROOT, "scenarios", f))));
  const rows = scenarios.flatMap((s) => calibrate(s, seeds, { iterations: 2000, seed: "calibration-test" }));

  it("never uses a record both as evidence and as a check in one scenario", () => {
    for (const s of scenarios) {
      const evidence = new Set(s.evidence.map((e) => e.record));
      for (const t of s.targets) expect(evidence.has(t.seed), `${s.id}: ${t.seed}`).toBe(false);
    }
    const data = scenarioData("doncaster");
    data.targets = [{ seed: "doncaster-2017-18-forecast-overspend", option: "trust-run-on", year: 2017, output: "overspend" }];
    expect(() => parseScenario(data)).toThrow(/either evidence or a check, never both/);
  });

  it("reports an output that copies an input as an input check, never counted as met", () => {
    const copies = rows.filter((r) => r.role === "input check");
    expect(copies.map((r) => r.seed)).toContain("worcestershire-governance-saving"); // the input cites the same record
    for (const r of copies) expect(r.met).toBe(false);
    const data = scenarioData("bradford");
    data.targets = [{ seed: "bradford-2023-24-net-budget", option: "trust", year: 2023, output: "budget" }];
    const [budget] = calibrate(parseScenario(data), seeds, { iterations: 1024 });
    expect([budget.role, budget.p10 === budget.p90, budget.met]).toEqual(["input check", true, false]);
  });

  it("puts the published checks inside their P10-P90 bands as often as an 80% band should (Clopper-Pearson 95%)", () => {
    const checks = rows.filter((r) => r.role === "check");
    expect(checks.length).toBeGreaterThan(0);
    const coverage = coverageSummary(checks.map((r) => r.covered), 0.8);
    expect(coverage.consistentWithNominal, JSON.stringify(checks.map((r) => [r.seed, r.published, r.p10, r.p90]))).toBe(true);
  });

  it("fails a band that straddles zero for a figure that is not zero", () => {
    const data = scenarioData("slough");
    // A wide band around zero on purpose: other spend 3.5m lower with a 10m spread a year, and no evidence to narrow it.
    const other = data.baseline.otherSpend as { mean: number };
    data.baseline.otherSpend = { dist: "normal", mean: other.mean - 3_500_000, sd: 10_000_000, note: "test: a band around zero" };
    data.evidence = [];
    // Negative other spend is implausible on purpose, so the authoring checks (which would refuse it) are skipped.
    const [row] = calibrate(validateScenario(data, "test", { authoring: false }).scenario, seeds, { iterations: 1024 });
    expect(row.p10 < 0 && row.p90 > 0).toBe(true);
    expect([row.bandOk, row.bandNote, row.met]).toEqual([false, "straddles zero: cannot say whether it is above or below", false]);
  });

  it("labels every balancing item and prints its value", () => {
    const items = scenarios.flatMap((s) => balancingItems(s));
    expect(items.map((b) => b.scenario).sort()).toEqual(scenarios.filter((s) => s.id !== "template").map((s) => s.id).sort());
    for (const b of items) expect(b.distribution).toMatch(/normal\(mean \d+/);
  });

  it("sets the band rule as stated: 2x for an overspend, 0.5x for a level", () => {
    expect([maxBandWidth("overspend", -42.3), maxBandWidth("budget", 174)]).toEqual([84.6, 87]);
  });
});
