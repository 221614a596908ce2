import type { BacktestReport } from "../model/index.ts";
import { millions, percent } from "./format-money.ts";

/** The backtest as text: one line per forecast, then coverage, CRPS and skill against the naive forecasts. */
export function backtestTable(r: BacktestReport): string {
  const out: string[] = [];
  out.push(`Rolling-origin backtest: ${r.summary.forecasts} forecasts of published overspends, ${r.iterations.toLocaleString("en-GB")} iterations each, seed "${r.seed}".`);
  out.push("GBP m, nominal in the year forecast. CRPS in shares of that year's budget (lower is better).");
  out.push("");
  const head = ["scenario", "year", "origin", "ahead", "ESS", "published", "P10", "P50", "P90", "PIT", "80%", "90%", "CRPS", "naive last", "naive nat."];
  const widths = [17, 9, 9, 6, 8, 10, 8, 8, 8, 6, 5, 5, 7, 11, 11];
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("");
  out.push(line(head));
  for (const f of r.forecasts) {
    out.push(
      line([
        f.scenario, f.year, f.origin, String(f.yearsAhead), f.effectiveSampleSize === null ? "prior" : f.effectiveSampleSize.toFixed(0),
        millions(f.published), millions(f.p10), millions(f.p50), millions(f.p90), f.pit.toFixed(2),
        f.inside80 ? "yes" : "no", f.inside90 ? "yes" : "no", f.crps.toFixed(3), f.crpsNaiveLast.toFixed(3), f.crpsNaiveNational.toFixed(3),
      ]),
    );
  }
  const s = r.summary;
  const cov = (c: typeof s.coverage80) =>
    `${c.hits} of ${c.n} (${percent(c.rate)}; 95% CI ${percent(c.ci95[0])} to ${percent(c.ci95[1])}), nominal ${percent(c.nominal)}: ${c.consistentWithNominal ? "consistent" : "NOT consistent"}`;
  out.push("");
  out.push(`Coverage of the 80% band: ${cov(s.coverage80)}`);
  out.push(`Coverage of the 90% band: ${cov(s.coverage90)}`);
  out.push(`Mean CRPS: model ${s.meanCrps.toFixed(4)}, last share carried forward ${s.meanCrpsNaiveLast.toFixed(4)}, national average share ${s.meanCrpsNaiveNational.toFixed(4)}`);
  out.push(`Skill score (1 - model / naive): ${s.skillVsLast.toFixed(3)} against last share carried forward, ${s.skillVsNational.toFixed(3)} against the national average`);
  out.push(`Published figure above the forecast median in ${s.aboveMedian} of ${s.forecasts}.`);
  return out.join("\n") + "\n";
}
