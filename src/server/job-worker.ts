import { parentPort, workerData } from "node:worker_threads";
import { runScenarioAsync, sensitivity, type Scenario } from "../model/index.ts";
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
  | { type: "done"; resultsJson: string; sensitivityJson: string | null }
  | { type: "failed"; error: string };

const job = workerData as JobData;
const post = (m: JobMessage) => parentPort!.postMessage(m);
runScenarioAsync(job.scenario, {
  iterations: job.iterations,
  seed: job.seed,
  workers: job.workers,
  onProgress: (done, total) => post({ type: "progress", done, total }),
}).then(
  (results) => {
    // The tornado on the results page: the first two options' difference on up to 2,000 iterations.
    const options = job.scenario.options;
    const tornado = options.length >= 2 ? sensitivity(job.scenario, { a: options[0].id, b: options[1].id }, { iterations: Math.min(job.iterations, 2000), seed: job.seed }) : null;
    post({ type: "done", resultsJson: resultsJson(results), sensitivityJson: tornado === null ? null : JSON.stringify(tornado) });
  },
  (error: unknown) => post({ type: "failed", error: (error as Error)?.message ?? String(error) }),
);
