import { readFileSync, readdirSync } from "node:fs";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { Aggregator, BLOCK_SIZE, BlockFolder, FIXED_NAN, FIXED_ZERO, emptyPartial, planAggregation, type AggregationMode } from "../src/engine/index.ts";
import { KeyedStream } from "../src/engine/rng/keyed-stream.ts";
import { compileScenario, parseScenario, type ScenarioInput } from "../src/model/index.ts";
import { modelOutputs } from "./helpers/model-outputs.ts";
import { zeroLines, fixedOutputs } from "../src/model/simulation/zero-lines.ts";

/**
 * Lines a scenario leaves out are known zero at compile time (CostLineDefinition.zeroWhen,
 * simulation/zero-lines.ts): the model writes zeros without evaluating them and the fold takes
 * their outputs as +0 without reading them. A wrong declaration would report a cost as nothing, so
 * every flagged output of every case scenario is checked against evaluating every line.
 */
const scenarioFiles = [
  ...readdirSync(new URL("../scenarios/", import.meta.url)).filter((f) => f.endsWith(".yaml")).map((f) => new URL(`../scenarios/${f}`, import.meta.url)),
  new URL("../bench/bradford-reference.yaml", import.meta.url),
];

function load(url: URL): ScenarioInput {
  return parse(readFileSync(url, "utf8")) as ScenarioInput;
}

/** Every output of two blocks with every line evaluated (no sharing, no zero lines skipped). */
function evaluatedOutputs(data: ScenarioInput): { compiled: ReturnType<typeof compileScenario>; all: Float64Array[] } {
  const compiled = compileScenario(parseScenario(data));
  return { compiled, all: modelOutputs(compiled, false) };
}

describe("lines known to be zero (zero-lines.ts)", () => {
  for (const url of scenarioFiles) {
    const name = url.pathname.split("/").slice(-2).join("/");
    it(`flag, in ${name}, only outputs that evaluating every line gives as +0 (or as NaN) in every lane`, () => {
      const { compiled, all } = evaluatedOutputs(load(url));
      const fixed = fixedOutputs(compiled);
      const wrong: number[] = [];
      fixed.forEach((flag, k) => {
        if (flag === FIXED_ZERO && !all[k].every((x) => x === 0 && 1 / x > 0)) wrong.push(k);
        if (flag === FIXED_NAN && !all[k].every((x) => Number.isNaN(x))) wrong.push(k);
        if (flag !== 0 && flag !== FIXED_ZERO && flag !== FIXED_NAN) wrong.push(k);
      });
      expect(wrong).toEqual([]);
    });
  }

  it("find the lines the reference workload leaves out, and none it has", () => {
    const compiled = compileScenario(parseScenario(load(scenarioFiles[scenarioFiles.length - 1])));
    const names = (o: number) => compiled.lines.filter((_, k) => zeroLines(compiled)[o][k]).map((l) => l.definition.name);
    const left = ["legalCosts", "highCostPlacements", "careLeavers", "recoveryDelivery", "uascGrant", "improvementPartnerFee", "improvementPartnerGrant"];
    for (let o = 0; o < compiled.options.length; o++) {
      expect(names(o)).toEqual(expect.arrayContaining(left));
      expect(names(o)).not.toContain("placements");
      expect(names(o)).not.toContain("workforceAgency");
    }
    // In-house: no company overheads, so no VAT on them and no overheads subtotal.
    const inHouse = compiled.options.findIndex((o) => o.kind === "in-house");
    expect(names(inHouse)).toEqual(expect.arrayContaining(["governance", "clientSide", "overheads", "vat"]));
  });

  it("flag as not applicable the reference workload's reserves sustainability (no option has finance) and reserves at failure (none can fail): 153 outputs", () => {
    const compiled = compileScenario(parseScenario(load(scenarioFiles[scenarioFiles.length - 1])));
    const fixed = fixedOutputs(compiled);
    expect(fixed.filter((f) => f === FIXED_NAN).length).toBe(3 * 10 * 5 + 3);
    expect(fixed[compiled.layout.reservesYears(1, 4)]).toBe(FIXED_NAN);
    expect(fixed[compiled.layout.failure(2, "reservesAtFailure")]).toBe(FIXED_NAN);
    // Slough's trust has finance (reserves, a failure threshold): its figures are read; its in-house option's are not.
    const slough = compileScenario(parseScenario(load(new URL("../scenarios/slough.yaml", import.meta.url))));
    const trust = slough.options.findIndex((o) => o.id === "trust");
    const inHouse = slough.options.findIndex((o) => o.id === "in-house");
    for (let t = 0; t < slough.years; t++) {
      expect(fixedOutputs(slough)[slough.layout.reservesYears(trust, t)]).toBe(0);
      expect(fixedOutputs(slough)[slough.layout.reservesYears(inHouse, t)]).toBe(FIXED_NAN);
    }
    expect(fixedOutputs(slough)[slough.layout.failure(trust, "reservesAtFailure")]).toBe(0);
  });

  it("lose nothing when a scenario gives a left-out line: legal costs in Bradford are evaluated, not taken as zero", () => {
    const data = load(scenarioFiles[scenarioFiles.length - 1]) as unknown as { baseline: Record<string, unknown> };
    data.baseline.legalCosts = { proceedingsPerChildLookedAfter: 0.18, costPerProceeding: 20000 };
    const { compiled, all } = evaluatedOutputs(data as unknown as ScenarioInput);
    const fixed = fixedOutputs(compiled);
    const legal = compiled.layout.yearly(0, 0, "legalCosts");
    expect(fixed[legal]).toBe(0);
    expect(all[legal][0]).toBeGreaterThan(0);
  });
});

