/**
 * `npm run bench:sweep`: the DfE portfolio (portfolios/dfe-trusts.yaml) at blocks of 10,000
 * iterations, in process and as a sweep over 1 and 2 `trustsim sweep-worker` processes on a
 * redis-server started on a free loopback port. Prints JSON: wall time, throughput (member
 * iterations a second), and the queue's overhead per job: (1-worker sweep - in process) / jobs,
 * also as a share of a job's own compute. Workers are warmed (members compiled, code optimised)
 * by an untimed sweep first. Checks the sweep's JSON is byte-identical to the in-process run.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";
import { loadPortfolio, runInProcess, runPortfolio, type BlockPartial, type PortfolioTask } from "../src/model/index.ts";
import { runSweep } from "../src/engine/runner/sweep-queue.ts";

const ROOT = join(import.meta.dirname, "..");
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 30_000);
const BLOCK = 10_000;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

function startWorker(url: string): Promise<ChildProcess> {
  const w = spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", "sweep-worker"], { cwd: ROOT, env: { ...process.env, TRUSTSIM_REDIS_URL: url }, stdio: ["ignore", "ignore", "pipe"] });
  return new Promise((resolve, reject) => {
    w.stderr!.on("data", (d) => String(d).includes("waiting for jobs") && resolve(w));
    w.once("exit", (code) => reject(new Error(`sweep-worker exited ${code} before taking jobs`)));
  });
}

const stop = (w: ChildProcess) => new Promise<void>((resolve) => (w.once("exit", () => resolve()), w.kill("SIGTERM")));

const port = await freePort();
const redis = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: ["ignore", "pipe", "ignore"] });
await new Promise<void>((resolve) => redis.stdout!.on("data", (d) => String(d).includes("Ready to accept") && resolve()));
const url = `redis://127.0.0.1:${port}`;
const shipped = await loadPortfolio(join(ROOT, "portfolios/dfe-trusts.yaml"), join(ROOT, "seeds"));
// The outcome jobs alone, as measured before the portfolio was conditioned by tempering: the bench
// measures the queue's throughput and overhead, and the sampler's rounds would swamp it.
const loaded = { ...shipped, portfolio: { ...shipped.portfolio, conditioning: "prior" as const } };
const members = loaded.sources.length;
const jobs = members * Math.ceil(ITERATIONS / BLOCK);
const log = (s: string) => process.stderr.write(`bench:sweep: ${s}\n`);
const onQueue = (tasks: readonly PortfolioTask[]) => runSweep<PortfolioTask, BlockPartial>(url, tasks, { onProgress: (d, n) => log(`${d}/${n} jobs`) });

log("warming this process");
await runPortfolio(loaded, { iterations: BLOCK, blockIterations: BLOCK }); // warm this process
log("in process");
let t = performance.now();
const reference = JSON.stringify(await runPortfolio(loaded, { iterations: ITERATIONS, blockIterations: BLOCK, execute: runInProcess }));
const inProcessMs = performance.now() - t;

const sweeps: Record<string, { ms: number; identical: boolean }> = {};
for (const n of [1, 2]) {
  log(`starting ${n} workers`);
  const workers = await Promise.all(Array.from({ length: n }, () => startWorker(url)));
  await runPortfolio(loaded, { iterations: BLOCK * n, blockIterations: BLOCK, execute: onQueue }); // warm the workers
  t = performance.now();
  const json = JSON.stringify(await runPortfolio(loaded, { iterations: ITERATIONS, blockIterations: BLOCK, execute: onQueue }));
  sweeps[n] = { ms: performance.now() - t, identical: json === reference };
  await Promise.all(workers.map(stop));
}
redis.kill("SIGTERM");

const rate = (ms: number) => Math.round((members * ITERATIONS) / (ms / 1000));
const overheadMs = (sweeps[1].ms - inProcessMs) / jobs;
console.log(
  JSON.stringify(
    {
      portfolio: loaded.portfolio.id,
      members,
      iterations: ITERATIONS,
      blockIterations: BLOCK,
      jobs,
      cores: (await import("node:os")).availableParallelism(),
      inProcess: { ms: Math.round(inProcessMs), memberIterationsPerSecond: rate(inProcessMs) },
      workers1: { ms: Math.round(sweeps[1].ms), memberIterationsPerSecond: rate(sweeps[1].ms), identical: sweeps[1].identical },
      workers2: { ms: Math.round(sweeps[2].ms), memberIterationsPerSecond: rate(sweeps[2].ms), identical: sweeps[2].identical, speedup: Math.round((100 * sweeps[1].ms) / sweeps[2].ms) / 100 },
      queueOverheadPerJob: { ms: Math.round(overheadMs), shareOfJob: Math.round((1000 * overheadMs) / (inProcessMs / jobs)) / 1000 },
    },
    null,
    2,
  ),
);
