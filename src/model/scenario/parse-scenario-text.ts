import { parse as parseYaml, YAMLParseError } from "yaml";
import { ScenarioError } from "../quantities/scenario-error.ts";

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
