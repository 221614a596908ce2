import { describe, expect, it } from "vitest";
import { columnViews } from "../src/engine/index.ts";
import { compileScenario, parseScenario, ScenarioModel, type ScenarioInput } from "../src/model/index.ts";
import { LANES } from "../src/model/inputs/input-sampler.ts";
import { scenarioData } from "./helpers/scenarios.ts";
import { modelOutputs } from "./helpers/model-outputs.ts";

/**
 * A shared line that does not read the option's effects is evaluated once a year and copied to
 * every option on the same children's path (scenario-model.ts). If a line read the effects without
 * declaring `readsEffects`, or the key missed something it depends on, an option's copy would
 * differ from its own evaluation: every output is compared bit for bit with sharing switched off.
 */
function outputs(data: ScenarioInput, shareLines: boolean): Float64Array[] {
  return modelOutputs(compileScenario(parseScenario(data)), shareLines);
}

function expectSameBits(a: Float64Array[], b: Float64Array[]): void {
  expect(a.length).toBe(b.length);
  a.forEach((column, k) => {
    const x = Buffer.from(column.buffer, column.byteOffset, column.byteLength);
    const y = Buffer.from(b[k].buffer, b[k].byteOffset, b[k].byteLength);
    if (!x.equals(y)) throw new Error(`output ${k} differs when shared lines are copied`);
  });
}

/** Bradford with a fourth option whose effects are constants (shared under their values) and a transfer. */
function bradfordWithConstantEffects(): ScenarioInput {
  const data = scenarioData("bradford") as unknown as { options: Record<string, unknown>[] };
  data.options.push({ id: "trust-constant", label: "Trust, constant effects", kind: "trust", effects: { placementCostFactor: 0.95, agencyShareChange: -0.02, rampYears: 2 } });
  return data as unknown as ScenarioInput;
}

describe("shared lines evaluated once and copied", () => {
  it("give every output of Bradford (random and constant effects) the bits of evaluating each option", () => {
    const data = bradfordWithConstantEffects();
    expectSameBits(outputs(data, true), outputs(data, false));
  });

  it("give every output of Slough (contingency plans that move the service) the bits of evaluating each option", () => {
    const data = scenarioData("slough");
    expectSameBits(outputs(data, true), outputs(data, false));
  });

  it("give every output of Worcestershire (a scheduled transfer) the bits of evaluating each option", () => {
    const data = scenarioData("worcestershire");
    expectSameBits(outputs(data, true), outputs(data, false));
  });

  it("fail the comparison when a line that reads the effects is shared (the check can fail)", () => {
    const data = bradfordWithConstantEffects();
    const compiled = compileScenario(parseScenario(data));
    const placements = compiled.lines.find((l) => l.definition.name === "placements")!;
    const declared = placements.definition.readsEffects;
    placements.definition.readsEffects = false;
    try {
      const model = new ScenarioModel(compiled, true);
      const block = columnViews(compiled.layout.size, LANES);
      compiled.inputs.drawLanes(Int32Array.from({ length: LANES }, (_, i) => i), LANES);
      model.evaluateBlock(LANES, block);
      const trust = block[compiled.layout.yearly(0, 5, "placements")];
      const recovery = block[compiled.layout.yearly(3, 5, "placements")];
      // Wrongly shared: the constant-effects option copies the trust's placements.
      expect(Buffer.from(recovery.buffer, recovery.byteOffset, recovery.byteLength).equals(Buffer.from(trust.buffer, trust.byteOffset, trust.byteLength))).toBe(true);
    } finally {
      placements.definition.readsEffects = declared;
    }
  });
});

/**
 * Conditioning evaluates only the years and options its figures read (simulate.ts,
 * PartialEvaluation): an option's lines never read another option's lines or inputs, so each option
 * it lists must get, year by year, the bits of a full pass, children's flows and recovery paths
 * included, with only its own inputs and the baseline's drawn.
 */
describe("a partial evaluation (years and options, for conditioning)", () => {
  for (const [name, data] of [["Bradford (recovery paths, flows)", bradfordWithConstantEffects()], ["Worcestershire (a transfer)", scenarioData("worcestershire")]] as const) {
    it(`gives each option it lists the yearly bits of a full pass: ${name}`, () => {
      const compiled = compileScenario(parseScenario(data));
      const layout = compiled.layout;
      const lanes = Int32Array.from({ length: LANES }, (_, i) => 3 * i + 1);
      const full = columnViews(layout.size, LANES);
      compiled.inputs.drawLanes(lanes, LANES);
      new ScenarioModel(compiled).evaluateBlock(LANES, full);
      const throughYear = 2;
      for (let o = 0; o < layout.optionCount; o++) {
        const part = columnViews(layout.size, LANES).map((c) => c.fill(Number.NaN));
        // Compiled afresh: the other options' inputs, not drawn here, were never drawn at all.
        const fresh = compileScenario(parseScenario(data));
        fresh.inputs.drawLanes(lanes, LANES, 0, throughYear, undefined, [fresh.options[o].id]);
        new ScenarioModel(fresh).evaluateBlock(LANES, part, { throughYear, options: [o] });
        for (let t = 0; t <= throughYear; t++) {
          for (let j = 0; j < layout.lineCount; j++) {
            const k = layout.yearlyBase(o, t) + j;
            const x = Buffer.from(full[k].buffer, full[k].byteOffset, full[k].byteLength);
            if (!x.equals(Buffer.from(part[k].buffer, part[k].byteOffset, part[k].byteLength))) throw new Error(`option ${o}, year ${t}, line ${layout.lineNames[j]} differs in a partial evaluation`);
          }
        }
        // Options not listed are left alone (here, as filled).
        const other = (o + 1) % layout.optionCount;
        expect(Number.isNaN(part[layout.yearly(other, 0, "budget")][0])).toBe(true);
      }
    });
  }
});
