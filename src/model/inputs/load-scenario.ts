import { readFile } from "node:fs/promises";
import { decodeScenarioText } from "../scenario/decode-scenario-text.ts";
import { parseScenarioDocument, parseScenarioText } from "../scenario/parse-scenario-text.ts";
import type { Scenario } from "../scenario/scenario-schema.ts";
import { validateScenario, type ValidatedScenario } from "./validate-scenario.ts";
import { locateProblems } from "../scenario/yaml-positions.ts";
import { ScenarioError } from "../quantities/scenario-error.ts";

/**
 * Validates already-parsed scenario data; throws ScenarioError. The records its `evidence:` items
 * name are left to the caller, who conditions with records of its own (runForecast refuses any
 * missing); files and service requests are checked against seeds/ (validateScenario).
 */
export function parseScenario(data: unknown, name = "scenario"): Scenario {
  return validateScenario(data, name, { evidenceItems: false }).scenario;
}

/** Largest scenario file read: far above any real scenario (about 10 KB), far below what would strain memory. */
export const MAX_SCENARIO_FILE_BYTES = 4 * 1024 * 1024;

/** Reads, parses and validates a scenario file; problems and warnings carry YAML line and column. */
export async function loadScenarioWithWarnings(file: string): Promise<ValidatedScenario> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a directory" : (code ?? "unreadable");
    throw new ScenarioError([{ path: "", message: `cannot read '${file}': ${why}` }], "scenario file");
  }
  if (bytes.length > MAX_SCENARIO_FILE_BYTES) {
    throw new ScenarioError([{ path: "", message: `expected a file of at most 4 MB, got ${(bytes.length / 1048576).toFixed(1)} MB` }], file);
  }
  const { data, doc, lineCounter } = parseScenarioDocument(decodeScenarioText(bytes, file), file);
  return validateScenario(data, file, { locate: (problems) => locateProblems(doc, lineCounter, problems) });
}

/** Reads, parses and validates a scenario file. */
export async function loadScenario(file: string): Promise<Scenario> {
  return (await loadScenarioWithWarnings(file)).scenario;
}

export { parseScenarioText };
