import seedrandom from "seedrandom";
import { describe, expect, it, vi } from "vitest";
import { correlationRoot, imanConover, lognormal, pert, smallestEigenvalue, spearman, uniform } from "../src/engine/index.ts";
import { draw } from "./helpers/sample-moments.ts";

// Whole simulations and worker threads: seconds, not milliseconds, on a 2-core machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

describe("imanConover(samples, root)", () => {
  const target = [
    [1, 0.6, -0.3],
    [0.6, 1, 0.2],
    [-0.3, 0.2, 1],
  ];
  const n = 1024;
  const samples = [
    draw(pert(seedrandom.alea("ic-a"), 4600, 6100, 10000), n),
    draw(uniform(seedrandom.alea("ic-b"), -0.02, 0.03), n),
    draw(lognormal(seedrandom.alea("ic-c"), 0, 0.5), n),
  ];
  const before = samples.map((s) => Float64Array.from(s).sort());
  imanConover(samples, correlationRoot(target));

  it("reaches each target rank correlation of a 3x3 matrix within 0.05", () => {
    for (let i = 0; i < 3; i++) for (let j = i + 1; j < 3; j++) {
      expect(Math.abs(spearman(samples[i], samples[j]) - target[i][j]), `rho(${i},${j})`).toBeLessThan(0.05);
    }
  });

  it("leaves every marginal unchanged (the same values, reordered)", () => {
    samples.forEach((s, j) => expect(Float64Array.from(s).sort()).toEqual(before[j]));
  });
});

describe("smallestEigenvalue(matrix)", () => {
  it("tells a valid correlation matrix from one that is not positive semi-definite", () => {
    expect(smallestEigenvalue([[1, 0.5], [0.5, 1]])).toBeCloseTo(0.5, 12);
    // Pairwise plausible, jointly impossible: a with b and b with c at 0.9, a with c at -0.9.
    expect(smallestEigenvalue([[1, 0.9, -0.9], [0.9, 1, 0.9], [-0.9, 0.9, 1]])).toBeLessThan(0);
  });
});

describe("correlations in a scenario", async () => {
  const { compileScenario, parseScenario, runScenario, runScenarioAsync } = await import("../src/model/index.ts");
  const { resultsJson } = await import("../src/report/index.ts");
  const { scenarioData } = await import("./helpers/scenarios.ts");
  const keys = ["baseline.placements.residential.weeklyUnitCost", "baseline.workforce.agencyPremium", "baseline.placements.supported-accommodation.weeklyUnitCost"];
  const withCorrelation = (matrix: number[][], inputs = keys) => {
    const d = scenarioData("template");
    (d as Record<string, unknown>).correlations = [{ inputs, matrix, note: "assumption: prices and agency costs rise together" }];
    return d;
  };
  const matrix = [
    [1, 0.5, 0.4],
    [0.5, 1, 0.3],
    [0.4, 0.3, 1],
  ];

  it("gives the drawn inputs the target rank correlations, within 0.05", () => {
    const compiled = compileScenario(parseScenario(withCorrelation(matrix)));
    const inputs = compiled.inputs.uncertainInputs().filter((x) => keys.includes(x.key));
    const values = inputs.map((x) => compiled.inputs.slotValues(x.slot, 4096));
    const at = (key: string) => values[inputs.findIndex((x) => x.key === key)];
    expect(Math.abs(spearman(at(keys[0]), at(keys[1])) - 0.5)).toBeLessThan(0.05);
    expect(Math.abs(spearman(at(keys[0]), at(keys[2])) - 0.4)).toBeLessThan(0.05);
    expect(Math.abs(spearman(at(keys[1]), at(keys[2])) - 0.3)).toBeLessThan(0.05);
  });

  it("keeps results identical for 1 and 2 workers and uneven iteration counts", async () => {
    const scenario = parseScenario(withCorrelation(matrix));
    const one = resultsJson(runScenario(scenario, { iterations: 3333 }));
    expect(resultsJson(await runScenarioAsync(scenario, { iterations: 3333, workers: 2 }))).toBe(one);
  });

  it.each([
    ["a matrix that is not positive semi-definite", withCorrelation([[1, 0.9, -0.9], [0.9, 1, 0.9], [-0.9, 0.9, 1]]), /correlations\[0\]\.matrix: expected a positive semi-definite matrix .* smallest eigenvalue is -0\.\d+/],
    ["an asymmetric matrix", withCorrelation([[1, 0.5, 0.4], [0.2, 1, 0.3], [0.4, 0.3, 1]]), /correlations\[0\]\.matrix: expected a symmetric matrix/],
    ["an input drawn each year", withCorrelation([[1, 0.5], [0.5, 1]], [keys[0], "baseline.childrenGrowth"]), /correlations\[0\]\.inputs\[1\]: 'baseline\.childrenGrowth' is drawn each year/],
    ["an unknown input", withCorrelation([[1, 0.5], [0.5, 1]], [keys[0], "baseline.colour"]), /correlations\[0\]\.inputs\[1\]: expected an input of this scenario/],
  ])("refuses %s, naming the field", (_, data, message) => {
    expect(() => parseScenario(data)).toThrow(message);
  });
});
