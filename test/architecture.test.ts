import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = join(import.meta.dirname, "..", "src");

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
}

/** The layers of DESIGN.md and which of the others each may import: imports point down the pipeline. */
const ALLOWED: Record<string, string[]> = {
  engine: [],
  model: ["engine"],
  report: ["model", "engine"],
  cli: ["report", "model", "engine"],
  server: ["report", "model", "engine"],
};

/**
 * The model's stages in pipeline order (README, Layout): a stage may import only itself and the
 * stages before it. quantities (the vocabulary of uncertain numbers and errors) comes first
 * because cost lines declare the scenario fields they read.
 */
const MODEL_STAGES = ["quantities", "costs", "scenario", "evidence", "inputs", "finance", "simulation", "forecast", "analysis", "portfolio"];

interface Edge {
  file: string;
  target: string;
}

const edges: Edge[] = files(SRC).flatMap((file) => {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/(?:from|import)\s*\(?\s*"(\.[^"]+)"/g)].map((m) => ({
    file: relative(SRC, file),
    target: relative(SRC, join(dirname(file), m[1])),
  }));
});

/** Cycles in the file import graph, each as the list of files around it (Tarjan's strongly connected components). */
export function importCycles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const stack: string[] = [];
  const onStack = new Set<string>();
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const cycles: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) cycles.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return cycles;
}

describe("architecture", () => {
  it("finds the source files it checks", () => {
    expect(edges.length).toBeGreaterThan(100);
  });

  it("has each layer import only the layers below it (engine knows no domain, cli and server never meet)", () => {
    const layer = (p: string) => p.split("/")[0];
    const bad = edges.filter((e) => layer(e.target) !== layer(e.file) && !(ALLOWED[layer(e.file)] ?? []).includes(layer(e.target)));
    expect(bad).toEqual([]);
  });

  it("has each model stage import only itself and earlier stages", () => {
    const stage = (p: string) => (p.startsWith("model/") && p.split("/").length > 2 ? p.split("/")[1] : null);
    const unknown = edges.map((e) => stage(e.file)).filter((s) => s !== null && !MODEL_STAGES.includes(s));
    expect([...new Set(unknown)]).toEqual([]);
    const bad = edges.filter((e) => {
      const from = stage(e.file);
      const to = stage(e.target);
      return from !== null && to !== null && MODEL_STAGES.indexOf(to) > MODEL_STAGES.indexOf(from);
    });
    expect(bad).toEqual([]);
  });

  it("has no import cycle between files", () => {
    const graph = new Map<string, string[]>();
    for (const e of edges) graph.set(e.file, [...(graph.get(e.file) ?? []), e.target]);
    expect(importCycles(graph)).toEqual([]);
  });

  it("detects a cycle when there is one (the check itself can fail)", () => {
    const graph = new Map([["a", ["b"]], ["b", ["c"]], ["c", ["a"]], ["d", ["a"]]]);
    expect(importCycles(graph)).toEqual([["a", "b", "c"]]);
  });

  it("uses no Math.random in the engine or the model", () => {
    const offenders = files(SRC)
      .filter((f) => /\/(engine|model)\//.test(f))
      .filter((f) => readFileSync(f, "utf8").includes("Math.random"));
    expect(offenders).toEqual([]);
  });
});
