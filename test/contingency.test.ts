import { Decimal } from "decimal.js";
import { describe, expect, it, vi } from "vitest";
import { compileScenario, parseScenario, runScenario, simulateRange, type ScenarioInput } from "../src/model/index.ts";
import { scenarioData } from "./helpers/scenarios.ts";

// Whole simulations and worker threads: seconds, not milliseconds, on a 2-core machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const D = (x: number | string) => new Decimal(x);
const pence = (x: Decimal) => x.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toNumber();
const WEEKS = D(365).div(7);
const OTHER = [1_000_000, 1_200_000, 1_500_000, 1_900_000, 2_400_000];

/** Five constant years in which a trust's overspends grow until its reserves run out. */
function failingScenario(): ScenarioInput {
  return {
    id: "failing",
    title: "A trust that runs out of money",
    area: "Test",
    startYear: 2025,
    years: 5,
    simulation: { iterations: 1, seed: "failing" },
    baseline: {
      placements: { residential: { children: 10, weeklyUnitCost: 1000 } },
      workforce: { fte: 0, permanentCostPerFte: 0, agencyShare: 0, agencyPremium: 0 },
      otherSpend: OTHER,
      budget: { amount: 1_600_000, uplift: 0 },
    },
    options: [
      {
        id: "trust",
        label: "Trust",
        kind: "trust",
        overheads: { governance: 100_000 },
        finance: { openingReserves: 300_000, councilShareOfOverspend: 0.5, failWhenReservesBelow: -200_000 },
      },
      { id: "in-house", label: "In-house", kind: "in-house" },
    ],
    contingencyPlans: [
      { id: "step-in", label: "Council steps in", deficitPaidBy: "council", afterwardsOverspendPaidBy: "council", oneOffCost: 50_000 },
      { id: "dfe", label: "DfE pays", deficitPaidBy: "dfe", afterwardsOverspendPaidBy: "dfe" },
      { id: "back", label: "Back in-house", deficitPaidBy: "council", transferTo: "in-house", transitionCost: 100_000 },
    ],
  };
}

/** The trust's path, by hand in decimal.js: year by year, reserves after the council's half of each overspend. */
function handLedger() {
  let reserves = D(300_000);
  const rows = OTHER.map((other) => {
    const operating = D(10).mul(1000).mul(WEEKS).plus(100_000).plus(other);
    const overspend = operating.minus(1_600_000);
    const topUp = overspend.gt(0) ? overspend.mul("0.5") : D(0);
    reserves = reserves.minus(overspend.minus(topUp));
    return { operating, overspend, topUp, reserves };
  });
  return rows;
}

