import type { PortfolioReport } from "../model/index.ts";

function csvCell(value: string | number | null): string {
  const text = value === null ? "" : String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A portfolio report in long CSV form (section, subject, year, measure, value), one figure a row,
 * ready for a pivot table: failure counts by year with each probability's standard error, members,
 * response plans (GBP nominal) and CIPFA reserves sustainability by member and year.
 */
export function portfolioCsv(r: PortfolioReport): string {
  const n = r.portfolio.iterations;
  const lines: string[] = [];
  const push = (cells: (string | number | null)[]) => lines.push(cells.map(csvCell).join(","));
  const se = (p: number) => Math.sqrt((p * (1 - p)) / n);
  push(["section", "subject", "year", "measure", "value", "se"]);
  for (const y of r.years) {
    push(["years", "portfolio", y.year, "membersInHorizon", y.members, null]);
    y.failedBy.forEach((p, k) => push(["years", "portfolio", y.year, `probabilityAtLeast${k + 1}FailedBy`, p, se(p)]));
    y.failingIn.forEach((p, k) => push(["years", "portfolio", y.year, `probabilityAtLeast${k + 1}FailingIn`, p, se(p)]));
  }
  for (const m of r.members) {
    push(["members", m.id, null, "probabilityFails", m.probabilityFails, se(m.probabilityFails)]);
    push(["members", m.id, null, "probabilityFirst", m.probabilityFirst, null]);
    push(["members", m.id, null, "medianFailureYear", m.medianFailureYear, null]);
  }
  for (const p of r.plans) {
    for (const side of ["dfe", "council", "total"] as const) {
      push(["plans", p.id, null, `${side}Mean`, p[side].mean, null]);
      push(["plans", p.id, null, `${side}P90`, p[side].p90, null]);
    }
  }
  for (const m of r.reserves) {
    for (const y of m.years) {
      push(["reserves", m.member, y.year, "medianYearsOfReserves", y.medianYears, null]);
      push(["reserves", m.member, y.year, "medianBand", y.band, null]);
      for (const [band, p] of Object.entries(y.bands)) push(["reserves", m.member, y.year, `probability: ${band}`, p, null]);
    }
  }
  return lines.join("\n") + "\n";
}
