import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { stringify } from "yaml";
import { describe, expect, it, vi } from "vitest";
import { scenarioData } from "./helpers/scenarios.ts";

// Whole simulations and worker threads: seconds, not milliseconds, on a 2-core machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), "trustsim-cli-"));

/** Runs the CLI as a user would (through tsx), returning exit code, stdout and stderr. */
async function trustsim(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], { cwd: join(import.meta.dirname, "..") });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

function edited(edit: (d: ReturnType<typeof scenarioData>) => void): string {
  const d = scenarioData("template");
  edit(d);
  return stringify(d);
}

describe("trustsim on bad input", () => {
  const cases: [string, () => string[], RegExp][] = [
    ["a wrong type", () => ["validate", file("type.yaml", edited((d) => ((d.baseline.workforce as { fte: unknown }).fte = "lots")))],
      /baseline\.workforce\.fte: expected a number or a distribution .*got "lots"/],
    ["a missing field", () => ["validate", file("missing.yaml", edited((d) => delete (d.baseline as { budget?: unknown }).budget))],
      /baseline\.budget: expected object, got nothing/],
    ["a PERT with min > max", () => ["validate", file("pert.yaml", edited((d) => (d.baseline.workforce.agencyShare = { dist: "pert", min: 0.3, mode: 0.2, max: 0.1, note: "x" })))],
      /baseline\.workforce\.agencyShare\.mode: expected min <= mode <= max, got 0\.3, 0\.2, 0\.1/],
    ["a negative iteration count in the file", () => ["run", file("iter.yaml", edited((d) => (d.simulation = { iterations: -5, seed: "x" })))],
      /simulation\.iterations: .*>=1.*got -5/],
    ["a negative iteration count on the command line", () => ["run", "scenarios/template.yaml", "--iterations", "-5"],
      /--iterations: expected a whole number from 1 to .*got '-5'/],
    ["malformed YAML", () => ["run", file("bad.yaml", "id: x\nbaseline: [1, 2\n  options: {")], /malformed YAML at line \d+, column \d+/],
    ["a file that does not exist", () => ["run", join(dir, "nowhere.yaml")], /cannot read '.*nowhere\.yaml': no such file/],
    ["an unknown format", () => ["run", "scenarios/template.yaml", "--format", "pdf"], /--format: expected one of table, json, csv, got 'pdf'/],
    ["a switching value for an input the scenario lacks", () => ["switching", "template", "--input", "options.trust.colour", "--between", "trust,in-house"], /switching value: input: expected an input of this scenario/],
    ["three options to compare", () => ["sensitivity", "template", "--between", "a,b,c"], /--between: expected 'a,b' or 'a', got 'a,b,c'/],
    ["a sensitivity of an unknown option", () => ["sensitivity", "template", "--between", "trust,nowhere"], /b: expected one of the options in-house, trust, partnership, got 'nowhere'/],
  ];

  it.each(cases)("%s exits 2 with a one-line message naming the field", async (_, args, message) => {
    const r = await trustsim(...args());
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe("");
  });
});

describe("trustsim on good input", () => {
  it("validate says the scenario is valid", async () => {
    const r = await trustsim("validate", "scenarios/template.yaml");
    expect(r).toMatchObject({ code: 0 });
    expect(r.stdout).toMatch(/valid\. .*options in-house, trust, partnership/);
  });

  it("run --format json prints the results JSON and --format csv a table of statistics", async () => {
    const json = await trustsim("run", "scenarios/template.yaml", "--iterations", "300", "--format", "json");
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.stdout);
    expect(parsed.simulation).toEqual({ iterations: 300, seed: "template-2025", sampling: "monte-carlo", percentiles: { method: "exact" } });
    const csv = await trustsim("run", "scenarios/template.yaml", "--iterations", "300", "--format", "csv", "--out", join(dir, "out.csv"));
    expect(csv.code).toBe(0);
    expect(csv.stdout).toBe("");
  });

  it("sensitivity --format json ranks the inputs by influence", async () => {
    const r = await trustsim("sensitivity", "template", "--between", "trust,in-house", "--iterations", "500", "--format", "json");
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s.inputs.length).toBeGreaterThan(10);
    const rho = s.inputs.map((i: { spearman: number }) => Math.abs(i.spearman));
    expect(rho).toEqual([...rho].sort((x, y) => y - x));
  });

  it("--help exits 0", async () => {
    const r = await trustsim("--help");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Usage: trustsim/);
  });
});