describe("a trust whose overspends grow", () => {
  const scenario = parseScenario(failingScenario());
  const r = runScenario(scenario);
  const trust = r.options[0];
  const ledger = handLedger();
  const failIndex = ledger.findIndex((row) => row.reserves.lt(-200_000));

  it("fails in exactly the year the hand calculation gives (2028-29, reserves -542,857.14)", () => {
    expect(failIndex).toBe(3);
    expect(pence(ledger[3].reserves)).toBe(-542_857.14); // 300,000 less half of 21,428.57 + 221,428.57 + 521,428.57 + 921,428.57
    expect(trust.failure!.probabilityByYear.map((p) => p.p)).toEqual([0, 0, 0, 1, 1]);
    expect(trust.failure!.failureYear[3]).toEqual({ year: "2028-29", share: 1 });
    expect(trust.failure!.reservesAtFailure!.mean).toBe(-542_857.14);
    ledger.forEach((row, t) => expect(trust.yearly.reserves[t].mean).toBe(pence(row.reserves)));
  });

  it("costs the council, under 'step-in', what the hand ledger says, to the penny", () => {
    // Budget every year, its half of each overspend until failure, the deficit and the one-off at
    // failure, then every later overspend in full.
    let council = D(0);
    let total = D(0);
    ledger.forEach((row, t) => {
      council = council.plus(1_600_000).plus(t <= failIndex ? row.topUp : row.overspend);
      total = total.plus(row.operating);
    });
    council = council.plus(ledger[failIndex].reserves.neg()).plus(50_000);
    total = total.plus(50_000);
    const plan = trust.plans!.find((p) => p.id === "step-in")!.costs;
    expect(plan.councilCost.mean).toBe(pence(council));
    expect(plan.totalCost.mean).toBe(pence(total));
    expect(plan.dfeCost.mean).toBe(0);
    expect(plan.companyCost.mean).toBe(pence(total.minus(council)));
  });

  it("gives CIPFA's reserves sustainability by year as the hand ledger says: reserves over the year's fall in them", () => {
    const rows = trust.reservesSustainability!;
    expect(rows.map((y) => y.year)).toEqual(["2025-26", "2026-27", "2027-28", "2028-29", "2029-30"]);
    let before = D(300_000);
    ledger.forEach((row, t) => {
      const drawdown = before.minus(row.reserves);
      before = row.reserves;
      const years = row.reserves.gt(0) ? row.reserves.div(drawdown).toNumber() : 0;
      expect(rows[t].medianYears).toBe(Math.round(years * 100) / 100);
      const band = years < 1 ? "under 1 year: critical" : years < 3 ? "1-3 years: high risk" : years < 5 ? "3-5 years: some risk" : "5 years or more: lower risk";
      expect(rows[t].band).toBe(band);
      expect(rows[t].bands[band]).toBe(1);
    });
    // 300,000 less half of 21,428.57: 289,285.71 left, 10,714.29 drawn, 27 years at that rate.
    expect(rows[0].medianYears).toBe(27);
    expect(r.options[1].reservesSustainability).toBeUndefined();
  });

  it("puts the deficit and later overspends on the DfE under 'dfe'", () => {
    const dfe = ledger[failIndex].reserves.neg().plus(ledger[4].overspend);
    expect(trust.plans!.find((p) => p.id === "dfe")!.costs.dfeCost.mean).toBe(pence(dfe));
  });

  it("under 'back', moves to in-house terms the year after failure: no governance, a transition cost", () => {
    const plan = trust.plans!.find((p) => p.id === "back")!.costs;
    const total = ledger.reduce((a, row) => a.plus(row.operating), D(0)).minus(100_000).plus(100_000);
    expect(plan.totalCost.mean).toBe(pence(total)); // governance saved in the last year = the transition cost
    const council = ledger
      .slice(0, failIndex + 1)
      .reduce((a, row) => a.plus(1_600_000).plus(row.topUp), D(0))
      .plus(ledger[failIndex].reserves.neg())
      .plus(D(1_600_000).plus(ledger[4].overspend.minus(100_000)))
      .plus(100_000);
    expect(plan.councilCost.mean).toBe(pence(council));
  });

  it("leaves the plans equal to doing nothing for an option that does not fail", () => {
    expect(r.options[1].failure).toBeUndefined();
  });
});

