import { scenarioPath } from "./scenario-path.ts";
// The modules validation needs, not the model barrel (its simulation, analyses and portfolio are a third of start-up).
import { loadScenarioWithWarnings } from "../model/inputs/load-scenario.ts";
import { formatProblem } from "../model/quantities/scenario-error.ts";

/** `trustsim validate <file>`: checks a scenario, says what it holds and what a careful reader would query. */
export async function validateCommand(file: string): Promise<void> {
  const { scenario: s, warnings } = await loadScenarioWithWarnings(scenarioPath(file));
  process.stdout.write(
    `${file}: valid. '${s.title}', ${s.years} years from ${s.startYear}, options ${s.options.map((o) => o.id).join(", ")}.\n`,
  );
  for (const w of warnings) process.stdout.write(`warning: ${formatProblem(w)}\n`);
}
