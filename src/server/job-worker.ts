import { setPriority } from "node:os";
import { parentPort, workerData } from "node:worker_threads";
import { runScenarioAsync, sensitivity, type Scenario } from "../model/index.ts";
import { resultsCsv, resultsHtml, resultsJson, resultsXlsx } from "../report/index.ts";
import type { Artifact } from "./run-store.ts";

/** What a job worker is given: one validated scenario to run. */
export interface JobData {
  runId: string;
  version: string;
  scenario: Scenario;
  iterations: number;
  seed: string;
  workers: number;
}

/** Messages a job worker sends back. */
export type JobMessage =
  | { type: "progress"; done: number; total: number }
  | { type: "done"; resultsJson: Uint8Array; sensitivityJson: string | null; artifacts: Artifact[] }
  | { type: "failed"; error: string };

/** Below this many iterations a tornado's rank correlations say nothing (and below 2 they do not exist). */
const TORNADO_MIN_ITERATIONS = 100;

const job = workerData as JobData;
// A run yields the CPU to the request thread: on Linux a nice value is per thread (and inherited by
// the simulation threads this one starts), so /health and polls stay fast while runs fill the cores.
try {
  setPriority(10);
} catch {
  // Not permitted or not supported: the run keeps the service's priority.
}
const post = (m: JobMessage, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(m, transfer);

async function main(): Promise<void> {
  const results = await runScenarioAsync(job.scenario, {
    iterations: job.iterations,
    seed: job.seed,
    workers: job.workers,
    onProgress: (done, total) => post({ type: "progress", done, total }),
  });
  // The tornado on the results page: the first two options' difference on up to 2,000 iterations.
  const options = job.scenario.options;
  const tornado =
    options.length >= 2 && job.iterations >= TORNADO_MIN_ITERATIONS
      ? sensitivity(job.scenario, { a: options[0].id, b: options[1].id }, { iterations: Math.min(job.iterations, 2000), seed: job.seed })
      : null;
  // Every download is built once, here, off the request thread; the routes serve the stored bytes.
  // Own (unpooled) buffers, so they can be transferred to the request thread rather than copied there.
  const own = (bytes: Uint8Array) => {
    const copy = new Uint8Array(bytes.length);
    copy.set(bytes);
    return copy;
  };
  const text = (s: string) => own(Buffer.from(s, "utf8"));
  const artifacts: Artifact[] = [
    { kind: "report", contentType: "text/html; charset=utf-8", data: text(resultsHtml(results, { runId: job.runId, version: job.version, sensitivity: tornado ?? undefined })) },
    { kind: "csv", contentType: "text/csv; charset=utf-8", data: text(resultsCsv(results)) },
    {
      kind: "xlsx",
      contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      data: own(await resultsXlsx(results, { runId: job.runId, version: job.version, scenario: job.scenario })),
    },
  ];
  const json = text(resultsJson(results));
  post({ type: "done", resultsJson: json, sensitivityJson: tornado === null ? null : JSON.stringify(tornado), artifacts }, [json.buffer as ArrayBuffer, ...artifacts.map((a) => a.data.buffer as ArrayBuffer)]);
}

main().catch((error: unknown) => post({ type: "failed", error: (error as Error)?.message ?? String(error) }));
