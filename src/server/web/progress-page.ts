import { escapeHtml as e, htmlPage } from "../../report/index.ts";
import type { RunRecord } from "../run-store.ts";

/**
 * The page a report's address shows while its run is queued or going: a progress bar fed by the
 * run's server-sent events, read out politely to screen readers, and the report itself once done.
 * A failed or cancelled run says why, with a way back.
 */
export function progressPage(run: RunRecord): string {
  if (run.status === "failed" || run.status === "cancelled") {
    return htmlPage(`${run.scenarioTitle}: run ${run.status}`, `<h1>${e(run.scenarioTitle)}</h1>
<p class="warning" role="alert">This run ${run.status === "failed" ? "failed" : "was cancelled"}: ${e(run.error ?? "no reason recorded")}.</p>
<p><a href="/scenario/${e(run.scenarioId)}">Back to the scenario to start it again</a> · <a href="/">Home</a></p>`);
  }
  const percent = Math.round(run.progress * 100);
  const body = `<nav aria-label="Breadcrumb" class="note"><a href="/">Home</a> › <a href="/scenario/${e(run.scenarioId)}">${e(run.scenarioTitle)}</a> › run</nav>
<h1>${e(run.scenarioTitle)}</h1>
<p>Simulating ${run.iterations.toLocaleString("en-GB")} futures (seed <code>${e(run.seed)}</code>). This page shows the results when the run is done.</p>
<label for="progress">Progress</label>
<progress id="progress" max="100" value="${percent}">${percent}%</progress>
<p id="status" role="status" aria-live="polite">${e(run.status)}: ${percent}% done</p>
<noscript><p>Reload this page to see the results when the run is done.</p></noscript>`;
  const script = `
const bar = document.getElementById("progress"), status = document.getElementById("status");
const events = new EventSource(${JSON.stringify(`/runs/${run.id}/events`)});
events.addEventListener("progress", (m) => {
  const run = JSON.parse(m.data), pct = Math.round(run.progress * 100);
  bar.value = pct; bar.textContent = pct + "%";
  status.textContent = run.status + ": " + pct + "% done";
  if (run.status === "done") { events.close(); status.textContent = "Done: opening the results"; location.reload(); }
  if (run.status === "failed" || run.status === "cancelled") { events.close(); location.reload(); }
});`;
  return htmlPage(`${run.scenarioTitle}: running`, body, { script });
}
