import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stringify } from "yaml";
import { describe, expect, it } from "vitest";
import { normal } from "../src/engine/distributions/normal.ts";
import { checkInputContract, loadScenarioWithWarnings, runScenario, ScenarioError, validateScenario } from "../src/model/index.ts";
import { scenarioData } from "./helpers/scenarios.ts";

const dir = mkdtempSync(join(tmpdir(), "trustsim-contract-"));
type Data = ReturnType<typeof scenarioData> & Record<string, any>;
const edited = (edit: (d: any) => void): Data => {
  const d = scenarioData("template") as Data;
  edit(d);
  return d;
};
const refusal = (data: unknown): string => {
  try {
    validateScenario(data);
  } catch (error) {
    if (error instanceof ScenarioError) return error.message;
    throw error;
  }
  throw new Error("expected a ScenarioError");
};

describe("input contract", () => {
  it("checks nesting 200,000 deep without recursion and names where it starts", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 200_000; i++) deep = [deep];
    const problems = checkInputContract({ baseline: deep });
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toMatch(/nesting at most 24 levels/);
    expect(() => validateScenario({ baseline: deep })).toThrow(ScenarioError);
  });

  it.each([
    ["1e308 children", (d: any) => (d.baseline.placements.residential.children = 1e308), /baseline\.placements\.residential\.children: expected a number between -1e15 and 1e15/],
    ["a million children", (d: any) => (d.baseline.placements.residential.children = 1e6), /children: expected a count from 0 to 100000, got 1.000e\+6/],
    ["generalInflation -1", (d: any) => (d.baseline.generalInflation = -1), /baseline\.generalInflation: expected a yearly rate above -0\.5 and at most 1, got -1/],
    ["a correlation input listed twice", (d: any) => (d.correlations[0].inputs[1] = d.correlations[0].inputs[0]), /correlations\[0\]\.inputs\[1\]: '.*' is listed twice/],
    ["33 correlated inputs", (d: any) => (d.correlations[0].inputs = Array.from({ length: 33 }, (_, i) => `x${i}`)), /expected at most 32 correlated inputs, got 33/],
    ["an agency share of 16", (d: any) => (d.baseline.workforce.agencyShare = 16), /agencyShare: expected a share from 0 to 1, got 16; .*write 0\.16 for 16%/],
    ["a VAT share as a percentage", (d: any) => (d.options[1].vat.irrecoverableShare = { dist: "pert", min: 50, mode: 85, max: 100, note: "x" }), /irrecoverableShare: expected a share from 0 to 1, got values from 50 to 100/],
    ["a DfE share of 80", (d: any) => (d.options[1].setup.dfeFundedShare = 80), /dfeFundedShare: expected a share/],
    ["councilShareOfOverspend 70", (d: any) => (d.options[1].finance = { councilShareOfOverspend: 70 }), /councilShareOfOverspend: expected a share/],
    ["uplift: 3", (d: any) => (d.baseline.budget.uplift = 3), /uplift: expected a yearly rate .*write 0\.03 for 3%/],
    ["an unknown seeds/ record", (d: any) => (d.baseline.workforce.agencyShare.source = "seeds/no-such-record"), /agencyShare\.source: no seeds\/ record with id 'no-such-record'/],
    ["a lognormal near the largest double", (d: any) => (d.baseline.otherSpend = { dist: "lognormal", mean: 1e9, sd: 1e11, note: "x" }), /otherSpend\.sd: expected sd at most 20 times the mean/],
    ["a PERT whose range would overflow", (d: any) => (d.baseline.otherSpend = { dist: "pert", min: -1e308, mode: 0, max: 1e308, note: "x" }), /otherSpend\.min: expected a number between -1e15 and 1e15/],
    ["a rebasing share of 40", (d: any) => (d.baseline.budget.rebase = { share: 40, lag: 1 }), /baseline\.budget\.rebase\.share: expected a share from 0 to 1, got 40/],
    ["a management action delivering 90", (d: any) => (d.baseline.budget.managementAction = { trigger: 0.05, savingsShare: 0.02, delivery: 90 }), /managementAction\.delivery: expected a share/],
    ["a driver whose mean is a percentage", (d: any) => (d.baseline.childrenGrowth = { dist: "driver", family: "demand", mean: 3, localSd: 0.02, note: "x" }), /baseline\.childrenGrowth: expected a yearly rate above -0\.5 and at most 1, got 3/],
    ["a second cited record that does not exist", (d: any) => (d.baseline.workforce.agencyShare.source = "seeds/residential-weekly-range, seeds/no-such-record"), /agencyShare\.source: no seeds\/ record with id 'no-such-record'/],
    ["evidence naming no seeds/ record", (d: any) => (d.evidence = [{ record: "no-such-record", option: d.options[0].id, year: d.startYear, output: "overspend" }]), /evidence\[0\]\.record: no seeds\/ record with id 'no-such-record'/],
  ])("refuses %s at validation, naming the field", (_, edit, message) => {
    expect(refusal(edited(edit))).toMatch(message);
  });

  it("accepts the fields the shipped scenarios use: drivers, balancing items, budget rules (a rebasing share of 0 included), several cited records", () => {
    const { scenario } = validateScenario(
      edited((d) => {
        d.baseline.childrenGrowth = { dist: "driver", family: "demand", mean: 0.01, localSd: 0.04, nationalLoading: 1, localPersistence: 0.5, note: "x" };
        d.baseline.otherSpend = { dist: "normal", mean: 1e6, sd: 1e5, min: 0, max: 2e6, balancing: true, note: "balancing item" };
        d.baseline.budget.rebase = { share: 0, lag: 1 };
        d.baseline.budget.inYearTopUps = { threshold: 0.02, share: 0.5 };
        d.baseline.budget.managementAction = { trigger: 0.05, years: 1, savingsShare: 0.02, delivery: { dist: "pert", min: 0.3, mode: 0.6, max: 0.9, note: "x" } };
        d.baseline.budget.known = [{ year: d.startYear + 1, amount: 5e7 }];
        d.baseline.workforce.agencyShare.source = "seeds/residential-weekly-range, seeds/ifa-weekly-range";
      }),
    );
    expect(scenario.baseline.budget.rebase?.share).toBe(0);
  });

  it("warns, without refusing, on plausible but unusual rates and on a cited record at other prices", () => {
    const { warnings } = validateScenario(edited((d) => (d.baseline.budget.uplift = 0.3)));
    expect(warnings.map((w) => `${w.path}: ${w.message}`)).toEqual(
      expect.arrayContaining([expect.stringMatching(/baseline\.budget\.uplift: unusual value for a yearly rate: 0\.3/), expect.stringMatching(/weeklyUnitCost\.source: cites seeds\/residential-weekly-range, at 2023-24 prices/)]),
    );
  });

  it("runs a scenario of one iteration", () => {
    const results = runScenario(validateScenario(edited((d) => (d.simulation.iterations = 1))).scenario);
    expect(results.options).toHaveLength(3);
  });

  it("samples a normal truncated far in one tail, within its bounds, in bounded time", () => {
    let s = 7;
    const source = () => ((s = (s * 16807) % 2147483647) / 2147483647);
    for (const [lo, hi] of [[7.9, 8], [-8, -7.99], [6, Infinity]]) {
      const draw = normal(source, 0, 1, lo, hi);
      for (let i = 0; i < 10_000; i++) {
        const x = draw();
        expect(x >= lo && x <= hi).toBe(true);
      }
    }
  });
});

