import { loadScenario, runScenarioAsync, type OptionResult } from "../model/index.ts";
import { contingencyTable, resultsJson } from "../report/text.ts";
import { progressBar } from "./progress-bar.ts";
import { scenarioPath } from "./scenario-path.ts";

export interface ContingencyFlags {
  iterations?: number;
  seed?: string;
  workers?: number;
  format: "table" | "json";
}

/** `trustsim contingency <file>`: failure curves and the contingency plan comparison. */
export async function contingencyCommand(file: string, flags: ContingencyFlags): Promise<void> {
  const scenario = await loadScenario(scenarioPath(file));
  const bar = progressBar(scenario.id);
  let results;
  try {
    results = await runScenarioAsync(scenario, { iterations: flags.iterations, seed: flags.seed, workers: flags.workers, onProgress: bar.update });
  } finally {
    bar.stop();
  }
  if (flags.format === "json") {
    const { scenario: s, simulation, priceBase, years } = results;
    const options = results.options.filter((o) => o.failure).map(({ id, label, failure, plans }: OptionResult) => ({ id, label, failure, plans }));
    process.stdout.write(resultsJson({ scenario: s, simulation, priceBase, years, options }));
  } else {
    process.stdout.write(contingencyTable(results));
  }
}
