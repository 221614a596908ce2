import type { Results } from "../model/index.ts";
import { millions, percent } from "./format-money.ts";

/** "7 of 10": a probability as futures out of ten, the way a cabinet paper says it; never 0 or 10 unless it is. */
export function inTen(p: number): string {
  const n = Math.round(p * 10);
  if (n === 0 && p > 0) return "fewer than 1 of 10";
  if (n === 10 && p < 1) return "more than 9 of 10";
  return `${n} of 10`;
}

/**
 * The results in sentences for a cabinet paper's summary: for each comparison how often and by how
 * much one option is cheaper, and for each option that can fail how often it fails. Generated from
 * the Results, so the words always match the tables.
 */
export function summarySentences(r: Results): string[] {
  const labelOf = (id: string) => r.options.find((o) => o.id === id)?.label ?? id;
  const span = `Over the ${r.years.length} years ${r.years[0]} to ${r.years[r.years.length - 1]}`;
  const out: string[] = [];
  for (const c of r.comparisons) {
    const p = c.probabilityACheaper.p;
    const d = c.totalCostDifference;
    const [cheaper, dearer, share] = p >= 0.5 ? [c.a, c.b, p] : [c.b, c.a, 1 - p];
    const mean = p >= 0.5 ? -d.mean : d.mean;
    out.push(
      `${span}, in ${inTen(share)} futures "${labelOf(cheaper)}" costs less than "${labelOf(dearer)}" (${percent(share)} of ` +
        `${r.simulation.iterations.toLocaleString("en-GB")} simulated futures); on average it saves GBP ${millions(mean)}m, ` +
        `and the difference ("${labelOf(c.a)}" minus "${labelOf(c.b)}") lies between GBP ${millions(d.p10)}m and ${millions(d.p90)}m in 8 of 10 futures.`,
    );
  }
  for (const o of r.options.filter((x) => x.failure)) {
    const f = o.failure!;
    const failed = 1 - f.never;
    const worst = f.failureYear.reduce((best, y) => (y.share > best.share ? y : best), f.failureYear[0]);
    const threshold = f.threshold < 0 ? `a deficit of GBP ${millions(-f.threshold)}m` : `GBP ${millions(f.threshold)}m`;
    out.push(
      `"${o.label}": reserves fall below ${threshold} by ${r.years[r.years.length - 1]} in ${inTen(failed)} futures (${percent(failed)})` +
        (failed > 0 ? `; the year it most often first fails is ${worst.year}.` : "."),
    );
  }
  return out;
}
