import { describe, expect, it } from "vitest";
import { betaCdf } from "../src/engine/index.ts";
import { join } from "node:path";
import { compileScenario, loadPortfolio, parseScenario, runPortfolio, stressScenario } from "../src/model/index.ts";
import { scenarioData } from "./helpers/scenarios.ts";

// Slough's residential weekly unit cost is pert(2516, 3337, 5470): min + (max - min) Beta(a, b) with
// a = 1 + 4 (mode - min) / (max - min), b = 1 + 4 (max - mode) / (max - min).
const KEY = "baseline.placements.residential.weeklyUnitCost";
const [min, mode, max] = [2516, 3337, 5470];
const cdf = (x: number) => betaCdf(1 + (4 * (mode - min)) / (max - min), 1 + (4 * (max - mode)) / (max - min), (x - min) / (max - min));

describe("stress analysis", () => {
  const scenario = parseScenario(scenarioData("slough"));
  const n = 4000;
  const base = compileScenario(scenario, "stress-test");
  const tail = compileScenario(scenario, "stress-test");
  tail.inputs.stress(KEY, 0.9, 1);

  it("draws the stressed input from its P90-P100 tail with the tail's distribution (Kolmogorov-Smirnov)", () => {
    const slot = base.inputs.uncertainInputs().find((i) => i.key === KEY)!.slot;
    const values = Float64Array.from(tail.inputs.slotValues(slot, n)).sort();
    // Conditioned on the tail, F(X) is uniform on [0.9, 1]: (F(x) - 0.9) / 0.1 against the empirical CDF.
    let d = 0;
    values.forEach((x, i) => {
      const f = (cdf(x) - 0.9) / 0.1;
      d = Math.max(d, Math.abs(f - i / n), Math.abs(f - (i + 1) / n));
    });
    expect(cdf(values[0])).toBeGreaterThanOrEqual(0.9 - 1e-9);
    // The 1% critical value of the one-sample KS statistic: 1.63 / sqrt(n).
    expect(d).toBeLessThan(1.63 / Math.sqrt(n));
    // The unstressed draws are not in the tail (the check can fail).
    const plain = Float64Array.from(base.inputs.slotValues(slot, n));
    expect(plain.filter((x) => cdf(x) >= 0.9).length / n).toBeLessThan(0.15);
  });

  it("leaves every other input's draws byte-identical", () => {
    for (const input of base.inputs.uncertainInputs()) {
      if (input.key === KEY) continue;
      for (let t = 0; t < input.width; t++) {
        const a = base.inputs.slotValues(input.slot + t, 1024);
        const b = tail.inputs.slotValues(input.slot + t, 1024);
        expect(Buffer.from(b.buffer).equals(Buffer.from(a.buffer)), `${input.key} year ${t}`).toBe(true);
      }
    }
  });

  it("reports each option's and plan's cost stressed against unstressed, with the paired difference", () => {
    const r = stressScenario(scenario, [{ key: KEY, lo: 0.9, hi: 1 }], { iterations: 1000, seed: "stress-test" });
    const trust = r.options.find((o) => o.id === "trust")!;
    expect(trust.totalCost.difference.mean).toBeCloseTo(trust.totalCost.stressed.mean - trust.totalCost.unstressed.mean, 0);
    expect(trust.totalCost.difference.mean).toBeGreaterThan(4 * trust.totalCost.difference.se);
    expect(trust.plans!.map((p) => p.id)).toEqual(scenario.contingencyPlans.map((p) => p.id));
    expect(trust.probabilityFails!.stressed).toBeGreaterThan(trust.probabilityFails!.unstressed);
  });

  it("refuses an input that is yearly, unknown or a bad tail, naming it", () => {
    const c = compileScenario(scenario, "stress-test");
    expect(() => c.inputs.stress("baseline.nothing", 0.9, 1)).toThrow(/expected an input of this scenario/);
    expect(() => c.inputs.stress(KEY, 0.9, 0.5)).toThrow(/expected a tail 0 <= lo < hi <= 1/);
    const yearly = c.inputs.uncertainInputs().find((i) => i.width > 1)!;
    expect(() => c.inputs.stress(yearly.key, 0.9, 1)).toThrow(/drawn each year/);
  });
});

describe("stress for a portfolio", () => {
  const ROOT = join(import.meta.dirname, "..");
  it("reruns the outcomes on the same futures: the rest of the report is unchanged, each plan's cost paired", { timeout: 120_000 }, async () => {
    const loaded = await loadPortfolio(join(ROOT, "test/helpers/portfolio-pair.yaml"), join(ROOT, "seeds"));
    const small = { ...loaded, portfolio: { ...loaded.portfolio, conditioning: "prior" as const, iterations: 1000 } };
    const plain = await runPortfolio(small);
    const { stress, ...rest } = await runPortfolio(small, { stress: [{ key: KEY, lo: 0.9, hi: 1 }] });
    expect(JSON.stringify(rest)).toBe(JSON.stringify(plain));
    expect(stress!.members).toEqual(["slough", "sandwell"]);
    for (const p of stress!.plans) {
      expect(p.difference.mean).toBeGreaterThan(4 * p.difference.se);
      expect(Math.abs(p.difference.mean - (p.stressed.mean - p.unstressed.mean))).toBeLessThanOrEqual(1);
    }
    await expect(runPortfolio(small, { stress: [{ key: "baseline.nothing", lo: 0.9, hi: 1 }] })).rejects.toThrow(/no member has every input/);
  });
});
