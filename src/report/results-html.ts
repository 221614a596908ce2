import type { Results, SensitivityResult } from "../model/index.ts";
import { millions, percent } from "./format-money.ts";
import { escapeHtml, fanChart, histogramChart, probabilityCurve, tornadoChart } from "./svg-charts.ts";

const LINES: [string, string][] = [
  ["placements", "Placements"],
  ["workforce", "Workforce"],
  ["vat", "VAT not recovered"],
  ["overheads", "Governance and support"],
  ["other", "Other service spend"],
  ["operating", "Operating cost"],
  ["setupGross", "Set-up (gross)"],
  ["transition", "Transition"],
  ["totalCost", "Total cost"],
  ["budget", "Budget"],
  ["overspend", "Overspend"],
  ["reserves", "Reserves, end of year"],
];

/**
 * A self-contained HTML page of a run's results for a person: horizon totals, per option a fan
 * chart and a per-year table, a histogram of each paired cost difference, failure curves, and the
 * assumptions with their sources. Inline SVG and CSS: nothing to build or fetch.
 */
export function resultsHtml(r: Results, meta: { runId: string; version: string; sensitivity?: SensitivityResult }): string {
  const e = escapeHtml;
  const m = (x: number) => millions(x);
  const totals = r.options
    .map((o) => `<tr><th>${e(o.label)}</th>${[o.horizon.totalCost.mean, o.horizon.totalCost.p10, o.horizon.totalCost.p50, o.horizon.totalCost.p90, o.horizon.npv.mean].map((x) => `<td>${m(x)}</td>`).join("")}</tr>`)
    .join("");
  const optionSections = r.options
    .map((o) => {
      const rows = LINES.filter(([line]) => o.yearly[line].some((s) => s.mean !== 0))
        .map(([line, label]) => `<tr><th>${label}</th>${o.yearly[line].map((s) => `<td>${m(s.mean)}</td>`).join("")}</tr>`)
        .join("");
      const bands = ["p10", "p50", "p90"] as const;
      const bandRows = bands.map((p) => `<tr class="band"><th>Total cost ${p.toUpperCase()}</th>${o.yearly.totalCost.map((s) => `<td>${m(s[p])}</td>`).join("")}</tr>`).join("");
      const failure = o.failure
        ? `<h3>Probability of failure (reserves below GBP ${millions(o.failure.threshold, 2)}m) by the end of each year</h3>${probabilityCurve(`${o.label}: probability of failure by year`, r.years, o.failure.probabilityByYear)}
           <p>${percent(1 - o.failure.never)} of futures fail within the horizon.</p>`
        : "";
      return `<section class="option"><h2>${e(o.label)} <small>(${e(o.id === o.kind ? o.id : `${o.id}, ${o.kind}`)})</small></h2>
        <h3>Total cost a year, GBP m nominal: median, P10-P90 (dark) and P5-P95 (light)</h3>
        ${fanChart(`${o.label}: total cost a year`, r.years, o.yearly.totalCost)}
        <table class="per-year"><thead><tr><th>GBP m, mean</th>${r.years.map((y) => `<th>${y}</th>`).join("")}</tr></thead><tbody>${rows}${bandRows}</tbody></table>
        ${failure}</section>`;
    })
    .join("");
  const comparisons = r.comparisons
    .map((c) => {
      const d = c.totalCostDifference;
      return `<section class="comparison"><h3>${e(c.a)} minus ${e(c.b)}, horizon total, GBP m nominal</h3>
        ${histogramChart(`${c.a} minus ${c.b}: distribution of the paired cost difference`, c.histogram)}
        <p>Mean ${m(d.mean)} (±${millions(d.se, 2)}), P10 ${m(d.p10)}, P50 ${m(d.p50)}, P90 ${m(d.p90)}. ${e(c.a)} is cheaper in
        ${percent(c.probabilityACheaper.p)} of futures (95% interval ${percent(c.probabilityACheaper.ci95[0], 2)} to ${percent(c.probabilityACheaper.ci95[1], 2)}).
        Green bars: futures where ${e(c.a)} costs less.</p></section>`;
    })
    .join("");
  const sens = meta.sensitivity;
  const tornado = sens
    ? `<h2>What drives ${e(sens.output)}</h2>
      ${tornadoChart(`Tornado: ${sens.output}`, sens.outputAtMedians, [...sens.inputs].sort((x, y) => Math.abs(y.swing) - Math.abs(x.swing)).slice(0, 12).map((i) => ({ label: i.key, low: i.outputAtP10, high: i.outputAtP90 })))}
      <p>Each bar runs from the output with that input at its P10 to the output with it at its P90, every other input at its median
      (dashed line: all at medians, GBP ${m(sens.outputAtMedians)}m). Red: the output rises with the input. ${sens.iterations.toLocaleString("en-GB")} iterations.</p>
      <table id="sensitivity"><thead><tr><th>input</th><th>rank correlation</th><th>share of variance</th><th>swing, GBP m</th></tr></thead><tbody>
      ${sens.inputs.slice(0, 12).map((i) => `<tr><td><code>${e(i.key)}</code></td><td>${i.spearman.toFixed(3)} ±${i.spearmanSe.toFixed(3)}</td><td>${percent(i.contributionToVariance, 0)}</td><td>${millions(i.swing, 2)}</td></tr>`).join("")}
      </tbody></table>`
    : "";
  const assumptions = r.assumptions
    .map((a) => `<tr><td><code>${e(a.key)}</code></td><td>${e(a.distribution)}</td><td>${a.per}</td><td>${e(a.source ?? "")}</td><td>${e(a.note ?? "")}</td></tr>`)
    .join("");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${e(r.scenario.title)}: trustsim results</title>
<style>
body { font: 14px/1.4 system-ui, sans-serif; margin: 2em auto; max-width: 1100px; padding: 0 1em; color: #222; }
table { border-collapse: collapse; margin: 0.5em 0 1.5em; font-variant-numeric: tabular-nums; }
th, td { border-bottom: 1px solid #ddd; padding: 2px 8px; text-align: right; }
th:first-child { text-align: left; } tr.band td, tr.band th { color: #555; font-style: italic; }
.warning { background: #fff3cd; padding: 0.5em 1em; } small { color: #666; font-weight: normal; }
svg { display: block; max-width: 100%; height: auto; }
</style></head><body>
<h1>${e(r.scenario.title)}</h1>
${r.scenario.illustrative ? `<p class="warning">Illustrative scenario: not calibrated on a published case.</p>` : ""}
<p>${r.simulation.iterations.toLocaleString("en-GB")} iterations, seed <code>${e(r.simulation.seed)}</code>, trustsim ${e(meta.version)}, run <code>${e(meta.runId)}</code>.
${e(r.priceBase.statement)}${r.simulation.percentiles.method === "histogram" ? ` Percentiles: ${e(r.simulation.percentiles.note)}.` : ""}</p>
<h2>Over the horizon (${r.years[0]} to ${r.years[r.years.length - 1]})</h2>
<table id="horizon-totals"><thead><tr><th>GBP m</th><th>total, mean</th><th>P10</th><th>P50</th><th>P90</th><th>NPV (real), mean</th></tr></thead><tbody>${totals}</tbody></table>
${optionSections}
<h2>Paired comparisons (the same futures for both options)</h2>
${comparisons || "<p>One option only: nothing to compare.</p>"}
${tornado}
<h2>Assumptions and their sources</h2>
<table id="assumptions"><thead><tr><th>input</th><th>distribution</th><th>drawn</th><th>source</th><th>note</th></tr></thead><tbody>${assumptions}</tbody></table>
</body></html>
`;
}
