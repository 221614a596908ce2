import type { PortfolioReport } from "../../model/index.ts";
import { chartSvg, escapeHtml as e, htmlPage, millions, percent, planName, portfolioFailuresChart, portfolioPlansChart, portfolioSentences, probabilityHalfWidth, type ChartSpec } from "../../report/index.ts";

const figure = (spec: ChartSpec) => `<figure>${chartSvg(spec)}<figcaption>${e(spec.title)}</figcaption></figure>`;
const table = (label: string, id: string, head: string[], rows: string[]) =>
  `<div class="scroll" tabindex="0" role="region" aria-label="${e(label)}"><table id="${id}"><thead><tr>${head.map((h) => `<th scope="col">${h}</th>`).join("")}</tr></thead><tbody>${rows.join("")}</tbody></table></div>`;

/**
 * The DfE's portfolio as a page: what to read from it in sentences, the chance that 1, 2, 3 trusts
 * have failed by each year (chart with 95% bands, and the table), who fails first, each response
 * plan's expected and P90 cost to the DfE and councils (table and chart), CIPFA reserves
 * sustainability by member and year, and the downloads (links carry the iterations, so they are
 * the same report).
 */
export function portfolioPage(r: PortfolioReport, version: string): string {
  const n = r.portfolio.iterations;
  const pc = (p: number) => `${percent(p)}<span class="note"> ±${percent(probabilityHalfWidth(p, n))}</span>`;
  const years = r.years.map((y) => `<tr><th scope="row">${e(y.year)}</th><td>${y.members}</td>${y.failedBy.map((p) => `<td>${pc(p)}</td>`).join("")}${y.failingIn.map((p) => `<td>${percent(p)}</td>`).join("")}</tr>`);
  const members = r.members.map(
    (m) => `<tr><th scope="row">${e(m.id)}</th><td class="text">${e(m.option)}</td><td class="text">${e(m.firstYear)} to ${e(m.lastYear)}</td><td>${pc(m.probabilityFails)}</td><td>${percent(m.probabilityFirst)}</td><td class="text">${e(m.medianFailureYear ?? "does not fail")}</td><td class="text">${e(m.failure)}</td></tr>`,
  );
  const money = (x: number) => millions(x);
  const plans = r.plans.map(
    (p) => `<tr><th scope="row">${e(planName(p.id))}</th>${[p.dfe.mean, p.dfe.p90, p.council.mean, p.council.p90, p.total.mean, p.total.p90].map((x) => `<td>${money(x)}</td>`).join("")}<td class="text">${e(p.label)}</td><td class="text">${e(p.provenance)}</td></tr>`,
  );
  const allYears = r.years.map((y) => y.year);
  const reserves = r.reserves.map((m) => {
    const cells = allYears.map((year) => {
      const y = m.years.find((x) => x.year === year);
      if (y === undefined) return `<td class="note">-</td>`;
      const shown = y.medianYears === null ? "not drawing" : y.medianYears.toFixed(1);
      return `<td title="${e(y.band)}">${e(shown)}<br><span class="note">${e(y.band.split(":")[0])}</span></td>`;
    });
    return `<tr><th scope="row">${e(m.member)}</th>${cells.join("")}</tr>`;
  });
  const bands = r.reserves[0]?.years[0] ? Object.keys(r.reserves[0].years[0].bands) : [];
  const conditioning =
    r.conditioning === null
      ? "Every member's futures are the prior ones (not conditioned on their published outturns): the portfolio file says why."
      : `Conditioned jointly on all members' published evidence: an effective ${r.conditioning.effectiveSampleSize} of ${r.conditioning.pool.toLocaleString("en-GB")} national futures.`;
  const q = `?iterations=${n}`;
  const body = `<nav aria-label="Breadcrumb" class="note"><a href="/">Home</a> › the DfE's portfolio</nav>
<h1>${e(r.portfolio.title)}</h1>
<p class="note">${n.toLocaleString("en-GB")} futures, seed <code>${e(r.portfolio.seed)}</code>, trustsim ${e(version)}. All members share the same national futures (placement prices, pay, inflation, demand), each with its own local uncertainty. ${e(conditioning)} Money is GBP nominal.</p>
<p class="downloads">Download: <a href="/portfolio/results.xlsx${q}" download>Workbook (XLSX)</a><a href="/portfolio/results.csv${q}" download>Table (CSV)</a><a href="/portfolio${q}">Report (JSON)</a></p>
<form method="get" action="/portfolio/report" class="no-print"><label for="iterations">Futures to simulate</label> <input id="iterations" name="iterations" type="number" min="100" step="1000" value="${n}"> <button type="submit">Run again</button></form>
<h2>What to read from it</h2>${portfolioSentences(r).map((s) => `<p>${e(s)}</p>`).join("")}
<h2 id="failures">How many trusts fail, and when</h2>
${figure(portfolioFailuresChart(r))}
<p class="note">"Failed by" counts every member that has failed by the end of the year (each member's failure rule is in the table of members); "failing in" counts those whose failure falls in that year. ± is the 95% interval from the number of futures.</p>
${table("Failures by year", "portfolio-years", ["Year", "Members", "At least 1 failed by", "At least 2", "At least 3", "At least 1 failing in", "At least 2", "At least 3"], years)}
<h2 id="members">Who fails first</h2>
<p>"First" is the share, among futures where any member fails, in which this member is the first (or joint first) to fail.</p>
${table("Members", "portfolio-members", ["Member", "Option", "Years", "Fails at all", "First to fail", "Median failure year", "Failure rule"], members)}
<h2 id="plans">What each response plan costs</h2>
<p>Each plan applied to every member that fails, from its failure to the end of its horizon: the expected cost, and the P90 (the cost exceeded in one future in ten) of the portfolio's total, to the DfE and to the councils.</p>
${figure(portfolioPlansChart(r))}
${table("Response plans", "portfolio-plans", ["Plan", "DfE expected, GBP m", "DfE P90", "Councils expected", "Councils P90", "Total expected", "Total P90", "What happens", "Source or assumption"], plans)}
<h2 id="reserves">Reserves sustainability</h2>
<p>CIPFA's measure: years until the usable reserves run out at that year's rate of drawdown, in the median future, with its band (${e(bands.join("; "))}). "Not drawing" means reserves are not falling that year.</p>
${table("Reserves sustainability", "portfolio-reserves", ["Member", ...allYears], reserves)}`;
  return htmlPage(`${r.portfolio.title}: trustsim portfolio`, body);
}
