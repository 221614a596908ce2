import { loadScenario, parseStress, sensitivity, stressScenario, switchingValue, type Scenario } from "../model/index.ts";
import { sensitivityTable, stressTable, switchingTable } from "../report/text.ts";
import { scenarioPath } from "./scenario-path.ts";
import { UsageError } from "./usage-error.ts";

/** "a,b" into two option ids, or the scenario's first two options. */
function pair(scenario: Scenario, between: string | undefined): [string, string | undefined] {
  if (between === undefined) return [scenario.options[0].id, scenario.options[1]?.id];
  const parts = between.split(",");
  if (parts.length > 2 || parts.some((p) => p === "")) throw new UsageError(`--between: expected 'a,b' or 'a', got '${between}'`);
  return [parts[0], parts[1]];
}

function finite(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n)) throw new UsageError(`${flag}: expected a number, got '${value}'`);
  return n;
}

/** `trustsim sensitivity <file>`: the tornado of the horizon cost difference (or one option's cost). */
export async function sensitivityCommand(file: string, flags: { between?: string; iterations?: number; seed?: string; format: "table" | "json" }): Promise<void> {
  const scenario = await loadScenario(scenarioPath(file));
  const [a, b] = pair(scenario, flags.between);
  const result = sensitivity(scenario, { a, b }, { iterations: flags.iterations, seed: flags.seed });
  process.stdout.write(flags.format === "json" ? JSON.stringify(result, null, 2) + "\n" : sensitivityTable(result));
}

/** `trustsim switching <file> --input KEY`: the input value at which two options cost the same. */
export async function switchingCommand(
  file: string,
  flags: { input: string; between?: string; low?: string; high?: string; iterations?: number; seed?: string; format: "table" | "json" },
): Promise<void> {
  const scenario = await loadScenario(scenarioPath(file));
  const [a, b] = pair(scenario, flags.between);
  if (b === undefined) throw new UsageError("--between: a switching value needs two options, 'a,b'");
  const [low, high] = [finite("--low", flags.low), finite("--high", flags.high)];
  if ((low === undefined) !== (high === undefined)) throw new UsageError("--low and --high go together");
  const s = switchingValue(scenario, { input: flags.input, a, b, low, high, iterations: flags.iterations, seed: flags.seed });
  process.stdout.write(flags.format === "json" ? JSON.stringify(s, null, 2) + "\n" : switchingTable(s, a, b));
}

/** `trustsim stress <file> --input KEY:pLO-pHI ...`: each option's and plan's cost with inputs held in a tail, against the same futures unstressed. */
export async function stressCommand(file: string, flags: { input: string[]; iterations?: number; seed?: string; format: "table" | "json" }): Promise<void> {
  const scenario = await loadScenario(scenarioPath(file));
  const stressed = flags.input.map((text, k) => parseStress(text, `--input[${k}]`));
  const result = stressScenario(scenario, stressed, { iterations: flags.iterations, seed: flags.seed });
  process.stdout.write(flags.format === "json" ? JSON.stringify(result, null, 2) + "\n" : stressTable(result));
}
