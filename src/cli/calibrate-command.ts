import { readdirSync } from "node:fs";
import { join } from "node:path";
import { calibrate, loadScenario, loadEvidence, type CalibrationRow } from "../model/index.ts";
import { calibrationTable } from "../report/index.ts";
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
  for (const file of files) rows.push(...calibrate(await loadScenario(file), seeds, { iterations: flags.iterations }));
  process.stdout.write(flags.format === "json" ? JSON.stringify(rows, null, 2) + "\n" : calibrationTable(rows));
  const failed = rows.filter((r) => !r.covered || !r.bandOk);
  if (failed.length > 0) {
    process.stderr.write(`trustsim: ${failed.length} of ${rows.length} calibration targets not met\n`);
    process.exitCode = 1;
  }
}
