/** One parameter a what-if run changed from the shipped scenario. */
export interface ScenarioChange {
  path: string;
  label: string;
  from: string;
  to: string;
}

/**
 * What a run's scenario changed from the base (the shipped scenario it started from): every leaf
 * whose value differs, by dotted path with options by id, so that reports never present a what-if
 * as the base case.
 */
export function scenarioChanges(base: unknown, run: unknown, labelOf: (path: string) => string): ScenarioChange[] {
  const changes: ScenarioChange[] = [];
  const walk = (a: unknown, b: unknown, path: string) => {
    if (isObject(a) && isObject(b)) {
      for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) walk(a[key], b[key], path ? `${path}.${key}` : key);
      return;
    }
    if (Array.isArray(a) && Array.isArray(b) && a.every((x) => isObject(x) && typeof x.id === "string")) {
      for (const x of b as Record<string, unknown>[]) walk(a.find((y) => (y as Record<string, unknown>).id === x.id), x, `${path}.${x.id}`);
      return;
    }
    if (JSON.stringify(a) !== JSON.stringify(b)) changes.push({ path, label: labelOf(path), from: show(a), to: show(b) });
  };
  walk(base, run, "");
  return changes;
}

const isObject = (x: unknown): x is Record<string, unknown> => x !== null && typeof x === "object" && !Array.isArray(x);
const show = (x: unknown) => (x === undefined ? "(none)" : typeof x === "string" ? x : JSON.stringify(x));
