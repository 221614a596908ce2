import { readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
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

describe("architecture", () => {
  const imports = files(SRC).flatMap((file) => {
    const layer = relative(SRC, file).split("/")[0];
    const text = readFileSync(file, "utf8");
    return [...text.matchAll(/from\s+"(\.[^"]+)"/g)].map((m) => {
      const target = relative(SRC, join(file, "..", m[1])).split("/")[0];
      return { file: relative(SRC, file), layer, target };
    });
  });

  it("finds the source files it checks", () => {
    expect(imports.length).toBeGreaterThan(20);
  });

  it("has each layer import only the layers below it (engine knows no domain, cli and server never meet)", () => {
    const bad = imports.filter((i) => i.target !== i.layer && !(ALLOWED[i.layer] ?? []).includes(i.target));
    expect(bad).toEqual([]);
  });

  it("uses no Math.random in the engine or the model", () => {
    const offenders = files(SRC)
      .filter((f) => /\/(engine|model)\//.test(f))
      .filter((f) => readFileSync(f, "utf8").includes("Math.random"));
    expect(offenders).toEqual([]);
  });
});
