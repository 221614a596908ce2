import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadPortfolio, runPortfolio, type LoadedPortfolio } from "../src/model/index.ts";
import { portfolioExecutor } from "../src/cli/sweep-executor.ts";

const ROOT = join(import.meta.dirname, "..");
const REDIS = "/usr/bin/redis-server";
const hasRedis = existsSync(REDIS);
if (!hasRedis) console.warn(`test/sweep.test.ts: skipped, ${REDIS} is missing (apt-get install redis-server; .ci/run does)`);

/** A free loopback port: bind to 0, read it, release it. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(check: () => boolean, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Starts `trustsim sweep-worker` processes (through tsx) and resolves once each says it waits for jobs. */
async function startWorkers(n: number, url: string): Promise<ChildProcess[]> {
  const workers = Array.from({ length: n }, () =>
    spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", "sweep-worker"], {
      cwd: ROOT,
      env: { ...process.env, TRUSTSIM_REDIS_URL: url, TRUSTSIM_SWEEP_LOCK_MS: "2000" },
      stdio: ["ignore", "ignore", "pipe"],
    }),
  );
  await Promise.all(
    workers.map(
      (w) =>
        new Promise<void>((resolve, reject) => {
          let text = "";
          w.stderr!.on("data", (d) => {
            text += String(d);
            if (text.includes("waiting for jobs")) resolve();
          });
          w.once("exit", (code) => reject(new Error(`sweep-worker exited ${code}: ${text}`)));
        }),
    ),
  );
  return workers;
}

async function stopWorkers(workers: ChildProcess[]): Promise<void> {
  await Promise.all(
    workers.map((w) =>
      w.exitCode !== null || w.signalCode !== null ? Promise.resolve() : new Promise<void>((resolve) => (w.once("exit", () => resolve()), w.kill("SIGTERM")))),
  );
}

describe.skipIf(!hasRedis)("sweeps on a BullMQ queue", () => {
  let redis: ChildProcess;
  let url: string;
  let loaded: LoadedPortfolio;
  let inProcess: string;
  const BLOCK = 1000;

  beforeAll(async () => {
    const port = await freePort();
    redis = spawn(REDIS, ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: ["ignore", "pipe", "ignore"] });
    let ready = false;
    redis.stdout!.on("data", (d) => (ready ||= String(d).includes("Ready to accept connections")));
    await waitFor(() => ready, 10_000, "redis-server");
    url = `redis://127.0.0.1:${port}`;
    loaded = await loadPortfolio(join(ROOT, "test/helpers/portfolio-pair.yaml"), join(ROOT, "seeds"));
    inProcess = JSON.stringify(await runPortfolio(loaded, { blockIterations: BLOCK }));
  }, 120_000);

  afterAll(async () => {
    if (redis && redis.exitCode === null) await new Promise<void>((resolve) => (redis.once("exit", () => resolve()), redis.kill("SIGTERM")));
  });

  it("the pair portfolio conditions jointly (the sweep checks below run real conditioning)", () => {
    const report = JSON.parse(inProcess);
    expect(report.conditioning.effectiveSampleSize).toBeGreaterThanOrEqual(100);
  });

  for (const n of [1, 2, 3]) {
    it(`a sweep over ${n} worker process${n > 1 ? "es" : ""} gives JSON byte-identical to one process`, async () => {
      const workers = await startWorkers(n, url);
      try {
        let last = 0;
        const report = await runPortfolio(loaded, { blockIterations: BLOCK, execute: portfolioExecutor(url), onProgress: (done) => (last = done) });
        expect(JSON.stringify(report)).toBe(inProcess);
        expect(last).toBe(2 * 6 + 2 * 2); // likelihood jobs (2 members x 6,000 lanes / 1,000) + outcome jobs (2 x 1,500 / 1,000)
      } finally {
        await stopWorkers(workers);
      }
    }, 180_000);
  }

  it("the tempered sampler over 2 worker processes gives JSON byte-identical to one process (its likelihood tasks carry their latent rows)", async () => {
    const tempered: LoadedPortfolio = { ...loaded, portfolio: { ...loaded.portfolio, sampler: "tempered", particles: 200, moves: 2, iterations: 400 } };
    const alone = JSON.stringify(await runPortfolio(tempered, { blockIterations: BLOCK }));
    expect(JSON.parse(alone).conditioning.sampler).toBe("tempered");
    const workers = await startWorkers(2, url);
    try {
      expect(JSON.stringify(await runPortfolio(tempered, { blockIterations: BLOCK, execute: portfolioExecutor(url) }))).toBe(alone);
    } finally {
      await stopWorkers(workers);
    }
  }, 300_000);

  it("a worker killed with SIGKILL mid-sweep leaves its job to another, and the sweep completes identically", async () => {
    const workers = await startWorkers(2, url);
    try {
      let killed = false;
      const report = await runPortfolio(loaded, {
        blockIterations: BLOCK,
        execute: portfolioExecutor(url),
        onProgress: (done) => {
          // Both workers are busy from the first result on: the killed one holds a job.
          if (!killed && done >= 2) {
            killed = true;
            workers[0].kill("SIGKILL");
          }
        },
      });
      expect(killed).toBe(true);
      expect(workers[0].signalCode).toBe("SIGKILL");
      expect(JSON.stringify(report)).toBe(inProcess);
    } finally {
      await stopWorkers(workers);
    }
  }, 180_000);
});
