import { isCollection, LineCounter, type Document, type Node } from "yaml";
import type { InputProblem } from "../quantities/scenario-error.ts";

/** A dotted problem path ("options[1].setup.cost") back to its segments. */
export function parsePath(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const m of path.matchAll(/\[(\d+)\]|([^.[\]]+)/g)) out.push(m[1] !== undefined ? Number(m[1]) : m[2]);
  return out;
}

/**
 * Adds the line and column of each problem's field in the YAML (or JSON) text the data came
 * from: the field's value when it exists, else the nearest enclosing field that does (a missing
 * field is reported where its parent starts).
 */
export function locateProblems(doc: Document, lineCounter: LineCounter, problems: readonly InputProblem[]): InputProblem[] {
  return problems.map((p) => {
    let node: unknown = doc.contents;
    let found: Node | null = isCollection(node) || node ? (node as Node) : null;
    for (const key of parsePath(p.path)) {
      if (!isCollection(node)) break;
      const next = node.get(key, true);
      if (next === undefined || next === null) break;
      node = next;
      found = next as Node;
    }
    const offset = found?.range?.[0];
    if (offset === undefined) return p;
    const { line, col } = lineCounter.linePos(offset);
    return { ...p, line, column: col };
  });
}
