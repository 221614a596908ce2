import type { ChildProcess } from "node:child_process";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadPortfolio, runPortfolio, type LoadedPortfolio } from "../src/model/index.ts";
import { portfolioExecutor } from "../src/cli/sweep-executor.ts";
import { hasRedis, startRedis, startWorkers, stopProcess, stopWorkers } from "./helpers/sweep-cluster.ts";

const ROOT = join(import.meta.dirname, "..");

describe.skipIf(!hasRedis)("sweeps on a BullMQ queue", () => {
  let redis: ChildProcess;
  let url: string;
  let loaded: LoadedPortfolio;
  let inProcess: string;
  const BLOCK = 1000;

  beforeAll(async () => {
    ({ redis, url } = await startRedis());
    loaded = await loadPortfolio(join(ROOT, "test/helpers/portfolio-pair.yaml"), join(ROOT, "seeds"));
    inProcess = JSON.stringify(await runPortfolio(loaded, { blockIterations: BLOCK }));
  }, 120_000);

  afterAll(async () => {
    await stopProcess(redis);
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
