import ExcelJS from "exceljs";
import type { EvidenceRecord, Results, SensitivityResult } from "../model/index.ts";
import { assumptionRows } from "./assumption-rows.ts";
import { chartPng, resultCharts, type ChartSpec } from "./charts/index.ts";
import { deterministicZip } from "./deterministic-zip.ts";
import { label } from "./label.ts";
import { mtfpRows } from "./mtfp-rows.ts";
import { childrenRows } from "./children-rows.ts";
import type { ScenarioChange } from "./scenario-changes.ts";

/** Full GBP shown as GBP m to one decimal (each trailing comma divides by 1,000), negatives in brackets, zero as a dash. */
export const GBP_M = '#,##0.0,,;(#,##0.0,,);"-"';
/** A share as a percentage to one decimal. */
export const PERCENT = "0.0%";
/** Whole children, or whole pounds a year (the placement cost per child). */
const COUNT = "#,##0";
const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDE6F0" } };

/** What a workbook needs beyond the Results: who ran it, the scenario, the evidence and a fixed date. */
export interface ReportMeta {
  runId: string;
  version: string;
  /** The validated scenario the run used (written to Reproduce). */
  scenario: unknown;
  /** seeds/ records by id, for the sources' titles and dates. */
  evidence?: Map<string, EvidenceRecord>;
  sensitivity?: SensitivityResult;
  /** Changes from the shipped scenario (a what-if run); empty or absent for the base case. */
  changes?: ScenarioChange[];
  /** When the run was made: every date inside the file, so that the same run gives the same bytes. */
  date?: Date;
}

