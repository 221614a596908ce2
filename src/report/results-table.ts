import { COST_LINE_DEFINITIONS, lineLabel, type Results } from "../model/index.ts";
import { conditioningTable } from "./conditioning-table.ts";
import { millions, percent } from "./format-money.ts";
import { childrenRows, childrenValue } from "./children-rows.ts";

/** Finance lines shown after the cost and income lines, in medium-term-financial-plan order. */
const FINANCE_ROWS = ["operating", "setupGross", "setupDfeFunded", "transition", "optimismBias", "totalCost", "budget", "overspend", "councilTopUp", "reserves"];

/**
 * The rows of the per-year table: every cost and income line of the registry that is not zero
 * throughout (placement types and the lines inside a subtotal indented under it), then the finance
 * lines; labels come from the registry.
 */
function tableLines(yearly: Results["options"][number]["yearly"]): [line: string, label: string][] {
  const nonZero = (line: string) => yearly[line] !== undefined && yearly[line].some((s) => s.mean !== 0);
  const inSubtotal = new Set(COST_LINE_DEFINITIONS.flatMap((l) => l.sumOf ?? []));
  const rows: [string, string][] = [];
  for (const l of COST_LINE_DEFINITIONS) {
    if (!nonZero(l.name) || l.section === "subtotal" || l.section === "count") continue;
    rows.push([l.name, `${inSubtotal.has(l.name) ? "  " : ""}${lineLabel(l.name)}${l.section === "income" ? " (-)" : ""}`]);
  }
  if (nonZero("managementAction")) rows.push(["managementAction", `${lineLabel("managementAction")} (-)`]);
  for (const line of FINANCE_ROWS) {
    if (line !== "operating" && line !== "totalCost" && line !== "budget" && line !== "overspend" && line !== "reserves" && !nonZero(line)) continue;
    rows.push([line, line === "setupDfeFunded" ? "  of which DfE funded" : lineLabel(line)]);
  }
  return rows;
}

function row(label: string, cells: string[], labelWidth: number, cellWidth: number): string {
  return label.padEnd(labelWidth) + cells.map((c) => c.padStart(cellWidth)).join("");
}

/**
 * A plain-text report for a terminal or a cabinet-paper draft: per option a per-year table of mean
 * GBP m with the total's P10/P50/P90, then horizon totals, NPV and the paired comparisons.
 */
