import { execFile } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
// @ts-expect-error: a plain ES module script, no declarations
import { bundleCli } from "../scripts/bundle-cli.mjs";
import { loadScenario, runScenario } from "../src/model/index.ts";
import { resultsJson } from "../src/report/text.ts";

// A bundle, then whole runs with worker threads: seconds on a 2-core machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const ROOT = join(import.meta.dirname, "..");
/** Two folders below the repository, as dist/bin/ is (src/model/locations.ts finds the repository from there). */
const OUT = join(ROOT, "test-artifacts", "bin");
const run = promisify(execFile);
let main = "";

async function bundled(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [main, ...args], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe("the bundled command line (scripts/bundle-cli.mjs, what npm start and the bin run)", () => {
  beforeAll(async () => {
    main = await bundleCli(OUT);
  });
  afterAll(() => rmSync(OUT, { recursive: true, force: true }));

  it("finds seeds/ from its own folder: Bradford's cited records resolve, so it validates", async () => {
    const r = await bundled("validate", "scenarios/bradford.yaml");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^scenarios\/bradford\.yaml: valid\./);
  });

  it("gives the numbers the sources give, on two worker threads started from the bundle's own worker entry", async () => {
    const iterations = 3 * 1024 + 5;
    const r = await bundled("run", "bench/bradford-reference.yaml", "--iterations", String(iterations), "--workers", "2", "--format", "json");
    expect(r.code).toBe(0);
    const scenario = await loadScenario(join(ROOT, "bench", "bradford-reference.yaml"));
    expect(r.stdout).toBe(resultsJson(runScenario(scenario, { iterations })));
  });

  it("refuses bad input as the sources do: exit 2, the field path and the value", async () => {
    const r = await bundled("run", "scenarios/bradford.yaml", "--iterations", "0");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--iterations.*'0'/);
  });
});
