import { writeFile } from "node:fs/promises";
import { scenarioPath } from "./scenario-path.ts";
import { join } from "node:path";
import { defaultWorkers, loadEvidence, loadScenario, prewarmSimulationPool, runForecast, runToPrecision } from "../model/index.ts";
import { REPOSITORY } from "./repository.ts";
import { percent, resultsCsv, resultsJson, resultsTable } from "../report/text.ts";
import { progressBar } from "./progress-bar.ts";
import { checkOutputPath, fileProblem } from "./file-problem.ts";

export const OUTPUT_FORMATS = ["table", "json", "csv"] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface RunFlags {
  iterations?: number;
  seed?: string;
  workers?: number;
  precision?: number;
  format: OutputFormat;
  out?: string;
  /** Show the unconditioned futures instead of conditioning on the scenario's evidence. */
  prior?: boolean;
}

/** `trustsim run <file>`: simulates a scenario and prints or writes its results. */
export async function runCommand(file: string, flags: RunFlags): Promise<void> {
  if (flags.out) checkOutputPath("--out", flags.out);
  const scenario = await loadScenario(scenarioPath(file));
  // A run that will use worker threads starts them now: they load the model while this thread
  // reads the evidence and conditions on it (about 0.75 s for Bradford).
  const workers = flags.workers ?? defaultWorkers(flags.iterations ?? scenario.simulation.iterations);
  if (flags.precision === undefined && workers > 1) prewarmSimulationPool(workers - 1);
  const bar = progressBar(scenario.id);
  // Ctrl-C: stop the bar and the worker threads (process exit ends them) and exit 130, the shell's code for SIGINT, without a stack trace.
  const interrupted = () => {
    bar.stop();
    process.stderr.write("trustsim: interrupted; no results written\n");
    process.exit(130);
  };
  process.once("SIGINT", interrupted);
  let results;
  try {
    if (flags.precision === undefined) {
      const records = scenario.evidence.length > 0 ? await loadEvidence(join(REPOSITORY, "seeds")) : new Map();
      results = await runForecast(scenario, records, { iterations: flags.iterations, seed: flags.seed, workers: flags.workers, onProgress: bar.update, prior: flags.prior });
    } else {
      const run = await runToPrecision(scenario, flags.precision, { start: flags.iterations, seed: flags.seed, workers: flags.workers, onProgress: bar.update });
      results = run.results;
      const p = run.precision;
      bar.stop();
      process.stderr.write(
        `precision ${percent(p.tolerance, 2)} on ${p.output}: ${p.met ? "met" : "NOT met (stopped at the limit)"} at ${p.iterations.toLocaleString("en-GB")} iterations ` +
          `(mean ±${percent(p.meanRelativeHalfWidth, 2)}, P90 ±${percent(p.p90RelativeHalfWidth, 2)}; steps ${p.steps.map((x) => x.iterations).join(", ")})\n`,
      );
    }
  } finally {
    bar.stop();
    process.off("SIGINT", interrupted);
  }
  const text = flags.format === "json" ? resultsJson(results) : flags.format === "csv" ? resultsCsv(results) : resultsTable(results);
  if (flags.out) {
    await writeFile(flags.out, text).catch((error: unknown) => {
      throw fileProblem(error) ?? error;
    });
    process.stderr.write(`wrote ${flags.out}\n`);
  } else {
    process.stdout.write(text);
  }
}
