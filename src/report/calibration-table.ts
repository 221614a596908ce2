import type { CalibrationRow } from "../model/index.ts";
import { millions, percent } from "./format-money.ts";

function show(row: CalibrationRow, x: number | undefined): string {
  if (x === undefined) return "";
  const scale = Math.abs(row.published.value ?? row.published.high ?? row.published.low ?? 0);
  return row.unit === "ratio" ? percent(x, 2) : millions(x, scale < 1e6 ? 3 : 1);
}

/** The calibration check as a table: published figure, simulated P10/P50/P90, verdicts. */
export function calibrationTable(rows: CalibrationRow[]): string {
  const head = ["scenario", "target (seeds/ id)", "option", "year", "output", "published", "P10", "P50", "P90", "inside", "band"];
  const body = rows.map((r) => {
    const p = r.published;
    const published = r.kind === "point" ? show(r, p.value) : `${p.low === undefined ? "..." : show(r, p.low)} to ${p.high === undefined ? "..." : show(r, p.high)}`;
    return [
      r.scenario, r.seed, r.option, r.year, r.output, published, show(r, r.p10), show(r, r.p50), show(r, r.p90),
      r.covered ? "yes" : "NO",
      r.maxBandWidth === null ? "n/a" : r.bandOk ? "ok" : "TOO WIDE",
    ];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i >= 5 && i <= 8 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join("  ").trimEnd();
  const covered = rows.filter((r) => r.covered && r.bandOk).length;
  return [
    "Money in GBP m, nominal (cash) in the year shown. Point targets: published value inside the simulated P10-P90.",
    "Range targets: simulated P50 inside the published range (or a narrow range inside P10-P90). Band: P90-P10 at most",
    "2x the published value for an overspend or reserves, 0.5x for a level; published figures match within 0.1%.",
    "",
    line(head),
    ...body.map(line),
    "",
    `${covered} of ${rows.length} targets met.`,
  ].join("\n") + "\n";
}
