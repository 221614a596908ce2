import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { loadEvidence, loadScenario, runScenario, sensitivity, type EvidenceRecord, type Results, type Scenario, type SensitivityResult } from "../src/model/index.ts";
import { resultsCsv } from "../src/report/index.ts";
import { assumptionLabel, label } from "../src/report/label.ts";
import { quantityNumbers } from "../src/report/assumption-rows.ts";
import { resultsDocx } from "../src/report/results-docx.ts";
import { resultsHtml } from "../src/report/results-html.ts";
import { GBP_M, resultsXlsx, type ReportMeta } from "../src/report/results-xlsx.ts";
import { inTen } from "../src/report/summary-sentences.ts";

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const ROOT = join(import.meta.dirname, "..");
let scenario: Scenario;
let results: Results;
let evidence: Map<string, EvidenceRecord>;
let tornado: SensitivityResult;
let meta: ReportMeta;

beforeAll(async () => {
  scenario = await loadScenario(join(ROOT, "scenarios", "slough.yaml"));
  results = runScenario(scenario, { iterations: 500 });
  evidence = await loadEvidence(join(ROOT, "seeds"));
  tornado = sensitivity(scenario, { a: "trust", b: "in-house" }, { iterations: 500 });
  meta = { runId: "run-1", version: "0.0.0-test", scenario, evidence, sensitivity: tornado, date: new Date("2026-11-25T10:00:00Z") };
});

describe("resultsXlsx(results, meta)", () => {
  it("gives the same bytes for the same run, generated twice with time between", async () => {
    const first = await resultsXlsx(results, meta);
    await new Promise((r) => setTimeout(r, 2100)); // DOS dates count in 2 s steps
    const second = await resultsXlsx(results, meta);
    expect(second.equals(first)).toBe(true);
  });

  it("is a medium-term financial plan in GBP m with brackets, frozen headers, filters, words and sources", async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await resultsXlsx(results, meta)) as never);
    expect(book.worksheets.map((w) => w.name)).toEqual(["Summary", "trust", "in-house", "partnership", "Comparisons", "Contingency", "Assumptions", "Charts", "Reproduce"]);
    const trust = book.getWorksheet("trust")!;
    expect(trust.views[0]).toMatchObject({ state: "frozen", xSplit: 1, ySplit: 2 });
    expect(trust.autoFilter).toBeTruthy();
    const labels = trust.getColumn(1).values.slice(1) as string[];
    expect(labels).toEqual(expect.arrayContaining(["Placements", "Total cost", "Budget", "Gap: operating cost less budget", "Cumulative gap", "Total cost, P90"]));
    expect(labels.filter((l) => /^[a-z]+[A-Z]/.test(l ?? ""))).toEqual([]);
    const placements = trust.getRow(labels.indexOf("Placements") + 2).getCell(2);
    expect(placements.numFmt).toBe(GBP_M);
    expect(GBP_M).toBe('#,##0.0,,;(#,##0.0,,);"-"'); // one decimal of GBP m, negatives in brackets
    expect(typeof placements.value).toBe("number");
    const assumptions = book.getWorksheet("Assumptions")!;
    const residential = assumptions.getRows(2, assumptions.rowCount - 1)!.find((r) => r.getCell(12).value === "baseline.placements.residential.weeklyUnitCost")!;
    const pert = scenario.baseline.placements.residential.weeklyUnitCost as { min: number; mode: number; max: number };
    expect([residential.getCell(3).value, residential.getCell(4).value, residential.getCell(5).value]).toEqual([pert.min, pert.mode, pert.max]);
    expect(residential.getCell(7).value).toBe(evidence.get("residential-weekly-range")!.source.title);
    expect(book.getWorksheet("Reproduce")!.getRow(3).values).toEqual([, "seed", "slough-2016"]);
    expect(book.getWorksheet("Charts")!.getImages().length).toBeGreaterThan(5);
    const contingency = book.getWorksheet("Contingency")!;
    expect(contingency.getColumn(1).values).toEqual(expect.arrayContaining(["Probability failed by year end"]));
  });
});

describe("resultsDocx(results, meta)", () => {
  it("gives the same bytes for the same run, generated twice with time between", async () => {
    const first = await resultsDocx(results, meta);
    await new Promise((r) => setTimeout(r, 2100));
    const second = await resultsDocx(results, meta);
    expect(second.equals(first)).toBe(true);
  });

  it("holds the question, a summary in futures out of ten, tables, charts and sources", async () => {
    const zip = await JSZip.loadAsync(await resultsDocx(results, meta));
    const xml = await zip.file("word/document.xml")!.async("string");
    const text = xml.replace(/<[^>]+>/g, "");
    expect(text).toContain("The question");
    expect(text).toMatch(/in (\d+|fewer than 1|more than 9) of 10 futures .+ costs less than/);
    expect(text).toContain("How to reproduce");
    expect(text).toContain(evidence.get("residential-weekly-range")!.source.title);
    expect(Object.keys(zip.files).filter((f) => f.startsWith("word/media/")).length).toBeGreaterThan(5);
    expect(await zip.file("docProps/core.xml")!.async("string")).toContain("2026-11-25T10:00:00Z");
  });
});

