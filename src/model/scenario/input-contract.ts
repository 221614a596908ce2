import type { InputProblem } from "../quantities/scenario-error.ts";

/**
 * The structural limits every input meets before zod sees it: how deep, how many values, how long
 * a string or array, and numbers finite and of sane size. One contract for the CLI and the service.
 */
export const INPUT_LIMITS = {
  /** A scenario nests about 7 deep (options[i].transfer.disruption.placementCostFactor.max). */
  maxDepth: 24,
  maxValues: 100_000,
  maxStringLength: 10_000,
  /** Yearly lists (at most 60), discrete values, correlation matrices. */
  maxArrayLength: 1_000,
  maxKeys: 200,
  /** Larger than any money figure a council handles (GBP 1,000 bn), so only garbage is refused. */
  maxMagnitude: 1e15,
  /** A correlation matrix is checked for positive semi-definiteness; 32 x 32 keeps that under a millisecond. */
  maxCorrelatedInputs: 32,
  /** Problems reported before the check stops. */
  maxProblems: 20,
} as const;

export type InputLimits = typeof INPUT_LIMITS;

/** Dotted path for messages, cut short when deep: a 4,000-level path would be a 4,000-part message. */
function pathText(path: readonly PropertyKey[]): string {
  const shown = path.length > 12 ? [...path.slice(0, 10), "...", path[path.length - 1]] : path;
  return shown.map((k, i) => (typeof k === "number" ? `[${k}]` : i === 0 ? String(k) : `.${String(k)}`)).join("");
}

/** How a non-finite number reads in a message: YAML's .nan and 1e400 both arrive as non-finite doubles. */
export function describeNonFinite(x: number): string {
  if (Number.isNaN(x)) return "got .nan (not a number)";
  return `got ${x > 0 ? "" : "-"}infinity (.inf, or a number such as 1e400 beyond the largest double, about 1.8e308)`;
}

/**
 * Problems with the shape of raw input data (parsed YAML or JSON), found without recursion, so
 * nesting of any depth cannot overflow the stack; stops after `maxProblems`. Below `maxDepth`
 * nothing is visited, so the work is bounded by `maxValues`.
 */
export function checkInputContract(data: unknown, prefix: PropertyKey[] = [], limits: InputLimits = INPUT_LIMITS): InputProblem[] {
  const problems: InputProblem[] = [];
  const add = (path: readonly PropertyKey[], message: string) => problems.push({ path: pathText(path), message });
  const stack: { value: unknown; path: PropertyKey[] }[] = [{ value: data, path: prefix }];
  let visited = 0;
  while (stack.length > 0 && problems.length < limits.maxProblems) {
    const { value, path } = stack.pop()!;
    if (++visited > limits.maxValues) {
      add(prefix, `expected at most ${limits.maxValues.toLocaleString("en-GB")} values in all; this input has more`);
      break;
    }
    const depth = path.length - prefix.length;
    if (typeof value === "number") {
      if (!Number.isFinite(value)) add(path, `expected a finite number, ${describeNonFinite(value)}`);
      else if (Math.abs(value) > limits.maxMagnitude) add(path, `expected a number between -1e15 and 1e15, got ${value}`);
    } else if (typeof value === "string") {
      if (value.length > limits.maxStringLength) add(path, `expected text of at most ${limits.maxStringLength.toLocaleString("en-GB")} characters, got ${value.length.toLocaleString("en-GB")}`);
    } else if (typeof value === "bigint") {
      add(path, `expected a number between -1e15 and 1e15, got ${value}`);
    } else if (value !== null && typeof value === "object") {
      if (depth >= limits.maxDepth) {
        add(path, `expected nesting at most ${limits.maxDepth} levels deep; a scenario needs about 7`);
        continue;
      }
      if (Array.isArray(value)) {
        if (value.length > limits.maxArrayLength) {
          add(path, `expected a list of at most ${limits.maxArrayLength.toLocaleString("en-GB")} items, got ${value.length.toLocaleString("en-GB")}`);
          continue;
        }
        for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: [...path, i] });
      } else if (value instanceof Date) {
        add(path, "expected a number or text, got a date (quote it: '2025-04-01')");
      } else {
        const keys = Object.keys(value);
        if (keys.length > limits.maxKeys) {
          add(path, `expected at most ${limits.maxKeys} fields, got ${keys.length.toLocaleString("en-GB")}`);
          continue;
        }
        for (let i = keys.length - 1; i >= 0; i--) {
          if (keys[i].length > 300) add([...path], `expected field names of at most 300 characters, got one of ${keys[i].length.toLocaleString("en-GB")}`);
          else stack.push({ value: (value as Record<string, unknown>)[keys[i]], path: [...path, keys[i]] });
        }
      }
    } else if (value !== null && value !== undefined && typeof value !== "boolean") {
      // Not data (undefined is a field left out by code building a scenario in process; JSON and YAML have none).
      add(path, `expected JSON or YAML data, got a ${typeof value}`);
    }
  }
  return problems;
}

/**
 * Problems with a scenario's correlations that would make the run fail or its validation slow:
 * more inputs than the cap (checked before the eigenvalue test), or one input listed twice (a
 * singular matrix). Runs on raw data, before zod.
 */
export function checkCorrelationShape(data: unknown, limits: InputLimits = INPUT_LIMITS): InputProblem[] {
  const problems: InputProblem[] = [];
  const correlations = (data as { correlations?: unknown } | null)?.correlations;
  if (!Array.isArray(correlations)) return problems;
  correlations.forEach((c: unknown, i) => {
    if (c === null || typeof c !== "object") return;
    const { inputs, matrix } = c as { inputs?: unknown; matrix?: unknown };
    if (Array.isArray(inputs)) {
      if (inputs.length > limits.maxCorrelatedInputs) {
        problems.push({ path: `correlations[${i}].inputs`, message: `expected at most ${limits.maxCorrelatedInputs} correlated inputs, got ${inputs.length}` });
      }
      const first = new Map<unknown, number>();
      inputs.forEach((key, j) => {
        if (typeof key !== "string") return;
        if (first.has(key)) problems.push({ path: `correlations[${i}].inputs[${j}]`, message: `'${key}' is listed twice (first at inputs[${first.get(key)}]); list each input once` });
        else first.set(key, j);
      });
    }
    if (Array.isArray(matrix) && matrix.length > limits.maxCorrelatedInputs) {
      problems.push({ path: `correlations[${i}].matrix`, message: `expected at most ${limits.maxCorrelatedInputs} rows, got ${matrix.length}` });
    }
  });
  return problems;
}
