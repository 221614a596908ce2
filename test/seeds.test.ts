import { readFileSync, readdirSync } from "node:fs";
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

  it("accepts only the four bases (outturn, in-year forecast, budget, estimate)", () => {
    const ok = { id: "x", case: "national", metric: "m", period: "2024", value: 1, unit: "count", source: { title: "t", publisher: "p", date: "d" }, weight: "OFF" };
    for (const basis of ["outturn", "in-year-forecast", "budget", "estimate"]) expect(evidenceRecordSchema.safeParse({ ...ok, basis }).success).toBe(true);
    expect(evidenceRecordSchema.safeParse({ ...ok, basis: "forecast" }).success).toBe(false);
  });

  it("gives every overspend or outturn record its basis (outturn, in-year forecast, budget or estimate)", () => {
    const missing = [...seeds.values()].filter((r) => /overspend|outturn|deficit|surplus/i.test(r.metric) && r.basis === undefined).map((r) => r.id);
    expect(missing).toEqual([]);
  });

  describe.each(["case-series.yaml", "national-series.yaml"])("seeds/%s", (file) => {
    const ids = [...readFileSync(join(ROOT, "seeds", file), "utf8").matchAll(/^- id: (\S+)$/gm)].map((m) => m[1]);

    it("names each record <case>-<yyyy-yy>-<metric> and gives every money record its basis", () => {
      expect(ids.length).toBeGreaterThan(40);
      for (const id of ids) {
        const r = seeds.get(id)!;
        expect(id, id).toMatch(new RegExp(`^${r.case}-\\d{4}-\\d{2}-[a-z0-9-]+$`));
        if (r.unit.startsWith("GBP")) expect(r.basis, id).toBeDefined();
      }
    });

    it("marks a derived figure as derived and quotes or cites each figure in a note", () => {
      for (const id of ids) expect(seeds.get(id)!.note, id).toMatch(/\S/);
      const derived = ids.filter((id) => /^Derived/.test(seeds.get(id)!.note ?? ""));
      if (file === "case-series.yaml") expect(derived.sort()).toEqual(["reading-2020-21-contract", "slough-2019-20-overspend"]);
    });
  });

  it("holds the series the backtest needs: a budget and an overspend for each case's years", () => {
    const need = [
      "sandwell-2018-19-budget", "sandwell-2018-19-overspend", "sandwell-2019-20-overspend-forecast",
      "northamptonshire-2022-23-budget", "northamptonshire-2022-23-overspend", "northamptonshire-2023-24-budget",
      "northamptonshire-2025-26-contract", "northamptonshire-2025-26-overspend",
      "sunderland-2017-18-overspend", "sunderland-2018-19-overspend-forecast", "sunderland-2018-19-contract-addition",
      "reading-2021-22-contract", "reading-2022-23-contract", "reading-2022-23-overspend", "reading-2023-24-contract", "reading-2023-24-overspend",
      "doncaster-2017-18-trust-budget", "doncaster-2017-18-forecast-overspend", "doncaster-2018-19-council-top-up",
      "worcestershire-2018-19-budget-addition", "worcestershire-2019-22-surplus", "worcestershire-2022-23-overspend", "worcestershire-2023-24-gross-budget",
      "slough-2019-20-budget", "slough-2019-20-overspend", "slough-2016-22-overspends",
      "bradford-2023-24-net-budget", "bradford-2023-24-overspend", "bradford-2022-23-council-agency-spend",
      "national-2015-16-csc-overspend", "national-2017-18-csc-overspend", "national-2021-22-csc-overspend", "national-overspend-share-2022-25",
      "national-2018-19-children-looked-after", "cla-england-2024", "national-2024-25-children-looked-after",
    ];
    expect(need.filter((id) => !seeds.has(id))).toEqual([]);
    expect(seeds.get("reading-2023-24-overspend")!.basis).toBe("in-year-forecast");
    expect(seeds.get("sandwell-2018-19-overspend")!.basis).toBe("outturn");
    expect(seeds.get("national-2017-18-csc-overspend")).toMatchObject({ low: 816e6, high: 872e6 });
  });
});

describe.each(scenarioIds)("scenarios/%s.yaml", (id) => {
  const data = scenarioData(id);
  const qs = quantities(data);

  it("cites only seeds/ ids that exist (every seeds/ id a source names, and every evidence record)", () => {
    const cited = qs.flatMap(({ path, q }) => (typeof q.source === "string" ? [...q.source.matchAll(/seeds\/([a-z0-9-]+)/g)].map((m) => ({ path, id: m[1] })) : []));
    const missing = cited.filter((c) => !seeds.has(c.id));
    expect(missing).toEqual([]);
    const evidence = ((data as { evidence?: { record: string }[] }).evidence ?? []).filter((e) => !seeds.has(e.record));
    expect(evidence).toEqual([]);
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
