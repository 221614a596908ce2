import { scenarioPath } from "./scenario-path.ts";
import { loadScenario } from "../model/index.ts";

/** `trustsim validate <file>`: checks a scenario and says what it holds. */
export async function validateCommand(file: string): Promise<void> {
  const s = await loadScenario(scenarioPath(file));
  process.stdout.write(
    `${file}: valid. '${s.title}', ${s.years} years from ${s.startYear}, options ${s.options.map((o) => o.id).join(", ")}.\n`,
  );
}
