import { readdirSync } from "node:fs";
import { join } from "node:path";
import { backtest, loadEvidence, loadScenario } from "../model/index.ts";
import { backtestTable } from "../report/text.ts";
import { REPOSITORY } from "./repository.ts";
import { scenarioPath } from "./scenario-path.ts";

export interface BacktestFlags {
  format: "table" | "json";
  iterations?: number;
  seed?: string;
}

/** `trustsim backtest [scenario...]`: rolling-origin forecasts of every published overspend, scored. */
export async function backtestCommand(scenarios: string[], flags: BacktestFlags): Promise<void> {
  const files = scenarios.length > 0
    ? scenarios.map(scenarioPath)
    : readdirSync(join(REPOSITORY, "scenarios")).filter((f) => f.endsWith(".yaml")).sort().map((f) => join(REPOSITORY, "scenarios", f));
  const records = await loadEvidence(join(REPOSITORY, "seeds"));
  const loaded = await Promise.all(files.map((f) => loadScenario(f)));
  const report = backtest(loaded, records, { iterations: flags.iterations, seed: flags.seed });
  process.stdout.write(flags.format === "json" ? JSON.stringify(report, null, 2) + "\n" : backtestTable(report));
}
