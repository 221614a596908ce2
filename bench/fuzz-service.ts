/**
 * `npm run bench:fuzz [-- --requests N]`: property-based fuzz of POST /runs through fastify.inject,
 * 10,000 requests by default, over the input space of test/helpers/fuzz-requests.ts (extreme
 * magnitudes, deep nesting, tail truncations, duplicate and oversized correlations). Afterwards it
 * waits for every accepted run to end, and checks /health, SQLite's integrity and that reference
 * runs stored before the fuzz read back byte-identical. Prints one JSON object; exits 1 on any
 * 5xx, hang or difference.
 */
import fc from "fast-check";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildApp } from "../src/server/app.ts";
import type { RunStore } from "../src/server/run-store.ts";
import { fuzzBody } from "../test/helpers/fuzz-requests.ts";

const flag = process.argv.indexOf("--requests");
const requests = flag >= 0 ? Number(process.argv[flag + 1]) : 10_000;
const HANG_MS = 10_000;
const app = await buildApp({
  dataDir: mkdtempSync(join(tmpdir(), "trustsim-fuzz-")),
  scenariosDir: join(import.meta.dirname, "..", "scenarios"),
  maxIterations: 200,
  runDeadlineMs: 20_000,
  quotas: { maxRunsPerHour: 1e9, keepRuns: 1e9, maxConcurrentRuns: 2 },
});
const get = async (url: string) => (await app.inject(url)).body;
const waitFor = async (id: string) => {
  for (const start = Date.now(); Date.now() - start < 60_000; await new Promise((r) => setTimeout(r, 100))) {
    const status = JSON.parse(await get(`/runs/${id}`)).status;
    if (status !== "queued" && status !== "running") return status as string;
  }
  return "hung";
};

const references: string[] = [];
for (const scenarioId of ["slough", "doncaster"]) {
  const id = (await app.inject({ method: "POST", url: "/runs", payload: { scenarioId, iterations: 150, seed: "reference" } })).json().id;
  await waitFor(id);
  references.push(id);
}
const before = await Promise.all(references.flatMap((id) => [`/runs/${id}`, `/runs/${id}/results.csv`, `/runs/${id}/report`].map(get)));

const started = performance.now();
const counts: Record<string, number> = {};
const accepted: string[] = [];
const bodies = new Map<string, string>();
let slowest = 0;
let slowestBody = "";
const samples = fc.sample(fuzzBody, { numRuns: requests, seed: 20261125 });
for (const [i, payload] of samples.entries()) {
  const t = performance.now();
  const res = await Promise.race([
    app.inject({ method: "POST", url: "/runs", headers: { "content-type": "application/json" }, payload }),
    new Promise<null>((resolve) => setTimeout(() => resolve(null), HANG_MS).unref()),
  ]);
  if (performance.now() - t > slowest) {
    slowest = performance.now() - t;
    slowestBody = payload.slice(0, 200);
  }
  const key = res === null ? "hang" : String(res.statusCode);
  counts[key] = (counts[key] ?? 0) + 1;
  if (res?.statusCode === 202) {
    accepted.push(res.json().id);
    bodies.set(res.json().id, payload);
  }
  if (res !== null && res.statusCode >= 500) process.stderr.write(`5xx for body ${payload.slice(0, 300)}: ${res.body.slice(0, 300)}\n`);
  if ((i + 1) % 1000 === 0) process.stderr.write(`${i + 1} requests, ${JSON.stringify(counts)}\n`);
}
const runOutcomes: Record<string, number> = {};
const failures: string[] = [];
for (const id of accepted) {
  const status = await waitFor(id);
  runOutcomes[status] = (runOutcomes[status] ?? 0) + 1;
  if (status === "failed") {
    failures.push(JSON.parse(await get(`/runs/${id}`)).error);
    process.stderr.write(`failed run ${id}: ${bodies.get(id)}\n`);
  }
}
const health = await app.inject("/health");
const after = await Promise.all(references.flatMap((id) => [`/runs/${id}`, `/runs/${id}/results.csv`, `/runs/${id}/report`].map(get)));
const identical = after.every((body, i) => body === before[i]);
const integrity = (app as unknown as { runStore: RunStore }).runStore.integrityCheck();
await app.close();

const fivexx = Object.entries(counts).filter(([k]) => k.startsWith("5")).reduce((n, [, v]) => n + v, 0);
const report = {
  benchmark: "fuzz-service",
  requests,
  byStatus: counts,
  fivexx,
  hangs: counts.hang ?? 0,
  acceptedRuns: accepted.length,
  runOutcomes,
  slowestRequestMs: Math.round(slowest),
  slowestRequestBody: slowestBody,
  failedRunReasons: failures,
  wallSeconds: Math.round((performance.now() - started) / 1000),
  healthAfter: health.statusCode,
  runsRunningAfter: health.json().runsRunning,
  referenceRunsByteIdentical: identical,
  sqliteIntegrity: integrity,
};
process.stdout.write(JSON.stringify(report) + "\n");
process.exitCode = fivexx === 0 && report.hangs === 0 && identical && integrity === "ok" && health.statusCode === 200 && !runOutcomes.hung ? 0 : 1;
