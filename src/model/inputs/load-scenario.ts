import { readFile } from "node:fs/promises";
import { parseScenarioText } from "../scenario/parse-scenario-text.ts";
import { scenarioSchema, type Scenario } from "../scenario/scenario-schema.ts";
import { ScenarioError, problemsFromZod } from "../quantities/scenario-error.ts";
import { compileScenario } from "./compile-scenario.ts";

/** Validates already-parsed scenario data (from a file or an HTTP body); throws ScenarioError. */
export function parseScenario(data: unknown, name = "scenario"): Scenario {
  const result = scenarioSchema.safeParse(data);
  if (!result.success) throw new ScenarioError(problemsFromZod(result.error.issues, data), name);
  try {
    compileScenario(result.data); // checks what needs the whole scenario: yearly lists against the horizon
  } catch (error) {
    if (error instanceof ScenarioError) throw new ScenarioError(error.problems, name);
    throw error;
  }
  return result.data;
}


/** Reads, parses and validates a scenario file. */
export async function loadScenario(file: string): Promise<Scenario> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a directory" : (code ?? "unreadable");
    throw new ScenarioError([{ path: "", message: `cannot read '${file}': ${why}` }], "scenario file");
  }
  return parseScenario(parseScenarioText(text, file), file);
}

export { parseScenarioText };
