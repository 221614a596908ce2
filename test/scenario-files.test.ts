import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { describe, expect, it } from "vitest";
import { loadScenario, parseScenario, scenarioSchema } from "../src/model/index.ts";
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
    const fresh = z.toJSONSchema(scenarioSchema, { io: "input", unrepresentable: "any", reused: "ref" });
    expect(written).toEqual({ title: "trustsim scenario", ...JSON.parse(JSON.stringify(fresh)) });
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
