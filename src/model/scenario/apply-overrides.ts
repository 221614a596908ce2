import { ScenarioError } from "../quantities/scenario-error.ts";

/**
 * A copy of scenario data with single parameters replaced, each named by a dotted path
 * ("baseline.workforce.agencyShare", "options.trust.vat.irrecoverableShare": an array of options
 * is addressed by id or by index). Only existing fields can be replaced; the result still has to
 * validate. Throws a ScenarioError naming each path that does not exist.
 */
export function applyOverrides(data: unknown, overrides: Record<string, unknown>): unknown {
  const copy = structuredClone(data);
  const problems: { path: string; message: string }[] = [];
  for (const [path, value] of Object.entries(overrides)) {
    const segments = path.split(".");
    let node: unknown = copy;
    let ok = segments.length > 0 && segments.every((s) => s.length > 0);
    for (let i = 0; ok && i < segments.length - 1; i++) {
      node = child(node, segments[i]);
      ok = node !== undefined && node !== null && typeof node === "object";
    }
    const last = segments[segments.length - 1];
    if (!ok || !hasChild(node, last)) {
      problems.push({ path: `overrides.${path}`, message: "expected the path of an existing scenario field (options by id), found none" });
      continue;
    }
    if (Array.isArray(node)) node[indexOf(node, last)] = value;
    else (node as Record<string, unknown>)[last] = value;
  }
  if (problems.length > 0) throw new ScenarioError(problems, "overrides");
  return copy;
}

function indexOf(array: unknown[], segment: string): number {
  if (/^\d+$/.test(segment)) return Number(segment);
  return array.findIndex((x) => x !== null && typeof x === "object" && (x as { id?: unknown }).id === segment);
}

function child(node: unknown, segment: string): unknown {
  if (Array.isArray(node)) return node[indexOf(node, segment)];
  if (node !== null && typeof node === "object" && Object.hasOwn(node, segment)) return (node as Record<string, unknown>)[segment];
  return undefined;
}

function hasChild(node: unknown, segment: string): boolean {
  if (Array.isArray(node)) {
    const i = indexOf(node, segment);
    return i >= 0 && i < node.length;
  }
  return node !== null && typeof node === "object" && Object.hasOwn(node, segment);
}
