import { randomUUID } from "node:crypto";
import { Queue, QueueEvents, Worker, type ConnectionOptions, type Job } from "bullmq";
import { decodeTyped, encodeTyped } from "./sweep-codec.ts";

/**
 * Sweeps on a Redis-backed queue (BullMQ): a coordinator puts tasks on the queue as jobs, any number
 * of worker processes (on any machines that reach the Redis) run them and return their partials,
 * and the coordinator files each result by its task index. A worker killed mid-job leaves its job
 * locked until the lock expires; BullMQ's stalled-job check then puts it back for another worker.
 * A job that ends up run twice returns the same partial (tasks are pure), and the second is ignored,
 * so nothing is counted twice. Knows nothing of what the tasks compute.
 */

/** The queue every sweep shares; each sweep's jobs carry its own id. */
export const SWEEP_QUEUE = "trustsim-sweep";

/** How long a worker holds a job before BullMQ judges it stalled, ms (TRUSTSIM_SWEEP_LOCK_MS). */
export function sweepLockMs(): number {
  const ms = Number(process.env.TRUSTSIM_SWEEP_LOCK_MS ?? 30_000);
  if (!(Number.isInteger(ms) && ms >= 500)) throw new RangeError("TRUSTSIM_SWEEP_LOCK_MS requires an integer of at least 500");
  return ms;
}

/** BullMQ connection options from a redis://[:password@]host:port[/db] address. */
export function redisConnection(url: string): ConnectionOptions {
  const u = new URL(url);
  if (u.protocol !== "redis:") throw new RangeError("a Redis address must start redis://");
  return {
    host: u.hostname,
    port: Number(u.port || 6379),
    password: u.password ? decodeURIComponent(u.password) : undefined,
    db: u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0,
    maxRetriesPerRequest: null,
  };
}

export interface SweepOptions {
  queue?: string;
  onProgress?: (done: number, total: number) => void;
  /** Times a job is tried when its handler throws. */
  attempts?: number;
}

/**
 * Runs `tasks` on the queue and returns their results in task order. Results arrive by event,
 * with a poll every second as a fallback (an event sent before the listener was ready is lost).
 */
export async function runSweep<T, R>(url: string, tasks: readonly T[], options: SweepOptions = {}): Promise<R[]> {
  const name = options.queue ?? SWEEP_QUEUE;
  const connection = redisConnection(url);
  const sweep = randomUUID();
  const queue = new Queue(name, { connection });
  const events = new QueueEvents(name, { connection });
  const results = new Array<R>(tasks.length);
  const filled = new Uint8Array(tasks.length);
  let done = 0;
  let settle!: (error?: Error) => void;
  const finished = new Promise<void>((resolve, reject) => (settle = (error) => (error ? reject(error) : resolve())));
  const idOf = (i: number) => `${sweep}-${i}`;
  const indexOf = (jobId: string) => (jobId.startsWith(`${sweep}-`) ? Number(jobId.slice(sweep.length + 1)) : -1);
  const file = (index: number, value: unknown) => {
    if (!(index >= 0 && index < tasks.length) || filled[index]) return; // not ours, or a duplicate
    filled[index] = 1;
    results[index] = decodeTyped(typeof value === "string" ? JSON.parse(value) : value) as R;
    // Counted outside the optional call: `f?.(++done)` skips the increment when there is no listener.
    done++;
    options.onProgress?.(done, tasks.length);
    if (done === tasks.length) settle();
  };
  events.on("completed", ({ jobId, returnvalue }) => file(indexOf(jobId), returnvalue));
  events.on("failed", async ({ jobId, failedReason }) => {
    const index = indexOf(jobId);
    if (index < 0) return;
    const job = await queue.getJob(jobId);
    if (job !== undefined && job.attemptsMade >= (job.opts.attempts ?? 1)) settle(new Error(`sweep task ${index} failed: ${failedReason}`));
  });
  const poll = setInterval(async () => {
    try {
      for (let i = 0; i < tasks.length; i++) {
        if (filled[i]) continue;
        const job = await queue.getJob(idOf(i));
        if (job?.finishedOn !== undefined && job.returnvalue !== undefined && job.returnvalue !== null) file(i, job.returnvalue);
      }
    } catch {
      // The next poll tries again; a lost connection surfaces through the queue's own errors.
    }
  }, 1000);
  try {
    await events.waitUntilReady();
    await queue.addBulk(
      tasks.map((task, i) => ({
        name: "task",
        data: encodeTyped(task),
        opts: { jobId: idOf(i), attempts: options.attempts ?? 3, removeOnComplete: { age: 3600 }, removeOnFail: { age: 86_400 } },
      })),
    );
    await finished;
    return results;
  } finally {
    clearInterval(poll);
    await events.close();
    await queue.close();
  }
}

/**
 * Consumes sweep jobs until closed: each job's data is decoded, handed to `handler` and its result
 * encoded (typed arrays as base64). One job at a time: a CPU-bound handler gains nothing from more.
 */
export function startSweepWorker(url: string, handler: (task: unknown) => unknown, options: { queue?: string } = {}): Worker {
  const lockDuration = sweepLockMs();
  return new Worker(options.queue ?? SWEEP_QUEUE, async (job: Job) => encodeTyped(await handler(decodeTyped(job.data))), {
    connection: redisConnection(url),
    concurrency: 1,
    lockDuration,
    stalledInterval: lockDuration,
    maxStalledCount: 5,
  });
}
