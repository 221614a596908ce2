import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { Worker } from "node:worker_threads";
import { workerModule } from "../engine/index.ts";
import { parsePortfolio, parseScenarioText, ScenarioError, type PortfolioReport } from "../model/index.ts";
import { HttpError } from "./http-error.ts";
import type { PortfolioArtifacts, PortfolioJob, PortfolioMessage } from "./portfolio-worker.ts";

/** Shipped-portfolio reports kept, by iterations: each is a few hundred kilobytes with its page and workbook. */
const KEEP_SHIPPED = 8;

/** Portfolio runs going at once; beyond it a request that would start another gets 429 (a shipped run already kept or going is served). */
const MAX_RUNNING = 2;

/** A portfolio run's report, with its page and downloads when they were asked for. */
export interface PortfolioOutcome {
  report: PortfolioReport;
  artifacts: PortfolioArtifacts | null;
}

/**
 * Runs portfolios for the service, each in its own worker thread so the request thread keeps
 * answering (the DfE portfolio at 10,000 iterations is seconds of CPU): the shipped one
 * (portfolios/dfe-trusts.yaml beside scenarios/), or one posted whose members name shipped
 * scenarios by id. On the sweep queue when TRUSTSIM_REDIS_URL is set. A shipped report depends only
 * on the file and the iterations, so it is run once per iterations, with its page and downloads
 * built in the same worker, and kept: the page, its JSON, CSV and XLSX are one run.
 */
export class PortfolioService {
  private readonly shippedRuns = new Map<number, Promise<PortfolioOutcome>>();
  private shippedIterations: Promise<number> | null = null;
  private running = 0;

  constructor(
    private readonly scenariosDir: string,
    private readonly maxIterations: number,
    private readonly memoryMb = 2048,
  ) {}

  private seeds(): string {
    return join(dirname(this.scenariosDir), "seeds");
  }

  private checkIterations(asked: number | undefined): void {
    if (asked !== undefined && asked > this.maxIterations) throw new HttpError(400, `iterations: at most ${this.maxIterations} for a portfolio`);
  }

  private shippedFile(): string {
    return join(dirname(this.scenariosDir), "portfolios", "dfe-trusts.yaml");
  }

  /**
   * The DfE's portfolio as shipped (at its own iterations unless asked otherwise), with its page and
   * downloads. Kept by the iterations it runs at, so the page (no iterations asked) and its download
   * links (which name them) are one run.
   */
  async shipped(iterations?: number): Promise<PortfolioOutcome> {
    this.checkIterations(iterations);
    this.shippedIterations ??= readFile(this.shippedFile(), "utf8").then((text) => parsePortfolio(parseScenarioText(text, this.shippedFile()), this.shippedFile()).iterations);
    const n = iterations ?? (await this.shippedIterations);
    let outcome = this.shippedRuns.get(n);
    if (outcome === undefined) {
      if (this.shippedRuns.size >= KEEP_SHIPPED) this.shippedRuns.delete(this.shippedRuns.keys().next().value!);
      outcome = this.inWorker({ source: { file: this.shippedFile() }, seedsDir: this.seeds(), iterations: n, artifacts: true });
      // A failed run is not kept: the next request tries again.
      outcome.catch(() => this.shippedRuns.delete(n));
      this.shippedRuns.set(n, outcome);
    }
    return outcome;
  }

  /** A posted portfolio; each member's `scenario` is a shipped scenario id. Validated here, run in a worker. */
  async posted(body: unknown, iterations?: number): Promise<PortfolioReport> {
    const portfolio = parsePortfolio(body, "portfolio");
    const bad = portfolio.members.findIndex((m) => !/^[a-z0-9][a-z0-9-]*$/.test(m.scenario));
    if (bad >= 0) throw new HttpError(400, `members[${bad}].scenario: a shipped scenario id (lower-case letters, digits and hyphens)`);
    this.checkIterations(iterations ?? portfolio.iterations);
    const members = portfolio.members.map((m) => ({ ...m, scenario: `${m.scenario}.yaml` }));
    const outcome = await this.inWorker({ source: { portfolio: { ...portfolio, members }, baseDir: this.scenariosDir }, seedsDir: this.seeds(), iterations, artifacts: false });
    return outcome.report;
  }

  /** Runs one portfolio job in a fresh worker thread; a mistake in the portfolio comes back as the ScenarioError it was. */
  private inWorker(job: Omit<PortfolioJob, "redisUrl">): Promise<PortfolioOutcome> {
    if (this.running >= MAX_RUNNING) throw new HttpError(429, `${MAX_RUNNING} portfolio runs are going; try again when one has finished`, { "retry-after": "15" });
    this.running++;
    const entry = workerModule(import.meta.url, "portfolio-worker", "portfolio-worker-entry.cjs");
    const data: PortfolioJob = { ...job, redisUrl: process.env.TRUSTSIM_REDIS_URL || undefined };
    const worker = new Worker(entry.url, { workerData: data, execArgv: entry.execArgv, resourceLimits: { maxOldGenerationSizeMb: this.memoryMb } });
    return new Promise<PortfolioOutcome>((resolve, reject) => {
      worker.on("message", (m: PortfolioMessage) => {
        if (m.type === "done") resolve({ report: m.report, artifacts: m.artifacts });
        else if (m.type === "failed") reject(m.problems !== undefined ? new ScenarioError(m.problems, m.subject) : new Error(`the portfolio run stopped: ${m.error}`));
      });
      worker.on("error", reject);
      worker.on("exit", (code) => reject(new Error(`the portfolio's worker exited (code ${code}) before finishing`)));
    }).finally(() => {
      this.running--;
      void worker.terminate();
    });
  }
}
