import { writeFile } from "node:fs/promises";
import { scenarioPath } from "./scenario-path.ts";
import { loadScenario, runScenarioAsync } from "../model/index.ts";
import { resultsCsv, resultsJson, resultsTable } from "../report/index.ts";
import { progressBar } from "./progress-bar.ts";

export const OUTPUT_FORMATS = ["table", "json", "csv"] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface RunFlags {
  iterations?: number;
  seed?: string;
  workers?: number;
  format: OutputFormat;
  out?: string;
}

/** `trustsim run <file>`: simulates a scenario and prints or writes its results. */
export async function runCommand(file: string, flags: RunFlags): Promise<void> {
  const scenario = await loadScenario(scenarioPath(file));
  const bar = progressBar(scenario.id);
  let results;
  try {
    results = await runScenarioAsync(scenario, { iterations: flags.iterations, seed: flags.seed, workers: flags.workers, onProgress: bar.update });
  } finally {
    bar.stop();
  }
  const text = flags.format === "json" ? resultsJson(results) : flags.format === "csv" ? resultsCsv(results) : resultsTable(results);
  if (flags.out) {
    await writeFile(flags.out, text);
    process.stderr.write(`wrote ${flags.out}\n`);
  } else {
    process.stdout.write(text);
  }
}