describe("outputs fixed at +0 or NaN in the aggregation (aggregate.ts, plan.fixed)", () => {
  const size = 5;
  const blocks = 3;
  const iterations = blocks * BLOCK_SIZE - 200;
  const columnsOf = (b: number) => {
    const stream = new KeyedStream("fixed", `block-${b}`);
    const random = Float64Array.from({ length: BLOCK_SIZE }, () => stream.source() * 100 - 40);
    return [random, new Float64Array(BLOCK_SIZE), new Float64Array(BLOCK_SIZE), Float64Array.from(random), new Float64Array(BLOCK_SIZE).fill(Number.NaN)];
  };
  const run = (plan: AggregationMode) => {
    const aggregator = new Aggregator(size, iterations, plan);
    const part = emptyPartial(size, 0, iterations, plan);
    const folder = new BlockFolder(part, plan, size);
    for (let start = 0; start < iterations; start += BLOCK_SIZE) folder.accept(columnsOf(start / BLOCK_SIZE), start, Math.min(BLOCK_SIZE, iterations - start));
    folder.complete();
    aggregator.add(part);
    return aggregator.stats();
  };
  const pilot = { from: 0, to: BLOCK_SIZE, columns: columnsOf(0) };

  for (const exact of [true, false]) {
    it(`give the statistics of reading every value (${exact ? "exact" : "binned"})`, () => {
      const fixed = Uint8Array.from([0, FIXED_ZERO, FIXED_ZERO, 0, FIXED_NAN]);
      const flagged = planAggregation(size, exact ? iterations : 1e9, pilot, fixed);
      const unflagged = planAggregation(size, exact ? iterations : 1e9, pilot);
      expect(flagged.exact).toBe(exact);
      const stats = run(flagged);
      expect(stats).toEqual(run(unflagged));
      expect(stats[4]).toBeNull();
    });
  }

  it("refuse a plan whose pilot has a flagged output that is not +0", () => {
    expect(() => planAggregation(size, 1e9, pilot, Uint8Array.from([1, 0, 0, 0, 0]))).toThrow(/output 0 is declared zero throughout, but iteration 0 has/);
    const negativeZero = { ...pilot, columns: [pilot.columns[0], new Float64Array(BLOCK_SIZE).fill(-0), pilot.columns[2], pilot.columns[3], pilot.columns[4]] };
    expect(() => planAggregation(size, 1e9, negativeZero, Uint8Array.from([0, 1, 0, 0, 0]))).toThrow(/output 1 is declared zero/);
    expect(() => planAggregation(size, 1e9, pilot, Uint8Array.from([0, 0, FIXED_NAN, 0, 0]))).toThrow(/output 2 is declared not applicable \(NaN\) throughout, but iteration 0 has 0/);
  });
});
