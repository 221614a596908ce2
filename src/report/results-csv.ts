import type { MoneySummary, Results } from "../model/index.ts";

const STAT_COLUMNS = ["mean", "sd", "se", "p5", "p10", "p50", "p90", "p95"] as const;

function csvCell(value: string | number): string {
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Results in long CSV form, one statistic row per option, line and year (then horizon figures
 * and comparisons), GBP to the penny: ready for a pivot table. The first line is the header, as
 * every CSV reader expects; the price base and the run's metadata belong in the JSON or XLSX.
 */
export function resultsCsv(r: Results): string {
  const lines: string[] = [];
  const push = (cells: (string | number)[]) => lines.push(cells.map(csvCell).join(","));
  push(["section", "option", "line", "year", ...STAT_COLUMNS]);
  const stats = (s: MoneySummary) => STAT_COLUMNS.map((k) => s[k]);
  for (const o of r.options) {
    for (const [line, perYear] of Object.entries(o.yearly)) {
      perYear.forEach((s, t) => push(["yearly", o.id, line, r.years[t], ...stats(s)]));
    }
    for (const [figure, s] of Object.entries(o.horizon)) push(["horizon", o.id, figure, "", ...stats(s)]);
  }
  for (const c of r.comparisons) {
    push(["comparison", `${c.a} - ${c.b}`, "totalCostDifference", "", ...stats(c.totalCostDifference)]);
    push(["comparison", `${c.a} - ${c.b}`, "npvDifference", "", ...stats(c.npvDifference)]);
    push(["comparison", `${c.a} - ${c.b}`, "probabilityACheaper", "", c.probabilityACheaper.p, "", c.probabilityACheaper.se]);
  }
  return lines.join("\n") + "\n";
}
