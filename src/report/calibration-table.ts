import type { BalancingItem, CalibrationRow } from "../model/index.ts";
import { millions, percent } from "./format-money.ts";

function show(row: CalibrationRow, x: number | undefined): string {
  if (x === undefined) return "";
  const scale = Math.abs(row.published.value ?? row.published.high ?? row.published.low ?? 0);
  return row.unit === "ratio" ? percent(x, 2) : millions(x, scale < 1e6 ? 3 : 1);
}

/** The calibration check as a table: published figure, simulated P10/P50/P90, verdicts. */
export function calibrationTable(rows: CalibrationRow[], balancing: BalancingItem[] = []): string {
  const head = ["scenario", "check (seeds/ id)", "option", "year", "output", "published", "P10", "P50", "P90", "inside", "band", "counts"];
  const body = rows.map((r) => {
    const p = r.published;
    const published = r.kind === "point" ? show(r, p.value) : `${p.low === undefined ? "..." : show(r, p.low)} to ${p.high === undefined ? "..." : show(r, p.high)}`;
    return [
      r.scenario, r.seed, r.option, r.year, r.output, published, show(r, r.p10), show(r, r.p50), show(r, r.p90),
      r.covered ? "yes" : "NO",
      r.bandOk ? "ok" : (r.bandNote ?? "TOO WIDE").toUpperCase(),
      r.role === "input check" ? "input check, not counted" : r.met ? "met" : "MISSED",
    ];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i >= 5 && i <= 8 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join("  ").trimEnd();
  const checks = rows.filter((r) => r.role === "check");
  const met = checks.filter((r) => r.met).length;
  return [
    "Checks are published figures a scenario was not given (never its evidence), predicted from its futures conditioned",
    "on its evidence. Money in GBP m, nominal (cash) in the year shown. Point checks: published value inside P10-P90.",
    "Range checks: simulated P50 inside the published range (or a narrow range inside P10-P90). Band: P90-P10 at most",
    "2x the published value for an overspend or reserves, 0.5x for a level (plus the range's own width), and never",
    "straddling zero for a figure that is not zero. An output that only copies an input is an input check: not counted.",
    "",
    line(head),
    ...body.map(line),
    "",
    `${met} of ${checks.length} checks met; ${rows.length - checks.length} input check${rows.length - checks.length === 1 ? "" : "s"} not counted.`,
    ...(balancing.length === 0 ? [] : ["", "Balancing items (chosen so a total comes out right; not evidence):", ...balancing.map((b) => `  ${b.scenario}: ${b.key} = ${b.distribution}${b.note ? ` (${b.note})` : ""}`)]),
  ].join("\n") + "\n";
}
