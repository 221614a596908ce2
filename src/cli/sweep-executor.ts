import { runInProcess, runPortfolioTask, type BlockPartial, type PortfolioExecutor, type PortfolioTask } from "../model/index.ts";
import { runSweep, startSweepWorker } from "../engine/runner/sweep-queue.ts";

/** The Redis a sweep uses: TRUSTSIM_REDIS_URL, or none (everything runs in this process). */
export function redisUrl(flag?: string): string | undefined {
  return flag ?? (process.env.TRUSTSIM_REDIS_URL || undefined);
}

/** A portfolio executor: jobs on the queue when a Redis is configured, else tasks in this process. */
export function portfolioExecutor(url: string | undefined): PortfolioExecutor {
  if (url === undefined) return runInProcess;
  return (tasks, onProgress) => runSweep<PortfolioTask, BlockPartial>(url, tasks, { onProgress });
}

/** A worker that runs portfolio tasks from the queue until the process is stopped. */
export function portfolioWorker(url: string) {
  return startSweepWorker(url, (task) => runPortfolioTask(task as PortfolioTask));
}
