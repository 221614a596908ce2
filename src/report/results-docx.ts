import {
  AlignmentType, Document, HeadingLevel, ImageRun, PageOrientation, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType,
} from "docx";
import type { Results } from "../model/index.ts";
import { assumptionRows } from "./assumption-rows.ts";
import { chartPng, resultCharts, type ChartSpec } from "./charts/index.ts";
import { deterministicZip } from "./deterministic-zip.ts";
import { millions, percent } from "./format-money.ts";
import { mtfpRows } from "./mtfp-rows.ts";
import { childrenRows, childrenValue } from "./children-rows.ts";
import type { ReportMeta } from "./results-xlsx.ts";
import { summarySentences } from "./summary-sentences.ts";

const FONT_SIZE = 18; // half-points: 9 pt fits a ten-year table on a landscape A4 page
const money = (x: number) => (x < 0 ? `(${millions(-x)})` : millions(x));

function cell(text: string, options: { bold?: boolean; right?: boolean; shade?: boolean } = {}): TableCell {
  return new TableCell({
    children: [new Paragraph({ alignment: options.right ? AlignmentType.RIGHT : AlignmentType.LEFT, children: [new TextRun({ text, bold: options.bold, size: FONT_SIZE })] })],
    shading: options.shade ? { fill: "DDE6F0" } : undefined,
  });
}

function table(head: string[], rows: { cells: string[]; bold?: boolean }[]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: head.map((h, i) => cell(h, { bold: true, right: i > 0, shade: true })) }),
      ...rows.map((r) => new TableRow({ children: r.cells.map((c, i) => cell(c, { bold: r.bold, right: i > 0 })) })),
    ],
  });
}

const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel] = HeadingLevel.HEADING_2) => new Paragraph({ text, heading: level });
const para = (text: string) => new Paragraph({ children: [new TextRun(text)], spacing: { after: 120 } });

function chart(spec: ChartSpec): Paragraph[] {
  const width = 620;
  const height = Math.round((spec.height / spec.width) * width);
  return [
    new Paragraph({ children: [new ImageRun({ type: "png", data: chartPng(spec), transformation: { width, height }, altText: { name: spec.id, title: spec.title, description: spec.title } })] }),
    new Paragraph({ children: [new TextRun({ text: spec.title, italics: true, size: FONT_SIZE })], spacing: { after: 200 } }),
  ];
}

/**
 * A Word annex for a cabinet paper (docx): the question, the options, a summary generated from the
 * results, the plan tables with each option's children, the charts as PNG, the assumptions with their sources and how to
 * reproduce the run. Landscape A4 so a ten-year table fits. The same run gives the same bytes.
 */