describe("scenario files", () => {
  const load = async (name: string, content: string | Buffer) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    try {
      return (await loadScenarioWithWarnings(path)).warnings;
    } catch (error) {
      return (error as Error).message;
    }
  };

  it("refuses nested aliases with a clear message", async () => {
    let text = "a: &a [x, x, x, x, x, x, x, x, x]\n";
    for (let i = 0; i < 8; i++) text += `${"bcdefghi"[i]}: &${"bcdefghi"[i]} [${Array(9).fill(`*${"abcdefgh"[i]}`).join(", ")}]\n`;
    expect(await load("alias.yaml", text)).toMatch(/aliases \(\*name\) expand to too many copies/);
  });

  it("reports .nan and 1e400 as such, with line and column", async () => {
    const text = stringify(scenarioData("template")).replace(/^( {4}fte:) .*$/m, "$1 .nan").replace(/^( {2}otherSpend:) .*$/m, "$1 1e400");
    const message = await load("nan.yaml", text);
    expect(message).toMatch(/line \d+, column \d+: baseline\.workforce\.fte: expected a finite number, got \.nan/);
    expect(message).toMatch(/baseline\.otherSpend: expected a finite number, got infinity/);
  });

  it("puts the YAML line and column on every validation error", async () => {
    const text = stringify(edited((d) => (d.baseline.workforce.agencyShare = 16)));
    const line = text.split("\n").findIndex((l) => /agencyShare: 16/.test(l)) + 1;
    expect(await load("share.yaml", text)).toMatch(new RegExp(`line ${line}, column \\d+: baseline\\.workforce\\.agencyShare: expected a share`));
  });

  it("reads a UTF-16 file with a byte-order mark, and refuses one without", async () => {
    const text = stringify(scenarioData("template"));
    expect(Array.isArray(await load("utf16.yaml", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")])))).toBe(true);
    expect(await load("utf16-no-bom.yaml", Buffer.from(text, "utf16le"))).toMatch(/expected a UTF-8 or UTF-16 \(with byte-order mark\) text file/);
  });
});