/** A sheet name Excel accepts: at most 31 characters, none of []:*?/\. */
function sheetName(name: string, taken: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, "-").slice(0, 28);
  let candidate = base;
  for (let i = 2; taken.has(candidate.toLowerCase()); i++) candidate = `${base}-${i}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

/** Bold, shaded header row with a filter over the table below it, frozen so it stays in view. */
export function tableHeader(sheet: ExcelJS.Worksheet, row: ExcelJS.Row, columns: number, freezeColumns = 1): void {
  row.font = { bold: true };
  for (let c = 1; c <= columns; c++) row.getCell(c).fill = HEADER_FILL;
  sheet.views = [{ state: "frozen", xSplit: freezeColumns, ySplit: row.number }];
  sheet.autoFilter = { from: { row: row.number, column: 1 }, to: { row: row.number, column: columns } };
}

/**
 * Results as an Excel workbook for a cabinet paper (exceljs): a summary, per option the medium-term
 * financial plan (GBP m to one decimal by number format, the cells keep full pounds) and its children, comparisons,
 * contingency plans, assumptions as numbers with their sources, chart images and what reproduces
 * the run. The same run gives the same bytes (see deterministicZip).
 */
export async function resultsXlsx(r: Results, meta: ReportMeta): Promise<Buffer> {
  const date = meta.date ?? new Date(Date.UTC(2000, 0, 1));
  const book = new ExcelJS.Workbook();
  book.creator = `trustsim ${meta.version}`;
  book.lastModifiedBy = `trustsim ${meta.version}`;
  book.created = date;
  book.modified = date;
  const taken = new Set<string>();
  const labelOf = (id: string) => r.options.find((o) => o.id === id)?.label ?? id;

  const summary = book.addWorksheet(sheetName("Summary", taken));
  summary.addRow([r.scenario.title]).font = { bold: true, size: 14 };
  summary.addRow([r.priceBase.statement]);
  summary.addRow([r.scenario.illustrative ? "Illustrative scenario: not calibrated on a published case." : `Scenario for ${r.scenario.area}.`]);
  summary.addRow([meta.changes?.length ? `What-if run: ${meta.changes.map((c) => `${c.label} ${c.from} -> ${c.to}`).join("; ")}` : "Base case: the scenario as published."]);
  summary.addRow([]);
  const head = summary.addRow(["Option, horizon totals", "Total cost, mean", "P10", "P50", "P90", "Cost to the council, mean", "NPV (real), mean"]);
  for (const o of r.options) {
    const h = o.horizon;
    summary.addRow([o.label, h.totalCost.mean, h.totalCost.p10, h.totalCost.p50, h.totalCost.p90, h.councilCost.mean, h.npv.mean]);
  }
  tableHeader(summary, head, 7);
  summary.getColumn(1).width = 44;
  for (let c = 2; c <= 7; c++) Object.assign(summary.getColumn(c), { width: 16, numFmt: GBP_M });
  summary.addRow([]);
  summary.addRow(["GBP m. Totals over the horizon are nominal (cash); NPV is real and discounted (Green Book)."]);

  for (const o of r.options) {
    const sheet = book.addWorksheet(sheetName(o.id, taken));
    sheet.addRow([`${o.label}: medium-term financial plan, GBP m nominal (mean over futures unless marked)`]).font = { bold: true };
    const header = sheet.addRow(["GBP m", ...r.years, "Total"]);
    for (const row of mtfpRows(o)) {
      const added = sheet.addRow([row.label, ...row.values, row.total ?? null]);
      if (row.kind === "subtotal" || row.kind === "gap") added.font = { bold: true };
      if (row.kind === "band") added.font = { italic: true, color: { argb: "FF555555" } };
    }
    tableHeader(sheet, header, r.years.length + 2);
    sheet.getColumn(1).width = 36;
    for (let c = 2; c <= r.years.length + 2; c++) Object.assign(sheet.getColumn(c), { width: 11, numFmt: GBP_M });
    const children = childrenRows(o);
    if (children.length > 0) {
      sheet.addRow([]);
      sheet.addRow(["Children (mean over futures; counts, not GBP)", ...r.years]).font = { bold: true };
      // Counts and GBP a year, not GBP m: each cell carries its own format over the column's.
      for (const c of children) sheet.addRow([c.label, ...c.values]).eachCell((cell, i) => i > 1 && (cell.numFmt = COUNT));
    }
  }

  const comparisons = book.addWorksheet(sheetName("Comparisons", taken));
  comparisons.addRow(["Paired comparisons on the same futures: first option minus second, horizon totals, GBP m"]).font = { bold: true };
  const ch = comparisons.addRow(["First option", "Second option", "Difference, mean", "P10", "P50", "P90", "NPV difference, mean", "Probability first is cheaper", "95% interval, low", "95% interval, high"]);
  for (const c of r.comparisons) {
    const d = c.totalCostDifference;
    const p = c.probabilityACheaper;
    comparisons.addRow([labelOf(c.a), labelOf(c.b), d.mean, d.p10, d.p50, d.p90, c.npvDifference.mean, p.p, p.ci95[0], p.ci95[1]]);
  }
  tableHeader(comparisons, ch, 10, 2);
  comparisons.getColumn(1).width = 36;
  comparisons.getColumn(2).width = 36;
  for (let c = 3; c <= 7; c++) Object.assign(comparisons.getColumn(c), { width: 14, numFmt: GBP_M });
  for (let c = 8; c <= 10; c++) Object.assign(comparisons.getColumn(c), { width: 14, numFmt: PERCENT });

  const contingency = book.addWorksheet(sheetName("Contingency", taken));
  contingency.getColumn(1).width = 44;
  const failing = r.options.filter((o) => o.failure);
  if (failing.length === 0) contingency.addRow(["No option in this scenario can fail (no failure rule on reserves)."]);
  for (const o of failing) {
    const f = o.failure!;
    contingency.addRow([`${o.label}: fails when reserves fall below the threshold`, f.threshold]).getCell(2).numFmt = GBP_M;
    contingency.addRow(["Year", ...r.years]).font = { bold: true };
    contingency.addRow(["Probability failed by year end", ...f.probabilityByYear.map((p) => p.p)]).eachCell((cell, c) => c > 1 && (cell.numFmt = PERCENT));
    contingency.addRow(["Share of futures failing first that year", ...f.failureYear.map((y) => y.share)]).eachCell((cell, c) => c > 1 && (cell.numFmt = PERCENT));
    contingency.addRow([]);
    const ph = contingency.addRow(["Contingency plan (horizon totals, GBP m)", "Total cost, mean", "Total cost, P90", "Council, mean", "DfE, mean", "Company, mean", "Council, P90"]);
    ph.font = { bold: true };
    for (let c = 1; c <= 7; c++) ph.getCell(c).fill = HEADER_FILL;
    const plans = [{ label: "No plan: deficit left with the company", costs: o.horizon }, ...(o.plans ?? [])];
    for (const p of plans) {
      const c = p.costs;
      contingency.addRow([p.label, c.totalCost.mean, c.totalCost.p90, c.councilCost.mean, c.dfeCost.mean, c.companyCost.mean, c.councilCost.p90]).eachCell((cell, i) => i > 1 && (cell.numFmt = GBP_M));
    }
    contingency.addRow([]);
  }
  for (let c = 2; c <= Math.max(8, r.years.length + 1); c++) contingency.getColumn(c).width = 14;

  const assumptions = book.addWorksheet(sheetName("Assumptions", taken));
  const ah = assumptions.addRow(["Assumption", "Distribution", "Low", "Central", "High", "Drawn once per", "Source", "Publisher", "Date", "Evidence record", "Note", "Key in the scenario", "As written"]);
  for (const a of assumptionRows(r, meta.evidence)) {
    assumptions.addRow([a.label, a.distribution, a.low, a.central, a.high, a.per, a.sourceTitle, a.publisher, a.date, a.reference, a.note, a.key, a.detail]);
  }
  tableHeader(assumptions, ah, 13);
  [48, 13, 12, 12, 12, 13, 44, 24, 10, 32, 40, 48, 36].forEach((w, i) => (assumptions.getColumn(i + 1).width = w));
  for (let c = 3; c <= 5; c++) assumptions.getColumn(c).numFmt = "#,##0.####";

  const chartsSheet = book.addWorksheet(sheetName("Charts", taken));
  const charts = resultCharts(r, meta.sensitivity);
  const specs: ChartSpec[] = [...charts.cost, charts.overspend, ...(charts.reserves ? [charts.reserves] : []), ...charts.failure, ...charts.differences, ...(charts.tornado ? [charts.tornado] : [])];
  let top = 0;
  for (const spec of specs) {
    chartsSheet.getCell(top + 1, 1).value = spec.title;
    const image = book.addImage({ buffer: chartPng(spec) as never, extension: "png" });
    chartsSheet.addImage(image, { tl: { col: 0, row: top + 1 }, ext: { width: spec.width, height: spec.height } });
    top += Math.ceil(spec.height / 20) + 3;
  }

  const reproduce = book.addWorksheet(sheetName("Reproduce", taken));
  reproduce.addRows([
    ["trustsim version", meta.version],
    ["run", meta.runId],
    ["seed", r.simulation.seed],
    ["iterations", r.simulation.iterations],
    ["sampling", r.simulation.sampling],
    ["percentiles", r.simulation.percentiles.method],
    ["command", `trustsim run ${r.scenario.id} --iterations ${r.simulation.iterations} --seed "${r.simulation.seed}"${meta.changes?.length ? " (with the scenario below, which includes the what-if changes)" : ""}`],
    ["scenario (JSON)", JSON.stringify(meta.scenario)],
  ]);
  reproduce.getColumn(1).width = 20;
  reproduce.getColumn(2).width = 100;

  return deterministicZip(new Uint8Array(await book.xlsx.writeBuffer()), date);
}