export async function resultsDocx(r: Results, meta: ReportMeta): Promise<Buffer> {
  const date = meta.date ?? new Date(Date.UTC(2000, 0, 1));
  const first = r.years[0];
  const last = r.years[r.years.length - 1];
  const charts = resultCharts(r, meta.sensitivity);
  const children: (Paragraph | Table)[] = [
    new Paragraph({ text: `Annex: ${r.scenario.title}`, heading: HeadingLevel.HEADING_1 }),
    heading("The question"),
    para(
      `What would each way of running children's services for ${r.scenario.area} cost from ${first} to ${last}, how sure can we be, ` +
        `and how likely is each option to be the cheaper one?` +
        (r.scenario.illustrative ? " This is an illustrative scenario, not calibrated on a published case." : ""),
    ),
    ...(meta.changes?.length ? [para(`This is a what-if run. Changed from the published scenario: ${meta.changes.map((c) => `${c.label} from ${c.from} to ${c.to}`).join("; ")}.`)] : []),
    heading("The options"),
    ...r.options.map((o) => new Paragraph({ text: `${o.label} (${o.kind})`, bullet: { level: 0 } })),
    heading("Summary"),
    ...summarySentences(r).map(para),
    para(r.priceBase.statement),
    heading("Horizon totals, GBP m"),
    table(
      ["Option", "Total cost, mean", "P10", "P50", "P90", "Cost to the council", "NPV (real)"],
      r.options.map((o) => ({
        cells: [o.label, ...[o.horizon.totalCost.mean, o.horizon.totalCost.p10, o.horizon.totalCost.p50, o.horizon.totalCost.p90, o.horizon.councilCost.mean, o.horizon.npv.mean].map(money)],
      })),
    ),
  ];
  if (r.comparisons.length > 0) {
    const labelOf = (id: string) => r.options.find((o) => o.id === id)?.label ?? id;
    children.push(
      heading("Comparisons on the same futures, GBP m"),
      table(
        ["First minus second", "Mean", "P10", "P50", "P90", "First cheaper"],
        r.comparisons.map((c) => ({
          cells: [`${labelOf(c.a)} minus ${labelOf(c.b)}`, ...[c.totalCostDifference.mean, c.totalCostDifference.p10, c.totalCostDifference.p50, c.totalCostDifference.p90].map(money), percent(c.probabilityACheaper.p)],
        })),
      ),
    );
  }
  r.options.forEach((o, i) => {
    children.push(
      heading(`${o.label}: medium-term financial plan, GBP m nominal`),
      table(["GBP m", ...r.years, "Total"], mtfpRows(o).map((row) => ({ cells: [row.label, ...row.values.map(money), row.total === null ? "" : money(row.total)], bold: row.kind === "subtotal" || row.kind === "gap" }))),
    );
    const counts = childrenRows(o);
    if (counts.length > 0) {
      children.push(
        para(`${o.label}: children looked after, mean over futures (counts, not GBP; the placement cost per child in GBP a year)`),
        table(["Children", ...r.years], counts.map((c) => ({ cells: [c.label, ...c.values.map((v) => childrenValue(c, v))] }))),
      );
    }
    children.push(...chart(charts.cost[i]));
  });
  children.push(heading("Overspend and reserves"), ...chart(charts.overspend), ...(charts.reserves ? chart(charts.reserves) : []));
  if (charts.failure.length > 0) children.push(heading("Financial failure"), ...charts.failure.flatMap(chart));
  if (charts.tornado) children.push(heading("What drives the difference"), ...chart(charts.tornado));
  children.push(
    heading("Assumptions and their sources"),
    table(
      ["Assumption", "Value or distribution", "Source", "Date"],
      assumptionRows(r, meta.evidence).map((a) => ({ cells: [a.label, a.detail, [a.sourceTitle, a.publisher].filter(Boolean).join(", ") || a.note, a.date] })),
    ),
    heading("How to reproduce"),
    para(
      `Run with trustsim ${meta.version}: trustsim run ${r.scenario.id} --iterations ${r.simulation.iterations} --seed "${r.simulation.seed}" ` +
        `(${r.simulation.sampling} sampling). The same scenario, seed and iterations give the same figures on any machine and any number of workers. Run ${meta.runId}.` +
        (meta.changes?.length ? " A what-if run: apply the changes listed above to the scenario first (the XLSX's Reproduce sheet holds the whole scenario)." : ""),
    ),
  );
  const doc = new Document({
    creator: `trustsim ${meta.version}`,
    title: `Annex: ${r.scenario.title}`,
    description: "Generated by trustsim from one simulation run.",
    styles: { default: { document: { run: { font: "Arial", size: 20 } } } },
    sections: [{ properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } }, children }],
  });
  // docx numbers drawings from a counter that lives as long as the process: number them from 1 in each file.
  const renumber = (xml: string) => {
    let next = 0;
    return xml.replace(/(<wp:docPr id=")\d+/g, (_, head: string) => `${head}${++next}`);
  };
  return deterministicZip(new Uint8Array(await Packer.toBuffer(doc)), date, { "word/document.xml": renumber });
}
