import { readFile } from "node:fs/promises";
import { parse as parseYaml, YAMLParseError } from "yaml";
import { scenarioSchema, type Scenario } from "./scenario-schema.ts";
import { ScenarioError, problemsFromZod } from "./scenario-error.ts";
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

/** Parses YAML or JSON text (JSON is YAML 1.2) into plain data; throws ScenarioError on bad syntax. */
export function parseScenarioText(text: string, name = "scenario"): unknown {
  try {
    return parseYaml(text, { prettyErrors: true, uniqueKeys: true });
  } catch (error) {
    if (error instanceof YAMLParseError) {
      const where = error.linePos ? ` at line ${error.linePos[0].line}, column ${error.linePos[0].col}` : "";
      const what = error.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "");
      throw new ScenarioError([{ path: "", message: `malformed YAML${where}: ${what}` }], name);
    }
    throw error;
  }
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
