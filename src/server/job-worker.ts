import { parentPort, workerData } from "node:worker_threads";
import { runScenarioAsync, type Scenario } from "../model/index.ts";
import { resultsJson } from "../report/index.ts";

/** What a job worker is given: one validated scenario to run. */
export interface JobData {
  scenario: Scenario;
  iterations: number;
  seed: string;
  workers: number;
}

/** Messages a job worker sends back. */
export type JobMessage =
  | { type: "progress"; done: number; total: number }
  | { type: "done"; resultsJson: string }
  | { type: "failed"; error: string };

const job = workerData as JobData;
const post = (m: JobMessage) => parentPort!.postMessage(m);
runScenarioAsync(job.scenario, {
  iterations: job.iterations,
  seed: job.seed,
  workers: job.workers,
  onProgress: (done, total) => post({ type: "progress", done, total }),
}).then(
  (results) => post({ type: "done", resultsJson: resultsJson(results) }),
  (error: unknown) => post({ type: "failed", error: (error as Error)?.message ?? String(error) }),
);