/**
 * Slough runs on flows: every report shows each option's children (by type at year end, entries,
 * exits, leavers at 18) and the placement cost per child, with the means the results hold.
 */
describe("children rows in every output", () => {
  const trust = () => results.options.find((o) => o.id === "trust")!;
  const mean = (line: string, t: number) => trust().yearly[line][t].mean;
  const rows = ["Children looked after, year end", "  residential, year end", "Children entering care in the year", "Children leaving care in the year", "  of whom leaving care at 18"];

  it("the results hold children counts and flows for the trust (the fixture runs on flows)", () => {
    expect(mean("children:entries", 0)).toBeGreaterThan(0);
    expect(mean("children:exits", 0)).toBeGreaterThan(0);
  });

  it("XLSX: the option's sheet has a Children block with the means, as counts", async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await resultsXlsx(results, meta)) as never);
    const sheet = book.getWorksheet("trust")!;
    const labels = sheet.getColumn(1).values as (string | undefined)[];
    for (const l of [...rows, "Placement cost per child, GBP a year"]) expect(labels).toContain(l);
    const entries = sheet.getRow(labels.indexOf("Children entering care in the year"));
    expect(entries.getCell(2).value).toBe(mean("children:entries", 0));
    expect(entries.getCell(2).numFmt).toBe("#,##0");
    expect(sheet.getRow(labels.indexOf("Placement cost per child, GBP a year")).getCell(3).value).toBe(mean("children:placementCostPerChild", 1));
  });

  it("CSV: a row per option, count line and year, as text", () => {
    const csv = resultsCsv(results);
    for (const line of ["children:total", "children:residential", "children:entries", "children:exits", "children:leaversAt18", "children:placementCostPerChild"]) {
      expect(csv).toMatch(new RegExp(`^yearly,trust,${line},2016-17,`, "m"));
    }
    const total = csv.split("\n").find((l) => l.startsWith("yearly,trust,children:total,2017-18,"))!;
    expect(Number(total.split(",")[4])).toBeCloseTo(mean("children:total", 1), 2);
  });

  it("DOCX: document.xml holds each option's children table", async () => {
    const zip = await JSZip.loadAsync(await resultsDocx(results, meta));
    const text = (await zip.file("word/document.xml")!.async("string")).replace(/<[^>]+>/g, "|");
    for (const l of [...rows, "Placement cost per child, GBP a year"]) expect(text).toContain(`|${l}|`);
    expect(text).toContain(`|${mean("children:entries", 0).toFixed(0)}|`);
  });

  it("HTML: each option's section has a children table", () => {
    const html = resultsHtml(results, { runId: "run-1", version: "0.0.0-test", evidence });
    expect(html.match(/<table class="per-year children">/g)?.length).toBe(results.options.length);
    const escaped = (x: string) => x.replace(/&/g, "&amp;").replace(/'/g, "&#39;");
    expect(html).toContain(`<th scope="row">${escaped("Children entering care in the year")}</th><td>${mean("children:entries", 0).toFixed(0)}</td>`);
  });
});

describe("flat outputs and words", () => {
  it("resultsCsv starts with its header line", () => {
    expect(resultsCsv(results).split("\n")[0]).toBe("section,option,line,year,mean,sd,se,p5,p10,p50,p90,p95");
  });

  it("label(name) gives words for every line of the results, never camelCase", () => {
    for (const line of Object.keys(results.options[0].yearly)) expect(label(line)).not.toMatch(/^[a-z]+[A-Z]/);
    expect(label("workforceAgency")).toBe("Workforce, agency");
    expect(assumptionLabel("baseline.placements.residential.weeklyUnitCost")).toBe("Placements, residential: weekly unit cost");
  });

  it("quantityNumbers reads the numbers of a described quantity", () => {
    expect(quantityNumbers("pert(4600, 6100, 10000)")).toEqual({ distribution: "pert", low: 4600, central: 6100, high: 10000 });
    expect(quantityNumbers("188")).toEqual({ distribution: "constant", low: null, central: 188, high: null });
    expect(quantityNumbers("normal(mean 0.025, sd 0.01, min -0.01, max 0.1, AR(1) 0.6)")).toEqual({ distribution: "normal", low: -0.01, central: 0.025, high: 0.1 });
  });

  it("inTen(p) says futures out of ten without rounding a risk away", () => {
    expect([inTen(0), inTen(0.02), inTen(0.64), inTen(0.97), inTen(1)]).toEqual(["0 of 10", "fewer than 1 of 10", "6 of 10", "more than 9 of 10", "10 of 10"]);
  });
});
