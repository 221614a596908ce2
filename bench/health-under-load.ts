/**
 * `npm run bench:health [-- --iterations N]`: starts the service on a loopback port, submits two
 * runs of the reference scenario (200,000 iterations each by default, the largest this bench
 * allows on two cores in reasonable time), has 50 clients poll GET /runs/:id (the full results
 * once a run is done), and times GET /health every 50 ms over a real socket until both runs are
 * done and the clients have read their results. Prints one JSON object: latency percentiles in ms.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { buildApp } from "../src/server/app.ts";

const flag = process.argv.indexOf("--iterations");
const iterations = flag >= 0 ? Number(process.argv[flag + 1]) : 200_000;
const CLIENTS = 50;
const app = await buildApp({
  dataDir: mkdtempSync(join(tmpdir(), "trustsim-health-")),
  scenariosDir: join(import.meta.dirname, "..", "scenarios"),
  workersPerRun: 1,
  quotas: { maxConcurrentRuns: 2 },
});
const address = await app.listen({ port: 0, host: "127.0.0.1" });
const ids: string[] = [];
for (const seed of ["a", "b"]) {
  const post = await fetch(`${address}/runs`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ scenarioId: "bradford", iterations, seed }) });
  if (post.status !== 202) throw new Error(`POST /runs answered ${post.status}: ${await post.text()}`);
  ids.push(((await post.json()) as { id: string }).id);
}
const start = performance.now();
const status = async (id: string) => ((await (await fetch(`${address}/runs/${id}`)).json()) as { status: string }).status;
let finishedAt = Infinity;
// The 50 clients run in their own thread, as other processes would: their fetch work is not the server's.
const clients = new Worker(
  `const { workerData, parentPort } = require("node:worker_threads");
   const { address, ids, clients } = workerData;
   let stop = false, polls = 0, bytes = 0;
   parentPort.on("message", () => { stop = true; });
   Promise.all(Array.from({ length: clients }, async (_, c) => {
     while (!stop) {
       const res = await fetch(address + "/runs/" + ids[c % 2]);
       bytes += (await res.arrayBuffer()).byteLength;
       polls++;
       await new Promise((r) => setTimeout(r, 200));
     }
   })).then(() => parentPort.postMessage({ polls, bytes }));`,
  { eval: true, workerData: { address, ids, clients: CLIENTS } },
);
const clientTotals = new Promise<{ polls: number; bytes: number }>((resolve) => clients.once("message", resolve));
const latencies: number[] = [];
const afterDone: number[] = [];
let states = ["queued", "queued"];
while (performance.now() < finishedAt + 5_000) {
  const t = performance.now();
  const health = await fetch(`${address}/health`);
  await health.json();
  latencies.push(performance.now() - t);
  if (finishedAt !== Infinity) afterDone.push(performance.now() - t);
  if (finishedAt === Infinity) {
    states = await Promise.all(ids.map(status));
    if (states.every((s) => s !== "queued" && s !== "running")) finishedAt = performance.now();
  }
  await new Promise((r) => setTimeout(r, 50));
}
clients.postMessage("stop");
const { polls, bytes: resultBytes } = await clientTotals;
await clients.terminate();
const wallMs = finishedAt - start;
await app.close();
const sorted = [...latencies].sort((a, b) => a - b);
const q = (p: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] * 10) / 10;
const report = {
  benchmark: "health-under-load",
  runs: 2,
  iterations,
  clients: CLIENTS,
  runStatus: states,
  runWallMs: Math.round(wallMs),
  polls,
  resultMegabytesRead: Math.round(resultBytes / 1048576),
  samples: latencies.length,
  p50Ms: q(0.5),
  p95Ms: q(0.95),
  p99Ms: q(0.99),
  maxMs: Math.round(sorted[sorted.length - 1] * 10) / 10,
  under100Ms: latencies.filter((l) => l < 100).length,
  maxAfterRunsDoneMs: Math.round(Math.max(...afterDone) * 10) / 10,
};
process.stdout.write(JSON.stringify(report) + "\n");
process.stderr.write(`GET /health during two ${iterations}-iteration runs and ${CLIENTS} polling clients: p50 ${report.p50Ms} ms, p99 ${report.p99Ms} ms, max ${report.maxMs} ms over ${report.samples} requests\n`);
