import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadScenario, parseScenario, scenarioJsonSchema } from "../src/model/index.ts";
import { scenarioData } from "./helpers/scenarios.ts";

const DIR = join(import.meta.dirname, "..", "scenarios");
const yamlFiles = readdirSync(DIR).filter((f) => f.endsWith(".yaml"));

describe("scenario files", () => {
  it.each(yamlFiles)("%s is valid and its id matches its file name", async (f) => {
    const s = await loadScenario(join(DIR, f));
    expect(`${s.id}.yaml`).toBe(f);
  });

  it("scenario.schema.json is what `npm run schema` writes now", () => {
    const written = JSON.parse(readFileSync(join(DIR, "scenario.schema.json"), "utf8"));
    expect(written).toEqual(JSON.parse(JSON.stringify(scenarioJsonSchema())));
  });

  it("scenario.schema.json is draft-07 with a description on every field", () => {
    const written = JSON.parse(readFileSync(join(DIR, "scenario.schema.json"), "utf8"));
    expect(written.$schema).toBe("http://json-schema.org/draft-07/schema#");
    const undocumented: string[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (node === null || typeof node !== "object") return;
      const properties = (node as { properties?: Record<string, { description?: string }> }).properties;
      for (const [name, p] of Object.entries(properties ?? {})) if (!p.description) undocumented.push(name);
      Object.values(node).forEach(walk);
    };
    walk(written);
    expect(undocumented).toEqual([]);
  });

  it("rejects an uncertain quantity with no source or note", () => {
    const d = scenarioData("template");
    d.baseline.workforce.fte = { dist: "uniform", min: 200, max: 300 };
    expect(() => parseScenario(d)).toThrow(/baseline\.workforce\.fte\.source: an uncertain quantity \(uniform\) needs a 'source'/);
  });

  it("rejects duplicate option ids and unknown fields", () => {
    const d = scenarioData("template");
    d.options.push({ ...d.options[0] });
    (d as Record<string, unknown>).colour = "blue";
    expect(() => parseScenario(d)).toThrow(/options\[3\]\.id: duplicate option id 'in-house'/);
    expect(() => parseScenario(d)).toThrow(/unknown field\(s\) 'colour'/);
  });
});

describe("size limits", () => {
  it("refuses more than 8 options, so a scenario cannot ask for unbounded memory", () => {
    const d = scenarioData("template");
    d.options = Array.from({ length: 9 }, (_, i) => ({ id: `option-${i}`, label: `Option ${i}`, kind: "in-house" as const }));
    expect(() => parseScenario(d)).toThrow(/options: Too big: expected array to have <=8 items/);
  });
});
