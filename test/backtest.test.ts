import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { backtest, loadEvidence, loadScenario } from "../src/model/index.ts";

vi.setConfig({ testTimeout: 300_000, hookTimeout: 300_000 });

const ROOT = join(import.meta.dirname, "..");

describe("rolling-origin backtest of published overspends (fixed seed)", async () => {
  const records = await loadEvidence(join(ROOT, "seeds"));
  const files = readdirSync(join(ROOT, "scenarios")).filter((f) => f.endsWith(".yaml")).sort();
  const scenarios = await Promise.all(files.map((f) => loadScenario(join(ROOT, "scenarios", f))));
  const report = backtest(scenarios, records, { iterations: 1000, seed: "backtest-test" });
  const s = report.summary;

  it("forecasts every case with a series, and at least 15 published figures", () => {
    expect(new Set(report.forecasts.map((f) => f.scenario))).toEqual(new Set(["bradford", "doncaster", "northamptonshire", "reading", "sandwell", "slough", "sunderland", "worcestershire"]));
    expect(s.forecasts).toBeGreaterThanOrEqual(15);
  });

  it("never conditions a forecast on evidence from the year it forecasts or later", () => {
    for (const f of report.forecasts) {
      expect(f.evidenceUsed, `${f.scenario} ${f.year}`).not.toContain(f.record);
      expect(f.yearsAhead).toBeGreaterThan(0);
    }
  });

  it("covers the published figures with its 80% and 90% bands as often as they promise (Clopper-Pearson 95%)", () => {
    expect(s.coverage80.consistentWithNominal, JSON.stringify(s.coverage80)).toBe(true);
    expect(s.coverage90.consistentWithNominal, JSON.stringify(s.coverage90)).toBe(true);
  });

  it("has positive CRPS skill against both naive forecasts", () => {
    expect(s.skillVsLast).toBeGreaterThan(0);
    expect(s.skillVsNational).toBeGreaterThan(0);
  });
});
