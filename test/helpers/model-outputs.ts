import { BLOCK_SIZE, columnViews } from "../../src/engine/index.ts";
import { ScenarioModel, type compileScenario } from "../../src/model/index.ts";
import { LANES } from "../../src/model/inputs/input-sampler.ts";

/**
 * Every output of the first `lanes` iterations of a compiled scenario, evaluated block by block by
 * a ScenarioModel (`shareLines` false: every line evaluated for every option, zero lines too).
 */
export function modelOutputs(compiled: ReturnType<typeof compileScenario>, shareLines: boolean, lanes = 2 * BLOCK_SIZE): Float64Array[] {
  const model = new ScenarioModel(compiled, shareLines);
  const size = compiled.layout.size;
  const all = Array.from({ length: size }, () => new Float64Array(lanes));
  const block = columnViews(size, LANES);
  const batch = new Int32Array(LANES);
  for (let start = 0; start < lanes; start += LANES) {
    for (let i = 0; i < LANES; i++) batch[i] = start + i;
    compiled.inputs.drawLanes(batch, LANES);
    model.evaluateBlock(LANES, block);
    block.forEach((c, k) => all[k].set(c, start));
  }
  return all;
}
