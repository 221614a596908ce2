import { runChunk, runInProcess, runPortfolioTask, type BlockPartial, type ChunkExecutor, type ChunkTask, type PortfolioExecutor, type PortfolioTask } from "../model/index.ts";
import { runSweep, startSweepWorker } from "../engine/runner/sweep-queue.ts";

/** A job on the sweep queue: a portfolio's task, or a chunk of one scenario's iterations. */
export type SweepTask = PortfolioTask | { kind: "chunk"; chunk: ChunkTask };

/** The Redis a sweep uses: TRUSTSIM_REDIS_URL, or none (everything runs in this process). */
export function redisUrl(flag?: string): string | undefined {
  return flag ?? (process.env.TRUSTSIM_REDIS_URL || undefined);
}

/** A portfolio executor: jobs on the queue when a Redis is configured, else tasks in this process. */
export function portfolioExecutor(url: string | undefined): PortfolioExecutor {
  if (url === undefined) return runInProcess;
  return (tasks, onProgress) => runSweep<PortfolioTask, BlockPartial>(url, tasks, { onProgress });
}

/** A scenario's chunk executor: jobs on the queue when a Redis is configured, else chunks one after another in this process. */
export function chunkExecutor(url: string | undefined): ChunkExecutor {
  if (url === undefined) {
    return async (tasks, onProgress) => {
      const out: BlockPartial[] = [];
      for (const task of tasks) {
        out.push(runChunk(task));
        onProgress?.(out.length, tasks.length);
      }
      return out;
    };
  }
  return (tasks, onProgress) => runSweep<SweepTask, BlockPartial>(url, tasks.map((chunk) => ({ kind: "chunk" as const, chunk })), { onProgress });
}

/** A worker that runs sweep jobs (portfolio tasks and scenario chunks) from the queue until the process is stopped. */
export function portfolioWorker(url: string) {
  return startSweepWorker(url, (job) => {
    const task = job as SweepTask;
    return task.kind === "chunk" ? runChunk(task.chunk) : runPortfolioTask(task);
  });
}
