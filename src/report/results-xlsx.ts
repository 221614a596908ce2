import type { Results } from "../model/index.ts";

const STATS = ["mean", "sd", "se", "p5", "p10", "p50", "p90", "p95"] as const;

/** A sheet name Excel accepts: at most 31 characters, none of []:*?/\. */
function sheetName(name: string, taken: Set<string>): string {
  let base = name.replace(/[[\]:*?/\\]/g, "-").slice(0, 28);
  let candidate = base;
  for (let i = 2; taken.has(candidate.toLowerCase()); i++) candidate = `${base}-${i}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

/**
 * Results as an Excel workbook (exceljs): a summary, one per-year sheet per option, the paired
 * comparisons, the assumptions with their sources, and what reproduces the run (seed, iterations,
 * version, the scenario itself). Money in GBP to the penny, formatted as #,##0.00.
 */
export async function resultsXlsx(r: Results, meta: { runId: string; version: string; scenario: unknown }): Promise<Buffer> {
  const { default: ExcelJS } = await import("exceljs"); // loaded only when a workbook is asked for (half a second)
  const book = new ExcelJS.Workbook();
  book.creator = `trustsim ${meta.version}`;
  const taken = new Set<string>();
  const money = "#,##0.00";

  const summary = book.addWorksheet(sheetName("Summary", taken));
  summary.addRows([
    [r.scenario.title],
    [r.priceBase.statement],
    [r.scenario.illustrative ? "Illustrative scenario: not calibrated on a published case." : "Calibrated scenario."],
    [],
    ["option", "figure", ...STATS],
  ]);
  for (const o of r.options) {
    for (const [figure, s] of Object.entries(o.horizon)) summary.addRow([o.id, figure, ...STATS.map((k) => s[k])]);
  }
  summary.getRow(5).font = { bold: true };
  summary.getColumn(1).width = 24;
  summary.getColumn(2).width = 14;
  for (let c = 3; c <= 2 + STATS.length; c++) Object.assign(summary.getColumn(c), { width: 18, numFmt: money });

  for (const o of r.options) {
    const sheet = book.addWorksheet(sheetName(o.id, taken));
    sheet.addRow([o.label]);
    sheet.addRow(["line", "statistic", ...r.years]).font = { bold: true };
    for (const [line, perYear] of Object.entries(o.yearly)) {
      for (const k of ["mean", "p10", "p50", "p90"] as const) sheet.addRow([line, k, ...perYear.map((s) => s[k])]);
    }
    sheet.getColumn(1).width = 28;
    for (let c = 3; c <= 2 + r.years.length; c++) Object.assign(sheet.getColumn(c), { width: 16, numFmt: money });
  }

  const comparisons = book.addWorksheet(sheetName("Comparisons", taken));
  comparisons.addRow(["a", "b", "figure", ...STATS, "P(a cheaper)", "se", "95% low", "95% high"]).font = { bold: true };
  for (const c of r.comparisons) {
    const p = c.probabilityACheaper;
    comparisons.addRow([c.a, c.b, "totalCostDifference", ...STATS.map((k) => c.totalCostDifference[k]), p.p, p.se, p.ci95[0], p.ci95[1]]);
    comparisons.addRow([c.a, c.b, "npvDifference", ...STATS.map((k) => c.npvDifference[k])]);
  }

  const assumptions = book.addWorksheet(sheetName("Assumptions", taken));
  assumptions.addRow(["input", "distribution", "drawn", "source", "note"]).font = { bold: true };
  for (const a of r.assumptions) assumptions.addRow([a.key, a.distribution, a.per, a.source ?? "", a.note ?? ""]);
  assumptions.getColumn(1).width = 52;
  assumptions.getColumn(2).width = 36;

  const reproduce = book.addWorksheet(sheetName("Reproduce", taken));
  reproduce.addRows([
    ["trustsim version", meta.version],
    ["run", meta.runId],
    ["seed", r.simulation.seed],
    ["iterations", r.simulation.iterations],
    ["percentiles", r.simulation.percentiles.method],
    ["scenario (JSON)", JSON.stringify(meta.scenario)],
  ]);
  reproduce.getColumn(1).width = 20;

  return Buffer.from(await book.xlsx.writeBuffer());
}
