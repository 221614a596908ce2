import { Worker } from "node:worker_threads";
import { workerModule } from "../engine/index.ts";
import { PARALLEL_THRESHOLD, type Scenario } from "../model/index.ts";
import type { JobData, JobMessage } from "./job-worker.ts";
import type { RunStore } from "./run-store.ts";

/** Runs at most `maxConcurrent` scenarios at once, each in its own worker thread, off the event loop. */
export class RunQueue {
  private readonly active = new Map<string, Worker>();
  private readonly finished = new Set<(id: string) => void>();
  private closing = false;

  constructor(
    private readonly store: RunStore,
    private readonly maxConcurrent: number,
    private readonly workersPerRun: number,
  ) {}

  /** Whether another run can start now. */
  hasCapacity(): boolean {
    return this.active.size < this.maxConcurrent;
  }

  get running(): number {
    return this.active.size;
  }

  /** Calls `listener` with a run's id when it finishes (done or failed). */
  onFinished(listener: (id: string) => void): () => void {
    this.finished.add(listener);
    return () => this.finished.delete(listener);
  }

  /** Starts a run that the store holds as queued; progress and the outcome go to the store. */
  start(id: string, scenario: Scenario, iterations: number, seed: string): void {
    // The run has its own thread already; more threads only pay off for large runs.
    const data: JobData = { scenario, iterations, seed, workers: iterations >= PARALLEL_THRESHOLD ? this.workersPerRun : 1 };
    const entry = workerModule(import.meta.url, "job-worker", "job-worker-entry.cjs");
    const worker = new Worker(entry.url, { workerData: data, execArgv: entry.execArgv });
    this.active.set(id, worker);
    this.store.markRunning(id);
    let lastWrite = 0;
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled || this.closing) return;
      settled = true;
      this.active.delete(id);
      outcome();
      for (const listener of this.finished) listener(id);
    };
    worker.on("message", (m: JobMessage) => {
      if (m.type === "progress") {
        const now = Date.now();
        if (now - lastWrite > 200 || m.done === m.total) {
          lastWrite = now;
          this.store.setProgress(id, m.done / m.total);
        }
      } else if (m.type === "done") {
        settle(() => this.store.finish(id, m.resultsJson, m.sensitivityJson));
      } else {
        settle(() => this.store.fail(id, m.error));
      }
    });
    worker.on("error", (error) => settle(() => this.store.fail(id, `the run stopped: ${error.message}`)));
    worker.on("exit", (code) => settle(() => this.store.fail(id, `the run's worker exited (code ${code}) before finishing`)));
  }

  /** Stops every running worker; their runs are marked failed. */
  async close(): Promise<void> {
    this.closing = true;
    const workers = [...this.active.entries()];
    for (const [id] of workers) this.store.fail(id, "interrupted: the server stopped before this run finished; submit it again");
    this.active.clear();
    await Promise.all(workers.map(([, w]) => w.terminate()));
  }
}
