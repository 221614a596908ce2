import { LineCounter, parseDocument, type Document } from "yaml";
import { ScenarioError } from "../quantities/scenario-error.ts";

/** Aliases (*name) a file may expand; nested aliases otherwise grow exponentially ("billion laughs"). */
export const MAX_YAML_ALIASES = 100;

/** Parsed YAML or JSON with what is needed to point at a field's line and column. */
export interface ScenarioDocument {
  data: unknown;
  doc: Document;
  lineCounter: LineCounter;
}

/** Parses YAML or JSON text (JSON is YAML 1.2), keeping the document for positions; throws ScenarioError. */
export function parseScenarioDocument(text: string, name = "scenario"): ScenarioDocument {
  const refuse = (message: string): never => {
    throw new ScenarioError([{ path: "", message }], name);
  };
  const lineCounter = new LineCounter();
  let doc: Document;
  try {
    doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true, lineCounter });
  } catch (error) {
    if (error instanceof RangeError) refuse("malformed YAML: nested too deeply to read (a scenario needs about 7 levels)");
    throw error;
  }
  const error = doc.errors[0];
  if (error && /call stack/i.test(error.message)) refuse("malformed YAML: nested too deeply to read (a scenario needs about 7 levels)");
  if (error) {
    const where = error.linePos ? ` at line ${error.linePos[0].line}, column ${error.linePos[0].col}` : "";
    const what = error.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "");
    refuse(`malformed YAML${where}: ${what}`);
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (e) {
    if (e instanceof ReferenceError && /alias/i.test(e.message)) {
      refuse(`malformed YAML: aliases (*name) expand to too many copies (at most ${MAX_YAML_ALIASES}); write the values out or use fewer nested aliases`);
    }
    if (e instanceof RangeError) refuse("malformed YAML: nested too deeply to read (a scenario needs about 7 levels)");
    if (e instanceof ReferenceError) refuse(`malformed YAML: ${e.message}`);
    throw e;
  }
  return { data, doc, lineCounter };
}

/** Parses YAML or JSON text into plain data; throws ScenarioError on bad syntax. */
export function parseScenarioText(text: string, name = "scenario"): unknown {
  return parseScenarioDocument(text, name).data;
}
