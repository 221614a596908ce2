import { setPriority } from "node:os";
import { parentPort, workerData } from "node:worker_threads";
import { loadEvidence, runForecast, type EvidenceRecord, type Scenario } from "../model/index.ts";
import { assumptionLabel, resultsJson, scenarioChanges } from "../report/index.ts";
import { buildArtifacts, comparisonPairs, tornadoFor } from "./report-artifacts.ts";
import type { Artifact } from "./run-store.ts";

/** What a job worker is given: one validated scenario to run. */
export interface JobData {
  runId: string;
  version: string;
  scenario: Scenario;
  iterations: number;
  seed: string;
  workers: number;
  /** The seeds/ folder: the published evidence the run is conditioned on, as `trustsim run` does, and the sources' titles. */
  seedsDir: string;
  /** When the run was created (ISO): every date inside the downloads, so the same run gives the same bytes. */
  createdAt: string;
  /** The shipped scenario the run started from, if any: its reports list what the run changed. */
  base: Scenario | null;
}

/** Messages a job worker sends back. */
export type JobMessage =
  | { type: "progress"; done: number; total: number }
  | { type: "done"; resultsJson: Uint8Array; sensitivityJson: string | null; artifacts: Artifact[] }
  | { type: "failed"; error: string };

const job = workerData as JobData;
// A run yields the CPU to the request thread: on Linux a nice value is per thread (and inherited by
// the simulation threads this one starts), so /health and polls stay fast while runs fill the cores.
try {
  setPriority(10);
} catch {
  // Not permitted or not supported: the run keeps the service's priority.
}
const post = (m: JobMessage, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(m, transfer);

/**
 * The seeds/ records, read once by this worker (one worker runs one job). A scenario conditioned on
 * evidence cannot run without them; any other run only loses the sources' titles in its reports.
 */
async function evidenceRecords(): Promise<Map<string, EvidenceRecord>> {
  try {
    return await loadEvidence(job.seedsDir);
  } catch (error) {
    if (job.scenario.evidence.length > 0) throw error;
    return new Map();
  }
}

async function main(): Promise<void> {
  const records = await evidenceRecords();
  // The same call as `trustsim run`: conditioned on the scenario's published evidence, so the service and the CLI give the same numbers.
  const results = await runForecast(job.scenario, records, {
    iterations: job.iterations,
    seed: job.seed,
    workers: job.workers,
    onProgress: (done, total) => post({ type: "progress", done, total }),
  });
  // The tornado on the results page: the first pair's difference, at the run's own iterations.
  const pair = comparisonPairs(results)[0];
  const tornado = pair === undefined ? undefined : tornadoFor(job.scenario, pair, job.iterations, job.seed);
  // The scenario as the store keeps it (JSON), so that its changes read as the report service's do.
  const scenario = JSON.parse(JSON.stringify(job.scenario)) as Scenario;
  // Every download is built once, here, off the request thread; the routes serve the stored bytes.
  const artifacts = await buildArtifacts(results, {
    runId: job.runId,
    version: job.version,
    scenario,
    evidence: records,
    changes: job.base === null ? [] : scenarioChanges(job.base, scenario, assumptionLabel),
    date: new Date(job.createdAt),
    sensitivity: tornado,
    between: pair,
  });
  // A copy into its own buffer (not Buffer's shared pool), so it can be transferred.
  const json = new Uint8Array(Buffer.from(resultsJson(results), "utf8"));
  post(
    { type: "done", resultsJson: json, sensitivityJson: tornado === undefined ? null : JSON.stringify(tornado), artifacts },
    [json.buffer as ArrayBuffer, ...artifacts.map((a) => a.data.buffer as ArrayBuffer)],
  );
}

main().catch((error: unknown) => post({ type: "failed", error: (error as Error)?.message ?? String(error) }));
