import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadEvidence, loadScenario, runForecast, type EvidenceRecord, type Scenario } from "../src/model/index.ts";
import { resultsJson } from "../src/report/index.ts";
import { chunkExecutor } from "../src/cli/sweep-executor.ts";
import { hasRedis, ROOT, startRedis, startWorkers, stopProcess, stopWorkers } from "./helpers/sweep-cluster.ts";

/** `trustsim <args>` through tsx, with the environment given; resolves with stdout once it exits 0. */
function cli(args: string[], env: Record<string, string> = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    p.stdout.on("data", (d) => (out += String(d)));
    p.stderr.on("data", (d) => (err += String(d)));
    p.once("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(`trustsim ${args.join(" ")} exited ${code}: ${err}`))));
  });
}

// Slough: evidence to condition on, three options, 1,401 outputs. At 3,000 iterations its partials keep every
// value (exact percentiles); at 30,000 (past twice 16,777,216 values, planAggregation) they are binned: both
// kinds cross the queue.
describe.skipIf(!hasRedis)("trustsim sweep of a scenario x its options on a BullMQ queue", () => {
  let redis: ChildProcess;
  let url: string;
  let scenario: Scenario;
  let records: Map<string, EvidenceRecord>;

  beforeAll(async () => {
    ({ redis, url } = await startRedis());
    scenario = await loadScenario(join(ROOT, "scenarios/slough.yaml"));
    records = await loadEvidence(join(ROOT, "seeds"));
  }, 60_000);

  afterAll(async () => {
    await stopProcess(redis);
  });

  for (const [n, prior, iterations] of [
    [1, true, 3_000],
    [2, true, 30_000],
    [2, false, 3_000],
  ] as const) {
    it(`over ${n} worker process${n > 1 ? "es" : ""}, ${prior ? "prior" : "conditioned"}, ${iterations.toLocaleString("en-GB")} iterations: JSON byte-identical to one process`, async () => {
      const alone = resultsJson(await runForecast(scenario, records, { iterations, prior, workers: 1 }));
      const workers = await startWorkers(n, url);
      try {
        let last = 0;
        const swept = resultsJson(await runForecast(scenario, records, { iterations, prior, execute: chunkExecutor(url), blockIterations: 1024, onProgress: (done) => (last = done) }));
        expect(JSON.parse(swept).simulation.percentiles.method).toBe(iterations >= 30_000 ? "histogram" : "exact");
        expect(swept).toBe(alone);
        expect(last).toBe(iterations);
      } finally {
        await stopWorkers(workers);
      }
    }, 180_000);
  }

  it("`trustsim sweep slough --prior` on the queue prints what `trustsim run slough --prior --format json` prints", async () => {
    const args = ["--iterations", "3000", "--seed", "sweep-check"];
    const run = await cli(["run", "slough", "--prior", "--format", "json", ...args]);
    const workers = await startWorkers(2, url);
    try {
      const swept = await cli(["sweep", "slough", "--prior", "--block", "1024", ...args], { TRUSTSIM_REDIS_URL: url });
      expect(swept).toBe(run);
    } finally {
      await stopWorkers(workers);
    }
  }, 180_000);
});
