import { scenarioPath } from "./scenario-path.ts";
import { formatProblem, loadScenarioWithWarnings } from "../model/index.ts";

/** `trustsim validate <file>`: checks a scenario, says what it holds and what a careful reader would query. */
export async function validateCommand(file: string): Promise<void> {
  const { scenario: s, warnings } = await loadScenarioWithWarnings(scenarioPath(file));
  process.stdout.write(
    `${file}: valid. '${s.title}', ${s.years} years from ${s.startYear}, options ${s.options.map((o) => o.id).join(", ")}.\n`,
  );
  for (const w of warnings) process.stdout.write(`warning: ${formatProblem(w)}\n`);
}
