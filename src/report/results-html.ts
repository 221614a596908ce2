import type { Results, SensitivityResult } from "../model/index.ts";
import { assumptionRows } from "./assumption-rows.ts";
import { chartSvg, resultCharts, type ChartSpec } from "./charts/index.ts";
import { millions, percent } from "./format-money.ts";
import { escapeHtml as e, htmlPage } from "./html-page.ts";
import { mtfpRows } from "./mtfp-rows.ts";
import { childrenRows, childrenValue } from "./children-rows.ts";
import type { ReportMeta } from "./results-xlsx.ts";
import { summarySentences } from "./summary-sentences.ts";

/** What the page needs beyond a workbook's meta: the tornado pair on show. */
export interface HtmlReportMeta extends Omit<ReportMeta, "scenario"> {
  /** The options the tornado compares ("a,b"), chosen by the reader. */
  between?: string;
  sensitivity?: SensitivityResult;
}

const money = (x: number) => (x < 0 ? `(${millions(-x)})` : millions(x));
const figure = (spec: ChartSpec) => `<figure>${chartSvg(spec)}<figcaption>${e(spec.title)}</figcaption></figure>`;

/** An option's children block (counts, and the placement cost per child in GBP a year); empty without counts. */
function childrenTable(years: string[], o: Results["options"][number]): string {
  const rows = childrenRows(o);
  if (rows.length === 0) return "";
  const body = rows.map((c) => `<tr><th scope="row">${e(c.label)}</th>${c.values.map((v) => `<td>${childrenValue(c, v)}</td>`).join("")}</tr>`).join("");
  return `<div class="scroll" tabindex="0" role="region" aria-label="${e(o.label)}: children"><table class="per-year children"><caption class="note">Children looked after: mean over futures, counts (not GBP) except the placement cost per child (GBP a year)</caption>
        <thead><tr><th scope="col">Children</th>${years.map((y) => `<th scope="col">${y}</th>`).join("")}</tr></thead><tbody>${body}</tbody></table></div>`;
}

/**
 * A run's results as a page for a person: summary in sentences, downloads, horizon totals, per
 * option the medium-term plan with its chart (all options on one scale) and its children, overspend and reserves,
 * failure curves, the paired differences, the tornado for the pair the reader picks, and the
 * assumptions with their sources. Charts are inline SVG from the same specs as the PNG exports.
 */
