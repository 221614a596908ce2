import { COUNT_PREFIX, lineLabel, type OptionResult } from "../model/index.ts";

/** The one money row among the counts: placement spend over the year's average children, GBP a year. */
export const COST_PER_CHILD = `${COUNT_PREFIX}placementCostPerChild`;

/** One row of an option's Children block: a count of children (mean over futures), or the placement cost per child. */
export interface ChildrenRow {
  line: string;
  label: string;
  /** "children" a count (not GBP); "GBP a year" the placement cost per child. */
  unit: "children" | "GBP a year";
  values: number[];
}

/**
 * An option's Children block for every report (table, HTML, XLSX, DOCX; the CSV and JSON carry the
 * same lines): children by placement type at year end, entries, exits, leavers at 18, high-cost
 * placements, care leavers supported and the placement cost per child, in the order the count lines
 * write them, rows that are zero throughout left out. Empty when the option has no children counts.
 */
export function childrenRows(o: OptionResult): ChildrenRow[] {
  const names = Object.keys(o.yearly).filter((n) => n.startsWith(COUNT_PREFIX));
  const nonZero = (n: string) => o.yearly[n].some((s) => s.mean !== 0);
  if (!names.some((n) => n !== COST_PER_CHILD && nonZero(n))) return [];
  return names.filter(nonZero).map((line) => ({
    line,
    label: lineLabel(line),
    unit: line === COST_PER_CHILD ? "GBP a year" : "children",
    values: o.yearly[line].map((s) => s.mean),
  }));
}

/** A row's value for people: whole children, or whole pounds with thousands separators. */
export function childrenValue(row: ChildrenRow, value: number): string {
  return row.unit === "children" ? value.toFixed(0) : Math.round(value).toLocaleString("en-GB");
}
