import { escapeHtml as e, htmlPage } from "../../report/index.ts";
import type { RunRecord } from "../run-store.ts";

/** A run in a list: its scenario, when, how far, and where to read it. */
const runLabel = (r: RunRecord) => `${r.scenarioTitle.split(",")[0]}, ${r.iterations.toLocaleString("en-GB")} iterations, ${r.createdAt.slice(0, 16).replace("T", " ")}`;

/**
 * The front door: the shipped scenarios to start from, the run history with each run's state, and
 * a form to compare two finished runs side by side.
 */
export function homePage(scenarios: { id: string; title: string; area: string; illustrative: boolean; options: string[] }[], runs: RunRecord[], total: number): string {
  const done = runs.filter((r) => r.status === "done");
  const select = (name: string, text: string, pick: number) =>
    `<label for="${name}">${text}</label> <select id="${name}" name="${name}">${done.map((r, i) => `<option value="${e(r.id)}"${i === pick ? " selected" : ""}>${e(runLabel(r))} (${e(r.id.slice(0, 8))})</option>`).join("")}</select>`;
  const body = `<h1>Children's services delivery models: what they cost and how sure we can be</h1>
<p>Pick a scenario, change its assumptions if you wish, and run it: each option (in-house, a children's trust, a partnership) is simulated over thousands of possible futures.</p>
<h2>Scenarios</h2>
<ul class="scenarios">${scenarios
    .map((s) => `<li><a href="/scenario/${e(s.id)}">${e(s.title)}</a> <span class="note">${e(s.area)}; options ${e(s.options.join(", "))}${s.illustrative ? "; illustrative" : ""}</span></li>`)
    .join("")}</ul>
<h2 id="portfolio">The DfE's portfolio</h2>
<p><a href="/portfolio/report">Every children's trust at once</a>: the chance that one, two or three fail in the same years, which fails first, what each response plan costs the DfE and councils, and how long reserves last.</p>
<h2 id="runs">Run history</h2>
${runs.length === 0 ? "<p>No runs yet.</p>" : `<div class="scroll" tabindex="0" role="region" aria-label="Run history"><table><thead><tr><th scope="col">Scenario</th><th scope="col" class="text">Started (UTC)</th><th scope="col">Iterations</th><th scope="col" class="text">Status</th><th scope="col" class="text">Run</th></tr></thead><tbody>${runs
        .map((r) => `<tr><td class="text"><a href="/runs/${e(r.id)}/report">${e(r.scenarioTitle)}</a></td><td class="text">${e(r.createdAt.slice(0, 19).replace("T", " "))}</td><td>${r.iterations.toLocaleString("en-GB")}</td><td class="text">${e(r.status)}${r.status === "running" ? ` ${Math.round(r.progress * 100)}%` : ""}</td><td class="text"><code>${e(r.id.slice(0, 8))}</code></td></tr>`)
        .join("")}</tbody></table></div>
<p class="note">Showing the newest ${runs.length} of ${total}.</p>`}
<h2 id="compare">Compare two runs</h2>
${done.length < 2 ? "<p>Two finished runs are needed to compare.</p>" : `<form method="get" action="/compare"><p>${select("a", "Base run", 1)}</p><p>${select("b", "What-if run", 0)}</p><button type="submit">Compare</button></form>`}`;
  return htmlPage("trustsim", body);
}