export function resultsHtml(r: Results, meta: HtmlReportMeta): string {
  const charts = resultCharts(r, meta.sensitivity);
  const labelOf = (id: string) => r.options.find((o) => o.id === id)?.label ?? id;
  const base = `/runs/${encodeURIComponent(meta.runId)}`;
  const totals = r.options
    .map((o) => `<tr><th scope="row">${e(o.label)}</th>${[o.horizon.totalCost.mean, o.horizon.totalCost.p10, o.horizon.totalCost.p50, o.horizon.totalCost.p90, o.horizon.councilCost.mean, o.horizon.npv.mean].map((x) => `<td>${money(x)}</td>`).join("")}</tr>`)
    .join("");
  const options = r.options
    .map((o, i) => {
      const rows = mtfpRows(o)
        .map((row) => `<tr class="${row.kind}"><th scope="row">${e(row.label)}</th>${row.values.map((v) => `<td>${money(v)}</td>`).join("")}<td>${row.total === null ? "" : money(row.total)}</td></tr>`)
        .join("");
      return `<section class="option" aria-labelledby="option-${e(o.id)}"><h3 id="option-${e(o.id)}">${e(o.label)} <span class="note">(${e(o.id)}, ${e(o.kind)})</span></h3>
        ${figure(charts.cost[i])}
        <div class="scroll" tabindex="0" role="region" aria-label="${e(o.label)}: plan table"><table class="per-year"><caption class="note">GBP m nominal, mean over futures unless marked; brackets are negative</caption>
        <thead><tr><th scope="col">GBP m</th>${r.years.map((y) => `<th scope="col">${y}</th>`).join("")}<th scope="col">Total</th></tr></thead><tbody>${rows}</tbody></table></div>${childrenTable(r.years, o)}</section>`;
    })
    .join("");
  const failures = r.options
    .filter((o) => o.failure)
    .map((o, k) => `${figure(charts.failure[k])}<p>${e(o.label)}: ${percent(1 - o.failure!.never)} of futures fail within the horizon (reserves below GBP ${millions(o.failure!.threshold, 1)}m).</p>`)
    .join("");
  const comparisons = r.comparisons
    .map((c, k) => {
      const d = c.totalCostDifference;
      return `${figure(charts.differences[k])}<p>${e(labelOf(c.a))} minus ${e(labelOf(c.b))}: mean GBP ${money(d.mean)}m (±${millions(d.se, 2)}), P10 ${money(d.p10)}, P50 ${money(d.p50)}, P90 ${money(d.p90)}.
        ${e(labelOf(c.a))} is cheaper in ${percent(c.probabilityACheaper.p)} of futures (95% interval ${percent(c.probabilityACheaper.ci95[0], 1)} to ${percent(c.probabilityACheaper.ci95[1], 1)}).</p>`;
    })
    .join("");
  const pairs = r.comparisons.map((c) => `${c.a},${c.b}`);
  const chosen = meta.between ?? pairs[0];
  const tornadoForm = pairs.length
    ? `<form method="get" action="${base}/report#tornado" class="no-print"><label for="between">Which difference to explain</label>
       <select id="between" name="between">${pairs.map((p) => { const [a, b] = p.split(","); return `<option value="${e(p)}"${p === chosen ? " selected" : ""}>${e(labelOf(a))} minus ${e(labelOf(b))}</option>`; }).join("")}</select>
       <button type="submit">Show</button></form>`
    : "";
  const tornado = charts.tornado
    ? `${figure(charts.tornado)}<p class="note">Each bar: the output with that input at its P10 (blue) or P90 (orange), every other input at its median; ${meta.sensitivity!.iterations.toLocaleString("en-GB")} iterations, the run's own.</p>`
    : "";
  const assumptions = assumptionRows(r, meta.evidence)
    .map((a) => `<tr><td class="text">${e(a.label)}</td><td class="text">${e(a.detail)}</td><td class="text">${a.per === "year" ? "each year" : "once per future"}</td><td class="text">${e([a.sourceTitle, a.publisher, a.date].filter(Boolean).join(", "))}</td><td class="text">${e(a.note)}</td></tr>`)
    .join("");
  const body = `<nav aria-label="Breadcrumb" class="note"><a href="/">Home</a> › <a href="/scenario/${e(r.scenario.id)}">${e(r.scenario.title)}</a> › results</nav>
<h1>${e(r.scenario.title)}</h1>
${r.scenario.illustrative ? `<p class="warning">Illustrative scenario: not calibrated on a published case.</p>` : ""}
${meta.changes?.length ? `<div class="warning"><strong>What-if run.</strong> Changed from the published scenario: <ul>${meta.changes.map((c) => `<li>${e(c.label)}: ${e(c.from)} → ${e(c.to)}</li>`).join("")}</ul></div>` : ""}
<p class="note">${r.simulation.iterations.toLocaleString("en-GB")} iterations, seed <code>${e(r.simulation.seed)}</code>, trustsim ${e(meta.version)}, run <code>${e(meta.runId)}</code>. ${e(r.priceBase.statement)}</p>
<p class="downloads">Download: <a href="${base}/results.xlsx" download>Workbook (XLSX)</a><a href="${base}/results.docx" download>Cabinet annex (DOCX)</a><a href="${base}/results.csv" download>Table (CSV)</a><a href="${base}">Results (JSON)</a>
 <a href="/compare?a=${encodeURIComponent(meta.runId)}">Compare with another run</a></p>
<h2>Summary</h2>${summarySentences(r).map((s) => `<p>${e(s)}</p>`).join("")}
<h2>Over the horizon (${r.years[0]} to ${r.years[r.years.length - 1]})</h2>
<div class="scroll" tabindex="0" role="region" aria-label="Horizon totals"><table id="horizon-totals"><thead><tr><th scope="col">GBP m</th><th scope="col">Total cost, mean</th><th scope="col">P10</th><th scope="col">P50</th><th scope="col">P90</th><th scope="col">Cost to the council</th><th scope="col">NPV (real)</th></tr></thead><tbody>${totals}</tbody></table></div>
<h2>Each option, year by year</h2><p class="note">Every option's chart has the same scale, so heights compare directly.</p>
${options}
<h2>Overspend and reserves</h2>${figure(charts.overspend)}${charts.reserves ? figure(charts.reserves) : ""}
${failures ? `<h2>Financial failure</h2>${failures}` : ""}
<h2>Paired comparisons (the same futures for both options)</h2>
${comparisons || "<p>One option only: nothing to compare.</p>"}
<h2 id="tornado">What drives the difference</h2>${tornadoForm}${tornado}
<h2>Assumptions and their sources</h2>
<div class="scroll" tabindex="0" role="region" aria-label="Assumptions"><table id="assumptions"><thead><tr><th scope="col">Assumption</th><th scope="col" class="text">Value or distribution</th><th scope="col" class="text">Drawn</th><th scope="col" class="text">Source</th><th scope="col" class="text">Note</th></tr></thead><tbody>${assumptions}</tbody></table></div>`;
  return htmlPage(`${r.scenario.title}: trustsim results`, body);
}
