import { existsSync } from "node:fs";
import { join } from "node:path";
import { REPOSITORY } from "./repository.ts";

/** A scenario argument is a path to a file, or the id of a scenario in scenarios/ ("bradford"). */
export function scenarioPath(arg: string): string {
  if (existsSync(arg)) return arg;
  const byId = join(REPOSITORY, "scenarios", `${arg}.yaml`);
  if (/^[a-z0-9][a-z0-9-]*$/.test(arg) && existsSync(byId)) return byId;
  return arg; // loadScenario reports the missing file with its name
}
