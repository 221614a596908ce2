import { setPriority } from "node:os";
import { parentPort, workerData } from "node:worker_threads";
import { loadPortfolio, resolvePortfolio, runInProcess, runPortfolio, ScenarioError, type BlockPartial, type InputProblem, type Portfolio, type PortfolioReport, type PortfolioTask } from "../model/index.ts";
import { runSweep } from "../engine/runner/sweep-queue.ts";
import { portfolioCsv, portfolioXlsx } from "../report/index.ts";
import { VERSION } from "./version.ts";
import { portfolioPage } from "./web/portfolio-page.ts";

/** What a portfolio worker is given: the shipped file, or a validated portfolio whose members resolve against `baseDir`. */
export interface PortfolioJob {
  source: { file: string } | { portfolio: Portfolio; baseDir: string };
  seedsDir: string;
  iterations?: number;
  /** A Redis for the sweep queue (TRUSTSIM_REDIS_URL); absent: the tasks run on this thread. */
  redisUrl?: string;
  /** Build the page and downloads too, here rather than on the request thread. */
  artifacts: boolean;
}

/** A portfolio's page and downloads, built once with its report. */
export interface PortfolioArtifacts {
  html: string;
  csv: string;
  xlsx: Uint8Array;
}

/** Messages a portfolio worker sends back. */
export type PortfolioMessage =
  | { type: "progress"; done: number; total: number }
  | { type: "done"; report: PortfolioReport; artifacts: PortfolioArtifacts | null }
  | { type: "failed"; error: string; problems?: InputProblem[]; subject?: string };

const job = workerData as PortfolioJob;
// As a run's worker: the portfolio yields the CPU to the request thread (nice is per thread on Linux).
try {
  setPriority(10);
} catch {
  // Not permitted: the portfolio keeps the service's priority.
}
const post = (m: PortfolioMessage) => parentPort!.postMessage(m);

async function main(): Promise<void> {
  const loaded = "file" in job.source ? await loadPortfolio(job.source.file, job.seedsDir) : await resolvePortfolio(job.source.portfolio, job.source.baseDir, job.seedsDir);
  const url = job.redisUrl;
  const report = await runPortfolio(loaded, {
    iterations: job.iterations,
    execute: url === undefined ? runInProcess : (tasks, onProgress) => runSweep<PortfolioTask, BlockPartial>(url, tasks, { onProgress }),
    onProgress: (done, total) => post({ type: "progress", done, total }),
  });
  const artifacts = job.artifacts ? { html: portfolioPage(report, VERSION), csv: portfolioCsv(report), xlsx: new Uint8Array(await portfolioXlsx(report, VERSION)) } : null;
  post({ type: "done", report, artifacts });
}

main().catch((error: unknown) =>
  post(error instanceof ScenarioError ? { type: "failed", error: error.message, problems: error.problems, subject: error.subject } : { type: "failed", error: (error as Error)?.message ?? String(error) }),
);
