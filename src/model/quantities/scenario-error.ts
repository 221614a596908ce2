import type { z } from "zod";

/** One thing wrong with a user's input: where (dotted path), and what was expected. */
export interface InputProblem {
  path: string;
  message: string;
  /** Where in the YAML or JSON file, when the input came from one (1-based). */
  line?: number;
  column?: number;
}

/** "line 12, column 5: path: message", the position first when known. */
export function formatProblem(p: InputProblem): string {
  const where = p.line !== undefined ? `line ${p.line}, column ${p.column ?? 1}: ` : "";
  return `${where}${p.path ? `${p.path}: ${p.message}` : p.message}`;
}

/**
 * A user's mistake in a scenario (unreadable file, bad YAML, failed validation): data, not a
 * crash. The CLI prints `message` and exits 2; the server answers 400 with `problems`.
 */
export class ScenarioError extends Error {
  constructor(
    readonly problems: InputProblem[],
    readonly subject = "scenario",
  ) {
    super(`${subject}: ${problems.map(formatProblem).join("; ")}`);
    this.name = "ScenarioError";
  }
}

/** Dotted path with [i] for array indices: options[1].setup.cost. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((k, i) => (typeof k === "number" ? `[${k}]` : i === 0 ? String(k) : `.${String(k)}`))
    .join("");
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  for (const k of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

function show(value: unknown): string {
  if (value === undefined) return "nothing";
  if (typeof value === "number" && !Number.isFinite(value)) return Number.isNaN(value) ? ".nan (not a number)" : `${value > 0 ? "" : "-"}infinity`;
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/**
 * Turns zod issues into problems that name the field, the value found and what was expected.
 * A union of "number or distribution" reports the branch that matches the value's shape.
 */
export function problemsFromZod(issues: readonly z.core.$ZodIssue[], input: unknown, prefix: PropertyKey[] = []): InputProblem[] {
  const out: InputProblem[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    const value = valueAt(input, path);
    if (issue.code === "invalid_union") {
      const branches = issue.errors.filter(
        (branch) => !(branch.length === 1 && branch[0].code === "invalid_type" && branch[0].path.length === 0),
      );
      if (branches.length === 1) {
        out.push(...problemsFromZod(branches[0], input, path));
      } else {
        out.push({
          path: formatPath(path),
          message: `expected a number or a distribution such as {dist: pert, min, mode, max, source}, got ${show(value)}`,
        });
      }
      continue;
    }
    let message = issue.message.replace(/^Invalid input: /, "");
    if (issue.code === "invalid_type") message = `expected ${issue.expected}, got ${show(value)}`;
    else if (issue.code === "unrecognized_keys") message = `unknown field(s) ${issue.keys.map((k) => `'${k}'`).join(", ")}`;
    else if (issue.code !== "custom") message = `${message} (got ${show(value)})`;
    out.push({ path: formatPath(path), message });
  }
  return out;
}