export function resultsTable(r: Results): string {
  const out: string[] = [];
  const labelWidth = 36;
  const cellWidth = 9;
  out.push(`${r.scenario.title}`);
  if (r.scenario.illustrative) out.push("ILLUSTRATIVE scenario: not calibrated on a published case.");
  out.push(`${r.simulation.iterations.toLocaleString("en-GB")} iterations, seed "${r.simulation.seed}".`);
  out.push(r.priceBase.statement);
  if (r.simulation.percentiles.method === "histogram") out.push(`Percentiles: ${r.simulation.percentiles.note}.`);
  out.push("Yearly figures: GBP m, nominal, mean over iterations unless marked.");
  if (r.conditioning !== undefined) out.push("", ...conditioningTable(r.conditioning));
  for (const o of r.options) {
    out.push("");
    out.push(`== ${o.label} (${o.id === o.kind ? o.id : `${o.id}, ${o.kind}`}) ==`);
    out.push(row("GBP m", r.years, labelWidth, cellWidth));
    for (const [line, label] of tableLines(o.yearly)) {
      out.push(row(label, o.yearly[line].map((s) => millions(s.mean)), labelWidth, cellWidth));
    }
    const children = childrenRows(o);
    if (children.length > 0) {
      out.push(row("Children (mean; not GBP)", r.years, labelWidth, cellWidth));
      for (const c of children) out.push(row(c.label, c.values.map((v) => childrenValue(c, v)), labelWidth, cellWidth));
    }
    out.push(row(`Total cost, real ${r.priceBase.baseYear}`, o.yearly.totalCostReal.map((s) => millions(s.mean)), labelWidth, cellWidth));
    // The bands follow the scenario's price basis: cash for a medium-term financial plan, real for an appraisal.
    const real = r.priceBase.basis === "real";
    const band = real ? o.yearly.totalCostReal : o.yearly.totalCost;
    for (const p of ["p10", "p50", "p90"] as const) {
      out.push(row(`Total cost${real ? " real" : ""} ${p.toUpperCase()}`, band.map((s) => millions(s[p])), labelWidth, cellWidth));
    }
    if (o.failure) {
      out.push(row("P(failed by year end)", o.failure.probabilityByYear.map((p) => percent(p.p)), labelWidth, cellWidth));
      out.push(`  (fails when reserves fall below GBP ${millions(o.failure.threshold, 2)}m; \`contingency\` compares the plans)`);
    }
    if (o.reservesSustainability) {
      // CIPFA's measure: years of reserves left at the year's drawdown; "-" where reserves did not fall.
      const years = (x: number | null) => (x === null ? "-" : x.toFixed(1));
      out.push(row("Reserves sustainability (years)", r.years, labelWidth, cellWidth));
      out.push(row("  median", o.reservesSustainability.map((y) => years(y.medianYears)), labelWidth, cellWidth));
      out.push(row("  P10", o.reservesSustainability.map((y) => years(y.p10Years)), labelWidth, cellWidth));
      out.push(row("  P(under 1 year)", o.reservesSustainability.map((y) => percent(y.bands["under 1 year: critical"])), labelWidth, cellWidth));
      out.push(row("  P(under 3 years)", o.reservesSustainability.map((y) => percent(y.bands["under 1 year: critical"] + y.bands["1-3 years: high risk"])), labelWidth, cellWidth));
      out.push(row("  band of the median", o.reservesSustainability.map((y) => y.band.split(":")[0].replace(" years", "y").replace(" year", "y").replace("not drawing down", "no draw")), labelWidth, cellWidth));
    }
  }
  out.push("");
  out.push(`== Over ${r.years.length} years (${r.years[0]} to ${r.years[r.years.length - 1]}) ==`);
  const head = ["mean", "P10", "P50", "P90"];
  const w = Math.max(34, ...r.comparisons.map((c) => c.a.length + c.b.length + 4));
  out.push(row("GBP m", ["", ...head], w, 10));
  for (const o of r.options) {
    const h = o.horizon;
    out.push(row(`${o.id}`, ["", ...[h.totalCost.mean, h.totalCost.p10, h.totalCost.p50, h.totalCost.p90].map((x) => millions(x))], w, 10));
    out.push(row(`  NPV, real ${r.priceBase.baseYear} prices`, ["", ...[h.npv.mean, h.npv.p10, h.npv.p50, h.npv.p90].map((x) => millions(x))], w, 10));
    out.push(row(`  cost to council (net of DfE)`, ["", ...[h.councilCost.mean, h.councilCost.p10, h.councilCost.p50, h.councilCost.p90].map((x) => millions(x))], w, 10));
  }
  if (r.comparisons.length > 0) {
    out.push("");
    out.push("== Paired comparisons (same futures for both options) ==");
    out.push(row("a minus b, GBP m", ["mean", "P10", "P50", "P90", "NPV mean"], w, 10) + "  P(a cheaper)");
    for (const c of r.comparisons) {
      const d = c.totalCostDifference;
      const pa = c.probabilityACheaper;
      out.push(
        row(`${c.a} - ${c.b}`, [
          millions(d.mean), millions(d.p10), millions(d.p50), millions(d.p90), millions(c.npvDifference.mean),
        ], w, 10) + `  ${percent(pa.p)} (95% CI ${percent(pa.ci95[0], 2)}-${percent(pa.ci95[1], 2)})`,
      );
    }
    out.push("Standard errors: mean differences ±" + r.comparisons.map((c) => `${millions(c.totalCostDifference.se, 2)}m`).join(", ±") + " (one standard error).");
  }
  return out.join("\n") + "\n";
}
