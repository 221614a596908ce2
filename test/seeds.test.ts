import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadEvidence, evidenceRecordSchema } from "../src/model/index.ts";
import { scenarioData } from "./helpers/scenarios.ts";

const ROOT = join(import.meta.dirname, "..");
const seeds = await loadEvidence(join(ROOT, "seeds"));
const scenarioIds = readdirSync(join(ROOT, "scenarios")).filter((f) => f.endsWith(".yaml")).map((f) => f.replace(/\.yaml$/, ""));

/** Every quantity-like object in a scenario's raw data, with its path. */
function quantities(node: unknown, path = ""): { path: string; q: Record<string, unknown> }[] {
  if (node === null || typeof node !== "object") return [];
  if (!Array.isArray(node) && "dist" in node) return [{ path, q: node as Record<string, unknown> }];
  return Object.entries(node).flatMap(([k, v]) => quantities(v, path ? `${path}.${k}` : k));
}

describe("seeds/", () => {
  it("holds the published figures the scenarios use, every record valid", () => {
    expect(seeds.size).toBeGreaterThan(50);
    for (const r of seeds.values()) expect(evidenceRecordSchema.safeParse(r).success).toBe(true);
  });

  it("refuses a record without its source or price base (schema check)", () => {
    const bad = { id: "x", case: "national", metric: "m", period: "2024", value: 1, unit: "GBP", source: { title: "t", publisher: "p", date: "d" }, weight: "OFF" };
    expect(evidenceRecordSchema.safeParse(bad).error?.issues[0].message).toMatch(/needs its priceBase/);
    expect(evidenceRecordSchema.safeParse({ ...bad, priceBase: "nominal 2024-25", source: undefined }).success).toBe(false);
  });
});

describe.each(scenarioIds)("scenarios/%s.yaml", (id) => {
  const data = scenarioData(id);
  const qs = quantities(data);

  it("cites only seeds/ ids that exist", () => {
    const cited = qs.map(({ path, q }) => ({ path, source: q.source })).filter((c) => typeof c.source === "string" && c.source.startsWith("seeds/"));
    const missing = cited.filter((c) => !seeds.has((c.source as string).slice("seeds/".length)));
    expect(missing).toEqual([]);
    const targets = (data.targets ?? []).filter((t) => !seeds.has(t.seed));
    expect(targets).toEqual([]);
  });

  it("has every uncertain quantity cite a seeds/ record or say it is an assumption", () => {
    const bare = qs
      .filter(({ q }) => q.dist !== "constant" || q.source !== undefined)
      .filter(({ q }) => !(typeof q.source === "string" && q.source.startsWith("seeds/")) && !(typeof q.note === "string" && /assumption/i.test(q.note)))
      .map(({ path }) => path);
    expect(bare).toEqual([]);
  });
});
