import { compileScenario, type EvidenceRecord, type Scenario } from "../../model/index.ts";
import { assumptionLabel, escapeHtml as e, htmlPage } from "../../report/index.ts";

const PARAMETERS = ["value", "min", "mode", "max", "mean", "sd", "p", "alpha", "beta"] as const;

/** The value at a dotted path of scenario data, options (and other lists of records) by id. */
function at(data: unknown, path: string): unknown {
  let node = data;
  for (const segment of path.split(".")) {
    if (Array.isArray(node)) node = node.find((x) => (x as { id?: string })?.id === segment);
    else if (node !== null && typeof node === "object") node = (node as Record<string, unknown>)[segment];
    else return undefined;
  }
  return node;
}

/** The form fields of one assumption: a number for a constant, the numeric parameters of a distribution; none for a yearly list. */
function fields(key: string, q: unknown): { path: string; name: string; value: number }[] {
  if (typeof q === "number") return [{ path: key, name: "value", value: q }];
  if (q === null || typeof q !== "object" || Array.isArray(q)) return [];
  return PARAMETERS.filter((p) => typeof (q as Record<string, unknown>)[p] === "number").map((p) => ({ path: `${key}.${p}`, name: p, value: (q as Record<string, number>)[p] }));
}

/**
 * A scenario's page: a form generated from its assumptions (each number editable, its source
 * beside it), the iterations and seed, and a button that starts the run with the changed values
 * as overrides and goes to the run's page, which shows progress and then the results.
 */
export function scenarioPage(s: Scenario, evidence: Map<string, EvidenceRecord>, maxIterations: number): string {
  const assumptions = compileScenario(s).inputs.assumptions;
  let n = 0;
  const rows = assumptions
    .map((a) => {
      const q = at(s, a.key);
      const id = a.source?.startsWith("seeds/") ? a.source.slice(6) : null;
      const record = id === null ? undefined : evidence.get(id);
      const source = record ? `${record.source.title}, ${record.source.publisher}, ${record.source.date}` : (a.source ?? "");
      const inputs = fields(a.key, q)
        .map((f) => {
          const fid = `f${++n}`;
          return `<label for="${fid}">${e(f.name)}<input id="${fid}" type="number" step="any" inputmode="decimal" data-path="${e(f.path)}" value="${f.value}"></label>`;
        })
        .join("");
      return `<div class="field"><div><span id="l${n}">${e(assumptionLabel(a.key))}</span><br><span class="note">${e(a.distribution)}${a.per === "year" ? ", drawn each year" : ""}</span></div>
        <div class="params" role="group" aria-labelledby="l${n}">${inputs || `<span class="note">a list by year; edit the scenario file to change it</span>`}</div>
        <div class="source">Source: ${e(source || "none given")}${a.note ? `. Note: ${e(a.note)}` : ""}</div></div>`;
    })
    .join("");
  const body = `<nav aria-label="Breadcrumb" class="note"><a href="/">Home</a> › ${e(s.title)}</nav>
<h1>${e(s.title)}</h1>
<p>${e(s.area)}, ${s.years} years from ${s.startYear}. Options: ${s.options.map((o) => e(o.label)).join("; ")}.</p>
${s.description ? `<p>${e(s.description)}</p>` : ""}
${s.illustrative ? `<p class="warning">Illustrative scenario: not calibrated on a published case.</p>` : ""}
<form id="run-form">
<fieldset><legend>The run</legend>
<p><label for="iterations">Iterations</label> <input id="iterations" name="iterations" type="number" min="100" max="${maxIterations}" step="1" value="${Math.min(s.simulation.iterations, maxIterations)}" required>
 <label for="seed">Seed</label> <input id="seed" name="seed" type="text" value="${e(s.simulation.seed)}" required></p>
<button type="submit">Start the run</button> <span id="message" role="status" aria-live="polite"></span>
</fieldset>
<fieldset><legend>Assumptions (change any number; unchanged ones keep the published value)</legend>${rows}</fieldset>
<button type="submit">Start the run</button>
</form>`;
  const script = `
const form = document.getElementById("run-form"), message = document.getElementById("message");
form.addEventListener("submit", async (event) => {
  event.preventDefault();
  const overrides = {};
  for (const input of form.querySelectorAll("input[data-path]")) {
    if (input.value !== input.defaultValue) overrides[input.dataset.path] = Number(input.value);
  }
  message.textContent = "Starting...";
  const body = { scenarioId: ${JSON.stringify(s.id)}, iterations: Number(form.iterations.value), seed: form.seed.value };
  if (Object.keys(overrides).length) body.overrides = overrides;
  const response = await fetch("/runs", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const answer = await response.json();
  if (response.status === 202) location.href = answer.links.report;
  else message.textContent = "Not started: " + answer.message;
});`;
  return htmlPage(`${s.title}: trustsim`, body, { script });
}
