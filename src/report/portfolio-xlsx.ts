import ExcelJS from "exceljs";
import type { PortfolioReport } from "../model/index.ts";
import { chartPng, portfolioFailuresChart, portfolioPlansChart } from "./charts/index.ts";
import { deterministicZip } from "./deterministic-zip.ts";
import { portfolioSentences } from "./portfolio-sentences.ts";
import { GBP_M, PERCENT, tableHeader } from "./results-xlsx.ts";

/**
 * A portfolio report as an Excel workbook for the DfE, in the shape of a run's workbook: a summary
 * in sentences, failure counts by year, members, response plans (GBP m by number format, cells in
 * full pounds), reserves sustainability by member and year, the charts, and what reproduces it.
 * A report depends only on the portfolio and its iterations, so every date inside is fixed and the
 * same report gives the same bytes.
 */
export async function portfolioXlsx(r: PortfolioReport, version: string): Promise<Buffer> {
  const date = new Date(Date.UTC(2000, 0, 1));
  const book = new ExcelJS.Workbook();
  book.creator = `trustsim ${version}`;
  book.lastModifiedBy = `trustsim ${version}`;
  book.created = date;
  book.modified = date;

  const summary = book.addWorksheet("Summary");
  summary.addRow([r.portfolio.title]).font = { bold: true, size: 14 };
  for (const s of portfolioSentences(r)) summary.addRow([s]);
  summary.getColumn(1).width = 140;

  const years = book.addWorksheet("Failures by year");
  const yh = years.addRow(["Financial year", "Members in horizon", "At least 1 failed by year end", "At least 2", "At least 3", "At least 1 failing in the year", "At least 2", "At least 3"]);
  for (const y of r.years) years.addRow([y.year, y.members, ...y.failedBy, ...y.failingIn]);
  tableHeader(years, yh, 8);
  years.getColumn(1).width = 14;
  for (let c = 2; c <= 8; c++) Object.assign(years.getColumn(c), { width: 16, numFmt: c === 2 ? "0" : PERCENT });

  const members = book.addWorksheet("Members");
  const mh = members.addRow(["Member", "Option", "First year", "Last year", "Probability it fails", "Probability it is first, where any fails", "Median failure year", "Failure rule"]);
  for (const m of r.members) members.addRow([m.id, m.option, m.firstYear, m.lastYear, m.probabilityFails, m.probabilityFirst, m.medianFailureYear ?? "", m.failure]);
  tableHeader(members, mh, 8);
  [20, 16, 11, 11, 14, 18, 14, 60].forEach((w, i) => (members.getColumn(i + 1).width = w));
  for (const c of [5, 6]) members.getColumn(c).numFmt = PERCENT;

  const plans = book.addWorksheet("Response plans");
  const ph = plans.addRow(["Plan", "DfE, expected", "DfE, P90", "Councils, expected", "Councils, P90", "Total, expected", "Total, P90", "What it means", "Source or assumption"]);
  for (const p of r.plans) plans.addRow([p.id, p.dfe.mean, p.dfe.p90, p.council.mean, p.council.p90, p.total.mean, p.total.p90, p.label, p.provenance]);
  tableHeader(plans, ph, 9);
  [24, 13, 13, 13, 13, 13, 13, 60, 60].forEach((w, i) => (plans.getColumn(i + 1).width = w));
  for (let c = 2; c <= 7; c++) plans.getColumn(c).numFmt = GBP_M;

  const reserves = book.addWorksheet("Reserves sustainability");
  const allYears = r.years.map((y) => y.year);
  const rh = reserves.addRow(["Member: median years of reserves at the year's drawdown (CIPFA)", ...allYears]);
  for (const m of r.reserves) reserves.addRow([m.member, ...allYears.map((y) => m.years.find((x) => x.year === y)?.medianYears ?? null)]);
  reserves.addRow([]);
  reserves.addRow(["Member: band of the median", ...allYears]).font = { bold: true };
  for (const m of r.reserves) reserves.addRow([m.member, ...allYears.map((y) => m.years.find((x) => x.year === y)?.band ?? "")]);
  tableHeader(reserves, rh, allYears.length + 1);
  reserves.getColumn(1).width = 44;
  for (let c = 2; c <= allYears.length + 1; c++) Object.assign(reserves.getColumn(c), { width: 12, numFmt: "0.0" });

  const charts = book.addWorksheet("Charts");
  let top = 0;
  for (const spec of [portfolioFailuresChart(r), portfolioPlansChart(r)]) {
    charts.getCell(top + 1, 1).value = spec.title;
    const image = book.addImage({ buffer: chartPng(spec) as never, extension: "png" });
    charts.addImage(image, { tl: { col: 0, row: top + 1 }, ext: { width: spec.width, height: spec.height } });
    top += Math.ceil(spec.height / 20) + 3;
  }

  const reproduce = book.addWorksheet("Reproduce");
  reproduce.addRows([
    ["trustsim version", version],
    ["portfolio", r.portfolio.id],
    ["seed", r.portfolio.seed],
    ["iterations", r.portfolio.iterations],
    ["conditioning", r.conditioning === null ? "prior (unconditioned futures)" : `joint, effective ${r.conditioning.effectiveSampleSize} of ${r.conditioning.pool}`],
    ["command", `trustsim portfolio --iterations ${r.portfolio.iterations} --format json`],
  ]);
  reproduce.getColumn(1).width = 20;
  reproduce.getColumn(2).width = 80;

  return deterministicZip(new Uint8Array(await book.xlsx.writeBuffer()), date);
}
