import { readdirSync } from "node:fs";
import { join } from "node:path";
import { balancingItems, calibrate, loadScenario, loadEvidence, type BalancingItem, type CalibrationRow } from "../model/index.ts";
import { calibrationTable } from "../report/text.ts";
import { scenarioPath } from "./scenario-path.ts";
import { REPOSITORY } from "./repository.ts";

export interface CalibrateFlags {
  format: "table" | "json";
  iterations?: number;
}

/** `trustsim calibrate [scenario...]`: published figures against simulated bands, every target. */
export async function calibrateCommand(scenarios: string[], flags: CalibrateFlags): Promise<void> {
  const files = scenarios.length > 0
    ? scenarios.map(scenarioPath)
    : readdirSync(join(REPOSITORY, "scenarios")).filter((f) => f.endsWith(".yaml")).sort().map((f) => join(REPOSITORY, "scenarios", f));
  const seeds = await loadEvidence(join(REPOSITORY, "seeds"));
  const rows: CalibrationRow[] = [];
  const balancing: BalancingItem[] = [];
  for (const file of files) {
    const scenario = await loadScenario(file);
    rows.push(...calibrate(scenario, seeds, { iterations: flags.iterations }));
    balancing.push(...balancingItems(scenario));
  }
  process.stdout.write(flags.format === "json" ? JSON.stringify({ rows, balancingItems: balancing }, null, 2) + "\n" : calibrationTable(rows, balancing));
  const checks = rows.filter((r) => r.role === "check");
  const failed = checks.filter((r) => !r.met);
  if (failed.length > 0) {
    process.stderr.write(`trustsim: ${failed.length} of ${checks.length} checks not met\n`);
    process.exitCode = 1;
  }
}
