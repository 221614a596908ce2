import type { OptionResult, Results } from "../model/index.ts";
import { millions, percent } from "./format-money.ts";

/** The failure curve of one option: per year, P(failed by then) with its uncertainty, and first failures. */
export function failureCurve(r: Results, o: OptionResult): string[] {
  const f = o.failure!;
  const out = [
    `Failure: reserves below GBP ${millions(f.threshold, 2)}m. ${percent(1 - f.never)} of futures fail within the horizon.`,
    `${"year".padEnd(9)}${"P(failed by end of year)".padStart(26)}${"95% interval".padStart(18)}${"first fails".padStart(14)}`,
  ];
  f.probabilityByYear.forEach((p, t) => {
    out.push(
      `${r.years[t].padEnd(9)}${`${percent(p.p)} ±${percent(p.se)}`.padStart(26)}${`${percent(p.ci95[0])}-${percent(p.ci95[1])}`.padStart(18)}${percent(f.failureYear[t].share).padStart(14)}`,
    );
  });
  if (f.reservesAtFailure) {
    const d = f.reservesAtFailure;
    out.push(`Reserves in the year of failure, GBP m: mean ${millions(d.mean)}, P10 ${millions(d.p10)}, P50 ${millions(d.p50)}, P90 ${millions(d.p90)} (over failed futures).`);
  }
  return out;
}

/** Side-by-side plan costs for one option: expected and P90 total, and who bears it. */
export function planComparison(o: OptionResult): string[] {
  const plans = o.plans ?? [];
  if (plans.length === 0) return ["No contingency plans in this scenario."];
  const head = ["mean", "P90", "council", "DfE", "company", "council P90"];
  const out = [
    `Contingency plans, horizon totals in GBP m nominal (plan applied in every future where ${o.id} fails; the same futures for each plan):`,
    "plan".padEnd(30) + head.map((h) => h.padStart(12)).join(""),
  ];
  const rows = [{ id: "(no plan: deficit left)", costs: o.horizon }, ...plans];
  for (const p of rows) {
    const c = p.costs;
    out.push(
      p.id.padEnd(30) +
        [c.totalCost.mean, c.totalCost.p90, c.councilCost.mean, c.dfeCost.mean, c.companyCost.mean, c.councilCost.p90]
          .map((x) => millions(x).padStart(12))
          .join(""),
    );
  }
  out.push("mean and P90: total public cost (the P90 is the cost at risk); council, DfE, company: the mean each bears;");
  out.push("company: what its reserves absorbed (negative when it built reserves). Standard errors of the means:");
  out.push("  " + plans.map((p) => `${p.id} ±${millions(p.costs.totalCost.se, 2)}m`).join(", "));
  return out;
}

/** `contingency` output: the failure curve of each option that can fail and its plan comparison. */
export function contingencyTable(r: Results): string {
  const out = [`${r.scenario.title}`, `${r.simulation.iterations.toLocaleString("en-GB")} iterations, seed "${r.simulation.seed}". ${r.priceBase.statement}`];
  const failing = r.options.filter((o) => o.failure);
  if (failing.length === 0) out.push("", "No option in this scenario has a failure rule (finance.failWhenReservesBelow).");
  for (const o of failing) {
    out.push("", `== ${o.label} (${o.id}) ==`, ...failureCurve(r, o), "", ...reservesSustainability(r, o), "", ...planComparison(o));
  }
  return out.join("\n") + "\n";
}

/** CIPFA's reserves sustainability by year: years of reserves left at the year's drawdown, its band and the band shares. */
export function reservesSustainability(r: Results, o: OptionResult): string[] {
  const rows = o.reservesSustainability;
  if (rows === undefined) return [];
  const years = (x: number | null) => (x === null ? "no draw" : x.toFixed(1));
  const out = [
    "Reserves sustainability (CIPFA: years of reserves left at the year's drawdown; bands an assumption):",
    `${"year".padEnd(9)}${"P10".padStart(9)}${"median".padStart(9)}  ${"band of the median".padEnd(28)}${"P(<1y)".padStart(8)}${"P(<3y)".padStart(8)}${"P(no draw)".padStart(11)}`,
  ];
  rows.forEach((y) => {
    const b = Object.values(y.bands);
    out.push(`${y.year.padEnd(9)}${years(y.p10Years).padStart(9)}${years(y.medianYears).padStart(9)}  ${y.band.padEnd(28)}${percent(b[0]).padStart(8)}${percent(b[0] + b[1]).padStart(8)}${percent(b[4]).padStart(11)}`);
  });
  return out;
}
