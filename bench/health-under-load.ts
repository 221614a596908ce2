/**
 * `npm run bench:health`: starts the service on a loopback port, submits a 200,000-iteration run
 * of the reference scenario, and times GET /health over a real socket every 50 ms until the run
 * is done. Prints one JSON object: latency percentiles in ms and the run's wall time.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildApp } from "../src/server/app.ts";

const flag = process.argv.indexOf("--iterations");
const iterations = flag >= 0 ? Number(process.argv[flag + 1]) : 200_000;
const app = await buildApp({ dataDir: mkdtempSync(join(tmpdir(), "trustsim-health-")), scenariosDir: join(import.meta.dirname, "..", "scenarios") });
const address = await app.listen({ port: 0, host: "127.0.0.1" });
const post = await fetch(`${address}/runs`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ scenarioId: "bradford", iterations }) });
if (post.status !== 202) throw new Error(`POST /runs answered ${post.status}: ${await post.text()}`);
const { id } = (await post.json()) as { id: string };
const start = performance.now();
const latencies: number[] = [];
let status = "queued";
while (status === "queued" || status === "running") {
  const t = performance.now();
  const health = await fetch(`${address}/health`);
  await health.json();
  latencies.push(performance.now() - t);
  status = ((await (await fetch(`${address}/runs/${id}`)).json()) as { status: string }).status;
  await new Promise((r) => setTimeout(r, 50));
}
const wallMs = performance.now() - start;
await app.close();
const sorted = [...latencies].sort((a, b) => a - b);
const q = (p: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] * 10) / 10;
const report = { benchmark: "health-under-load", iterations, runStatus: status, runWallMs: Math.round(wallMs), samples: latencies.length, p50Ms: q(0.5), p95Ms: q(0.95), p99Ms: q(0.99), maxMs: Math.round(sorted[sorted.length - 1] * 10) / 10, under100Ms: latencies.filter((l) => l < 100).length };
process.stdout.write(JSON.stringify(report) + "\n");
process.stderr.write(`GET /health during a ${iterations}-iteration run: p50 ${report.p50Ms} ms, p99 ${report.p99Ms} ms, max ${report.maxMs} ms over ${report.samples} requests\n`);
