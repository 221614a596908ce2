import type { Results } from "../../model/index.ts";
import { chartSvg, escapeHtml as e, htmlPage, millions, percent, type ScenarioChange } from "../../report/index.ts";
import { optionColour } from "../../report/charts/palette.ts";
import { AXIS_NAME, millionsTick } from "../../report/charts/axis.ts";

/** One side of a comparison: a finished run's id and results, and how it differs from its scenario. */
export interface CompareSide {
  id: string;
  results: Results;
  changes: ScenarioChange[];
}

const money = (x: number) => (x < 0 ? `(${millions(-x)})` : millions(x));

/**
 * Two runs side by side (a base and a what-if): each option's horizon totals in both and the
 * difference, the probability of failure, what changed in the scenario, and a chart of the median
 * total cost a year of every option in both runs on one scale.
 */
export function comparePage(a: CompareSide, b: CompareSide): string {
  const options = a.results.options.filter((o) => b.results.options.some((x) => x.id === o.id));
  const rows = options
    .map((o) => {
      const p = b.results.options.find((x) => x.id === o.id)!;
      const cells = (f: (x: typeof o) => number) => [f(o), f(p), f(p) - f(o)].map((x) => `<td>${money(x)}</td>`).join("");
      const fail = (x: typeof o) => (x.failure ? percent(1 - x.failure.never) : "n/a");
      return `<tr><th scope="row">${e(o.label)}</th>${cells((x) => x.horizon.totalCost.mean)}${cells((x) => x.horizon.totalCost.p90)}${cells((x) => x.horizon.npv.mean)}<td>${fail(o)}</td><td>${fail(p)}</td></tr>`;
    })
    .join("");
  const changes = (side: CompareSide) => (side.changes.length ? `<ul>${side.changes.map((c) => `<li>${e(c.label)}: ${e(c.from)} → ${e(c.to)}</li>`).join("")}</ul>` : "<p>The published scenario, unchanged.</p>");
  const years = a.results.years;
  const chart = chartSvg({
    id: "compare",
    title: "Median total cost a year, GBP m nominal: base run (solid) and what-if run (dashed), every option on one scale",
    width: 760,
    height: 440,
    option: {
      // Six legend entries wrap to three lines on a narrow page: room for them above the plot.
      grid: { left: 70, right: 20, top: 120, bottom: 56 },
      legend: { top: 4, itemGap: 18 },
      xAxis: { type: "category", data: years, name: "Financial year", nameGap: 30, boundaryGap: false, ...AXIS_NAME },
      yAxis: { type: "value", name: "GBP m, nominal", nameGap: 52, ...AXIS_NAME, axisLabel: { formatter: millionsTick } },
      series: options.flatMap((o, i) => {
        const p = b.results.options.find((x) => x.id === o.id)!;
        const colour = optionColour(a.results.options.indexOf(o));
        return [
          { name: `${o.label}, base`, type: "line" as const, data: o.yearly.totalCost.map((s) => s.p50), lineStyle: { color: colour, width: 2 }, itemStyle: { color: colour }, symbol: ["circle", "rect", "triangle"][i % 3] },
          { name: `${o.label}, what-if`, type: "line" as const, data: p.yearly.totalCost.map((s) => s.p50), lineStyle: { color: colour, width: 2, type: "dashed" as const }, itemStyle: { color: colour }, symbol: ["circle", "rect", "triangle"][i % 3] },
        ];
      }),
    },
  });
  const link = (side: CompareSide) => `<a href="/runs/${e(side.id)}/report">${e(side.results.scenario.title)}</a> <code>${e(side.id.slice(0, 8))}</code>, ${side.results.simulation.iterations.toLocaleString("en-GB")} iterations, seed <code>${e(side.results.simulation.seed)}</code>`;
  const body = `<nav aria-label="Breadcrumb" class="note"><a href="/">Home</a> › comparison</nav>
<h1>Base against what-if</h1>
<div class="scroll"><table><tbody><tr><th scope="row">Base run</th><td class="text">${link(a)}</td></tr><tr><th scope="row">What-if run</th><td class="text">${link(b)}</td></tr></tbody></table></div>
<h2>What changed</h2><h3>Base run</h3>${changes(a)}<h3>What-if run</h3>${changes(b)}
<h2>Horizon totals, GBP m</h2>
<div class="scroll" tabindex="0" role="region" aria-label="Comparison table"><table id="comparison"><thead>
<tr><th scope="col" rowspan="2">Option</th><th scope="colgroup" colspan="3">Total cost, mean</th><th scope="colgroup" colspan="3">Total cost, P90</th><th scope="colgroup" colspan="3">NPV (real), mean</th><th scope="colgroup" colspan="2">Fails within the horizon</th></tr>
<tr>${["Base", "What-if", "Difference", "Base", "What-if", "Difference", "Base", "What-if", "Difference", "Base", "What-if"].map((h) => `<th scope="col">${h}</th>`).join("")}</tr>
</thead><tbody>${rows}</tbody></table></div>
<p class="note">Difference: what-if less base; brackets are negative (the what-if costs less).${a.results.scenario.id !== b.results.scenario.id ? " The two runs are of different scenarios: compare with care." : ""}</p>
<figure>${chart}<figcaption>Median total cost a year, GBP m nominal: base run (solid) and what-if run (dashed), every option on one scale.</figcaption></figure>`;
  return htmlPage("Comparison of two runs: trustsim", body);
}
