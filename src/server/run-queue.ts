import { Worker } from "node:worker_threads";
import { workerModule } from "../engine/index.ts";
import { PARALLEL_THRESHOLD, type Scenario } from "../model/index.ts";
import type { JobData, JobMessage } from "./job-worker.ts";
import type { RunStore } from "./run-store.ts";
import { VERSION } from "./version.ts";

/** Limits every run meets. */
export interface RunLimits {
  /** Most runs going at once, whoever owns them. */
  maxConcurrent: number;
  /** Worker threads each run may use (its CPU budget is the deadline times these threads). */
  workersPerRun: number;
  /** Wall-clock deadline of a run, ms; past it the worker is terminated and the run failed. */
  deadlineMs: number;
  /** Heap a run's thread may use, MB; beyond it the worker stops and the run fails. */
  memoryMb: number;
  /** The seeds/ folder runs are conditioned on (read once by each run's worker). */
  seedsDir: string;
}

interface ActiveRun {
  worker: Worker;
  owner: string;
  timer: NodeJS.Timeout;
  stopped: boolean;
}

/**
 * Runs at most `maxConcurrent` scenarios at once, each in its own worker thread, off the event
 * loop, each with a deadline and a heap limit; a run can be cancelled by its owner. Whatever ends
 * a run (done, failed, deadline, cancel, server stop), its worker is terminated and the store says why.
 */
export class RunQueue {
  private readonly active = new Map<string, ActiveRun>();
  private readonly finished = new Set<(id: string) => void>();
  private closing = false;

  constructor(
    private readonly store: RunStore,
    private readonly limits: RunLimits,
  ) {}

  /** Whether another run can start now. */
  hasCapacity(): boolean {
    return this.active.size < this.limits.maxConcurrent;
  }

  get running(): number {
    return this.active.size;
  }

  /** Calls `listener` with a run's id when it finishes (done, failed or cancelled). */
  onFinished(listener: (id: string) => void): () => void {
    this.finished.add(listener);
    return () => this.finished.delete(listener);
  }

  /**
   * Starts a run that the store holds as queued; progress and the outcome go to the store. `report`
   * is what its downloads need: when it was created and the shipped scenario it started from.
   */
  start(id: string, scenario: Scenario, iterations: number, seed: string, owner = "local", report: { createdAt?: string; base?: Scenario | null } = {}): void {
    // The run has its own thread already; more threads only pay off for large runs.
    const data: JobData = {
      runId: id,
      version: VERSION,
      scenario,
      iterations,
      seed,
      workers: iterations >= PARALLEL_THRESHOLD ? this.limits.workersPerRun : 1,
      seedsDir: this.limits.seedsDir,
      createdAt: report.createdAt ?? new Date().toISOString(),
      base: report.base ?? null,
    };
    const entry = workerModule(import.meta.url, "job-worker", "job-worker-entry.cjs");
    const worker = new Worker(entry.url, {
      workerData: data,
      execArgv: entry.execArgv,
      resourceLimits: { maxOldGenerationSizeMb: this.limits.memoryMb },
    });
    const seconds = Math.round(this.limits.deadlineMs / 1000);
    const timer = setTimeout(
      () => this.stop(id, () => this.store.fail(id, `stopped: the run passed its deadline of ${seconds} s; ask for fewer iterations`)),
      this.limits.deadlineMs,
    );
    timer.unref();
    const run: ActiveRun = { worker, owner, timer, stopped: false };
    this.active.set(id, run);
    this.store.markRunning(id);
    let lastWrite = 0;
    const settle = (outcome: () => void) => {
      if (run.stopped || this.closing) return;
      this.release(id, run);
      outcome();
      void worker.terminate();
      for (const listener of this.finished) listener(id);
    };
    worker.on("message", (m: JobMessage) => {
      if (run.stopped) return;
      if (m.type === "progress") {
        const now = Date.now();
        if (now - lastWrite > 200 || m.done === m.total) {
          lastWrite = now;
          this.store.setProgress(id, m.done / m.total);
        }
      } else if (m.type === "done") {
        settle(() => this.store.finish(id, m.resultsJson, m.sensitivityJson, m.artifacts));
      } else {
        settle(() => this.store.fail(id, m.error));
      }
    });
    worker.on("error", (error) => {
      const reason = (error as NodeJS.ErrnoException).code === "ERR_WORKER_OUT_OF_MEMORY" ? `the run needed more than ${this.limits.memoryMb} MB of memory; ask for fewer iterations` : `the run stopped: ${error.message}`;
      settle(() => this.store.fail(id, reason));
    });
    worker.on("exit", (code) => settle(() => this.store.fail(id, `the run's worker exited (code ${code}) before finishing`)));
  }

  /** The owner of a run going now, or null. */
  ownerOf(id: string): string | null {
    return this.active.get(id)?.owner ?? null;
  }

  /** Runs going now for `owner`. */
  runningFor(owner: string): number {
    let n = 0;
    for (const run of this.active.values()) if (run.owner === owner) n++;
    return n;
  }

  /** Cancels a run going now: its worker is terminated and the run marked cancelled. False if it is not going. */
  cancel(id: string, reason = "cancelled by its owner"): boolean {
    if (!this.active.has(id)) return false;
    this.stop(id, () => this.store.cancel(id, reason));
    return true;
  }

  private release(id: string, run: ActiveRun): void {
    run.stopped = true;
    clearTimeout(run.timer);
    this.active.delete(id);
  }

  private stop(id: string, record: () => void): void {
    const run = this.active.get(id);
    if (run === undefined || run.stopped) return;
    this.release(id, run);
    record();
    void run.worker.terminate();
    for (const listener of this.finished) listener(id);
  }

  /** Stops every running worker; their runs are marked failed. */
  async close(): Promise<void> {
    this.closing = true;
    const runs = [...this.active.entries()];
    for (const [id, run] of runs) {
      this.release(id, run);
      this.store.fail(id, "interrupted: the server stopped before this run finished; submit it again");
    }
    await Promise.all(runs.map(([, run]) => run.worker.terminate()));
  }
}
