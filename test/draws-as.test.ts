import { describe, expect, it } from "vitest";
import { compileScenario, parseScenario, simulateRange } from "../src/model/index.ts";
import { scenarioData } from "./helpers/scenarios.ts";

describe("option variants share their draws (drawsAs)", () => {
  it("gives Bradford's trust and its recovery-plan variant the same VAT and governance draws, every iteration", () => {
    const compiled = compileScenario(parseScenario(scenarioData("bradford")));
    const sim = simulateRange(compiled, 0, 500);
    const col = (o: number, line: string) => sim.columns[compiled.layout.yearly(o, 0, line)];
    expect(Array.from(col(1, "governance"))).toEqual(Array.from(col(0, "governance")));
    // Listed under the variant's own path, drawn from the trust's stream: the same values every iteration.
    const keys = compiled.inputs.assumptions.map((a) => a.key);
    expect(keys).toContain("options.trust-recovery.vat.irrecoverableShare");
    const slot = (key: string) => compiled.inputs.uncertainInputs().find((x) => x.key === key)!.slot;
    expect(Array.from(compiled.inputs.slotValues(slot("options.trust-recovery.vat.irrecoverableShare"), 300))).toEqual(
      Array.from(compiled.inputs.slotValues(slot("options.trust.vat.irrecoverableShare"), 300)),
    );
  });

  it("draws a variant independently without it (the first round's behaviour)", () => {
    const data = scenarioData("bradford");
    for (const o of data.options) delete (o as { drawsAs?: string }).drawsAs;
    const compiled = compileScenario(parseScenario(data));
    const sim = simulateRange(compiled, 0, 500);
    const col = (o: number) => sim.columns[compiled.layout.yearly(o, 0, "governance")];
    expect(Array.from(col(1))).not.toEqual(Array.from(col(0)));
  });
});