describe("a scheduled transfer", () => {
  const data = failingScenario();
  data.options = [
    { id: "trust", label: "Trust", kind: "trust", overheads: { governance: 100_000 }, vat: { vatableShare: 0.1, irrecoverableShare: 1 } },
    { id: "trust-then-back", label: "Trust, back in-house in 2027", kind: "trust", overheads: { governance: 100_000 }, vat: { vatableShare: 0.1, irrecoverableShare: 1 },
      transfer: { year: 2027, to: "in-house", transitionCost: 250_000, optimismBias: 0.1 } },
    { id: "in-house", label: "In-house", kind: "in-house" },
  ];
  data.contingencyPlans = [];
  const compiled = compileScenario(parseScenario(data));
  const sim = simulateRange(compiled, 0, 1);
  const line = (o: number, t: number, l: string) => sim.columns[compiled.layout.yearly(o, t, l)][0];

  it("changes the lines from year k (2027-28) and only from then", () => {
    for (let t = 0; t < 5; t++) {
      for (const l of compiled.layout.lineNames) {
        if (l === "reserves" || l === "councilCost" || l === "councilTopUp") continue; // carry or follow the changed lines
        const same = line(0, t, l) === line(1, t, l);
        const changes = ["vat", "governance", "overheads", "operating", "totalCost", "overspend", "totalCostReal", "transition", "optimismBias"];
        if (t < 2 || !changes.includes(l)) expect(same, `${l} in year ${t}`).toBe(true);
        else if ((l !== "transition" && l !== "optimismBias") || t === 2) expect(same, `${l} in year ${t}`).toBe(false);
      }
    }
    expect(line(1, 2, "transition")).toBe(250_000);
    expect(line(1, 2, "optimismBias")).toBeCloseTo(25_000, 6); // 10% Green Book uplift, its own line
    expect(line(1, 2, "totalCost")).toBeCloseTo(line(1, 2, "operating") + 275_000, 6);
    expect([line(1, 2, "governance"), line(1, 2, "vat")]).toEqual([0, 0]);
    expect(line(1, 2, "operating")).toBe(line(2, 2, "operating"));
  });
});

describe("failure with uncertainty (Slough)", () => {
  const scenario = parseScenario(scenarioData("slough"));
  const iterations = 3000;
  const r = runScenario(scenario, { iterations });
  const f = r.options.find((o) => o.id === "trust")!.failure!;

  it("has a non-decreasing probability of failure by year", () => {
    f.probabilityByYear.forEach((p, t) => t > 0 && expect(p.p).toBeGreaterThanOrEqual(f.probabilityByYear[t - 1].p));
  });

  it("equals the share of iterations failed by each year, with its binomial standard error", () => {
    const compiled = compileScenario(scenario);
    const years = simulateRange(compiled, 0, iterations).columns[compiled.layout.failure(0, "failureYear")];
    f.probabilityByYear.forEach((p, t) => {
      const share = years.filter((y) => y >= 0 && y <= t).length / iterations;
      expect(p.p).toBe(share);
      expect(p.se).toBeCloseTo(Math.sqrt((share * (1 - share)) / iterations), 12);
    });
    expect(f.never).toBeCloseTo(1 - f.probabilityByYear[f.probabilityByYear.length - 1].p, 12);
  });
});

describe("bad contingency input", () => {
  const expectProblem = (edit: (d: ScenarioInput) => void, message: RegExp) => {
    const d = failingScenario();
    edit(d);
    expect(() => parseScenario(d)).toThrow(message);
  };
  it("a plan that names an unknown option", () => {
    expectProblem((d) => (d.contingencyPlans![2].transferTo = "partner"), /contingencyPlans\[2\]\.transferTo: expected one of the options trust, in-house, got 'partner'/);
  });
  it("a transfer year outside the horizon", () => {
    expectProblem((d) => (d.options[0].transfer = { year: 2031, to: "in-house" }), /options\[0\]\.transfer\.year: expected a year after 2025 and no later than 2029, got 2031/);
  });
  it("a threshold of the wrong sign", () => {
    expectProblem((d) => (d.options[0].finance!.failWhenReservesBelow = 5_000_000), /options\[0\]\.finance\.failWhenReservesBelow: .*expected zero or a negative amount/);
  });
  it("a transfer to itself", () => {
    expectProblem((d) => (d.options[0].transfer = { year: 2027, to: "trust" }), /options\[0\]\.transfer\.to: expected another option \(in-house\), got 'trust'/);
  });
  it("a yearly list of the wrong length", () => {
    expectProblem((d) => (d.baseline.otherSpend = [1, 2, 3]), /baseline\.otherSpend: expected 5 values, one a year, got 3/);
  });
});
