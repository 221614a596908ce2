import { readdirSync, readFileSync } from "node:fs";
import { parse } from "yaml";
import { describe, expect, it, vi } from "vitest";
import { Aggregator, BLOCK_SIZE, compileScenario, parseScenario, planAggregation, type ScenarioInput } from "../src/model/index.ts";
import { BlockFolder, emptyPartial } from "../src/engine/index.ts";
import { simulateBlocks } from "../src/model/simulation/simulate.ts";
import { fixedOutputs } from "../src/model/simulation/zero-lines.ts";

vi.setConfig({ testTimeout: 60_000 });

const files = [
  ...readdirSync(new URL("../scenarios/", import.meta.url)).filter((f) => f.endsWith(".yaml")).map((f) => new URL(`../scenarios/${f}`, import.meta.url)),
  new URL("../bench/bradford-reference.yaml", import.meta.url),
];

/** Each block's columns and the model's copiedFrom, kept (the runner reuses its buffers). */
function blocksOf(scenario: ReturnType<typeof parseScenario>, lanes: Int32Array | null, n: number) {
  const compiled = compileScenario(scenario, scenario.simulation.seed);
  const blocks: { columns: Float64Array[]; copies: Int32Array; count: number }[] = [];
  simulateBlocks(compiled, 0, n, {
    accept(columns, _start, count, copies) {
      blocks.push({ columns: columns.map((c) => Float64Array.from(c.subarray(0, count))), copies: Int32Array.from(copies!), count });
    },
  }, lanes);
  return { compiled, blocks };
}

/** True when a and b have the same bits (NaN payloads aside: a copy is the same array of doubles). */
function sameBits(a: Float64Array, b: Float64Array): boolean {
  return a.length === b.length && a.every((x, i) => Object.is(x, b[i]));
}

describe("outputs the model writes as copies (ScenarioModel.copiedFrom)", () => {
  it.each(files.map((f) => [f.pathname.split("/").pop()!, f] as const))("hold their source's values bit for bit, in every block and lane: %s", (_name, file) => {
    const scenario = parseScenario(parse(readFileSync(file, "utf8")) as ScenarioInput);
    // Plain lanes, then repeated ones (a conditioned run's blocks, spread to their positions).
    const repeated = Int32Array.from({ length: 2 * BLOCK_SIZE }, (_, i) => 5 + Math.floor(i / 3));
    for (const lanes of [null, repeated]) {
      const { blocks } = blocksOf(scenario, lanes, 2 * BLOCK_SIZE);
      for (const { columns, copies } of blocks) {
        for (let k = 0; k < columns.length; k++) {
          if (copies[k] < 0) continue;
          expect(copies[k], `output ${k}`).not.toBe(k);
          expect(sameBits(columns[k], columns[copies[k]]), `output ${k} as a copy of ${copies[k]}`).toBe(true);
        }
      }
    }
  });

  it("cover most of the reference workload's aliases: 228 of its 312 (equal in the first block, folded once)", () => {
    const scenario = parseScenario(parse(readFileSync(files.at(-1)!, "utf8")) as ScenarioInput);
    const { compiled, blocks } = blocksOf(scenario, null, BLOCK_SIZE);
    const plan = planAggregation(compiled.layout.size, 200_000, { from: 0, to: BLOCK_SIZE, columns: blocks[0].columns }, fixedOutputs(compiled));
    const aliases = [...plan.aliasOf].filter((j) => j >= 0).length;
    const covered = [...plan.aliasOf].filter((j, k) => j >= 0 && blocks[0].copies[k] === j).length;
    expect([covered, aliases]).toEqual([228, 312]);
  });

  it("give the aggregation the statistics it gives without them: binned and exact, over blocks where aliases part", () => {
    const scenario = parseScenario(parse(readFileSync(files.at(-1)!, "utf8")) as ScenarioInput);
    const n = 6 * BLOCK_SIZE;
    const { compiled, blocks } = blocksOf(scenario, null, n);
    const size = compiled.layout.size;
    const pilot = { from: 0, to: BLOCK_SIZE, columns: blocks[0].columns };
    for (const iterations of [n, 200_000]) {
      const plan = planAggregation(size, iterations, pilot, fixedOutputs(compiled));
      expect(plan.exact).toBe(iterations === n);
      const fold = (useCopies: boolean) => {
        const aggregator = new Aggregator(size, n, plan);
        const part = emptyPartial(size, 0, n, plan);
        const folder = new BlockFolder(part, plan, size);
        blocks.forEach((b, i) => folder.accept(b.columns, i * BLOCK_SIZE, b.count, useCopies ? b.copies : undefined));
        folder.complete();
        aggregator.add(part);
        return aggregator.stats();
      };
      expect(fold(true)).toEqual(fold(false));
    }
  });
});
