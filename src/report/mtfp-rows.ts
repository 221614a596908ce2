import type { OptionResult } from "../model/index.ts";
import { label } from "./label.ts";

/** One row of a medium-term financial plan table: GBP (nominal) a year, and a horizon total for flows. */
export interface MtfpRow {
  label: string;
  /** "line" a cost line, "subtotal" a sum a reader checks, "gap" the budget gap rows, "band" a percentile row. */
  kind: "line" | "subtotal" | "gap" | "band";
  values: number[];
  /** Sum over the horizon; null for a stock (reserves) or a running total. */
  total: number | null;
}

/** Lines in the order of a medium-term financial plan; the optional ones are left out when zero throughout. */
const PLAN: [line: string, kind: MtfpRow["kind"], optional: boolean][] = [
  ["placements", "line", false],
  ["workforcePermanent", "line", false],
  ["workforceAgency", "line", false],
  ["vat", "line", true],
  ["overheads", "line", true],
  ["improvementPartnerGrant", "line", true],
  ["other", "line", false],
  ["operating", "subtotal", false],
  ["setupGross", "line", true],
  ["setupDfeFunded", "line", true],
  ["transition", "line", true],
  ["optimismBias", "line", true],
  ["totalCost", "subtotal", false],
  ["budget", "line", false],
];

const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);

/**
 * An option's per-year plan in the form a finance director reads: cost lines (means), operating and
 * total cost, budget, the gap (operating cost less budget, the overspend) and the cumulative gap,
 * the council's top-up and reserves, then the P10/P50/P90 of total cost and of the gap. Derived
 * here from the Results so that the model does not need to carry presentation rows.
 */
export function mtfpRows(o: OptionResult): MtfpRow[] {
  const rows: MtfpRow[] = [];
  const mean = (line: string) => o.yearly[line].map((s) => s.mean);
  for (const [line, kind, optional] of PLAN) {
    // Income is shown negative, so the lines add up to operating cost as printed.
    const values = line === "improvementPartnerGrant" ? mean(line).map((v) => -v) : mean(line);
    if (optional && values.every((v) => v === 0)) continue;
    const name = line === "setupDfeFunded" ? "  of which funded by the DfE" : line === "improvementPartnerGrant" ? "  less the DfE's funding of the improvement partner" : label(line);
    rows.push({ label: name, kind, values, total: sum(values) });
  }
  const gap = mean("overspend");
  let running = 0;
  rows.push({ label: "Gap: operating cost less budget", kind: "gap", values: gap, total: sum(gap) });
  rows.push({ label: "Cumulative gap", kind: "gap", values: gap.map((g) => (running += g)), total: null });
  if (mean("councilTopUp").some((v) => v !== 0)) rows.push({ label: label("councilTopUp"), kind: "line", values: mean("councilTopUp"), total: sum(mean("councilTopUp")) });
  if (mean("reserves").some((v) => v !== 0)) rows.push({ label: label("reserves"), kind: "line", values: mean("reserves"), total: null });
  for (const p of ["p10", "p50", "p90"] as const) {
    rows.push({ label: `Total cost, ${p.toUpperCase()}`, kind: "band", values: o.yearly.totalCost.map((s) => s[p]), total: null });
  }
  for (const p of ["p10", "p50", "p90"] as const) {
    rows.push({ label: `Gap, ${p.toUpperCase()}`, kind: "band", values: o.yearly.overspend.map((s) => s[p]), total: null });
  }
  return rows;
}
