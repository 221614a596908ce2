import { execFile, spawn } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it, vi } from "vitest";

vi.setConfig({ testTimeout: 60_000 });

const ROOT = join(import.meta.dirname, "..");
const ARGS = ["--import", "tsx", "src/cli/main.ts"];

async function trustsim(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [...ARGS, ...args], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe("trustsim's manners", () => {
  it("--version prints the package version", async () => {
    const r = await trustsim("--version");
    expect(r).toMatchObject({ code: 0, stdout: "0.1.0\n" });
  });

  it("run --help lists the format choices", async () => {
    expect((await trustsim("run", "--help")).stdout).toMatch(/choices: "table", "json", "csv"/);
  });

  it.each([
    [["run", "template", "--iterations", "100", "--out", "/no/such/folder/out.csv"], /--out: the folder '\/no\/such\/folder' does not exist/],
    [["run", "template", "--iterations", "100", "--out", "/tmp"], /--out: '\/tmp' is a folder/],
    [["validate", "/tmp"], /it is a directory/],
    [["run", "/no/such/file.yaml"], /no such file/],
    [["run", "template", "--format", "pdf"], /--format: expected one of table, json, csv, got 'pdf'/],
  ])("exits 2 with one clear line for %j", async (args, message) => {
    const r = await trustsim(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/internal error|    at /);
  });

  it("is quiet when the reader of its output goes away (| head -1)", async () => {
    const child = spawn(process.execPath, [...ARGS, "run", "template", "--iterations", "2000", "--format", "json"], { cwd: ROOT });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    child.stdout.once("data", () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(stderr).not.toMatch(/EPIPE|Error/);
    expect(code).toBe(0);
  });
});
