import { describe, expect, it, vi } from "vitest";
import {
  compileScenario, concatColumns, parseScenario, runScenario, runScenarioAsync, simulateRange,
} from "../src/model/index.ts";
import { resultsJson } from "../src/report/index.ts";
import { scenarioData } from "./helpers/scenarios.ts";

// Whole simulations and worker threads: seconds, not milliseconds, on a 2-core machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const scenario = parseScenario(scenarioData("template"));

describe("reproducibility", () => {
  it("gives byte-identical JSON for the same scenario, seed and iterations", () => {
    const a = resultsJson(runScenario(scenario, { iterations: 1500, seed: "r1" }));
    const b = resultsJson(runScenario(scenario, { iterations: 1500, seed: "r1" }));
    expect(a).toBe(b);
  });

  it("gives different numbers for a different seed", () => {
    const a = runScenario(scenario, { iterations: 1500, seed: "r1" });
    const b = runScenario(scenario, { iterations: 1500, seed: "r2" });
    expect(a.options[0].horizon.totalCost.mean).not.toBe(b.options[0].horizon.totalCost.mean);
  });

  it("gives the same columns whatever the batch sizes", () => {
    const compiled = compileScenario(scenario, "r1");
    const whole = simulateRange(compiled, 0, 3001);
    const parts = concatColumns([simulateRange(compiled, 1234, 3001), simulateRange(compiled, 0, 7), simulateRange(compiled, 7, 1234)]);
    expect(parts.columns.length).toBe(whole.columns.length);
    const bits = (c: Float64Array) => Buffer.from(c.buffer, c.byteOffset, c.byteLength);
    whole.columns.forEach((c, k) => expect(bits(parts.columns[k]).equals(bits(c))).toBe(true));
  });

  it("gives the same JSON in this thread (yielding between blocks) as in one pass", async () => {
    const a = resultsJson(runScenario(scenario, { iterations: 4321, seed: "r1" }));
    const b = resultsJson(await runScenarioAsync(scenario, { iterations: 4321, seed: "r1", workers: 1 }));
    expect(b).toBe(a);
  });

  it("leaves an option's results unchanged when another option is removed (draws keyed by name)", () => {
    const data = scenarioData("template");
    const fewer = parseScenario({ ...data, options: data.options.filter((o) => o.id !== "partnership") });
    const a = runScenario(scenario, { iterations: 1000 });
    const b = runScenario(fewer, { iterations: 1000 });
    expect(b.options.find((o) => o.id === "trust")).toEqual(a.options.find((o) => o.id === "trust"));
  });
});
