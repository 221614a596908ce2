import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { compileScenario, parseScenario, simulateRange, type ScenarioInput } from "../../src/model/index.ts";
import { WEEKS_PER_YEAR } from "../../src/model/costs/lines/placements.ts";
import { ledgerScenario } from "./line-ledger.ts";

/** Two types, three years, constant rates: every figure below is worked out by hand (exact fractions). */
const flowLedger = (option: Record<string, unknown> = {}) =>
  ledgerScenario(
    {
      placements: {
        residential: { children: 12, weeklyUnitCost: 5000, unitCostGrowth: 0 },
        fostering: { children: 120, weeklyUnitCost: 800, unitCostGrowth: 0 },
      },
      flows: {
        entries: { count: 24 },
        entryMix: { residential: 0.25, fostering: 0.75 },
        exitRate: { fostering: 1.2 },
        moves: [{ from: "residential", to: "fostering", rate: 0.6 }],
        shareOfExitsAt18: 0.5,
      },
    },
    option,
    3,
  );

function run(data: ScenarioInput, iterations = 1) {
  const compiled = compileScenario(parseScenario(data));
  const columns = simulateRange(compiled, 0, iterations).columns;
  return { at: (line: string, t: number, o = 0) => columns[compiled.layout.yearly(o, t, line)], compiled };
}

describe("children as flows (baseline.flows)", () => {
  // Month by month from the stock at the start of the month: residential A' = 0.95 A + 0.5
  // (entries 2 a month x 0.25, step-down 0.6 / 12 = 5% a month); fostering B' = 0.9 B + 1.5 + 0.05 A
  // (exits 1.2 / 12 = 10% a month). The average stock is the mean of the monthly trapezoids.
  // Computed in exact rational arithmetic (Python fractions) and rounded to 12 significant figures.
  const ledger = [
    { residentialEnd: 11.0807201753, fosteringEnd: 48.7588147505, residentialAverage: 11.4938297151, fosteringAverage: 77.1653381764, exits: 96.1604650742 },
    { residentialEnd: 10.5839780487, fosteringEnd: 28.4010894702, residentialAverage: 10.8072059558, fosteringAverage: 36.5304842857, exits: 44.8544674069 },
    { residentialEnd: 10.3155584296, fosteringEnd: 22.523341585, residentialAverage: 10.436181881, fosteringAverage: 24.8769000917, exits: 30.1461675043 },
  ];
  const { at } = run(flowLedger());

  it.each([0, 1, 2])("matches the hand ledger of stocks and flows in year %i", (t) => {
    const row = ledger[t];
    expect(at("children:residential", t)[0]).toBeCloseTo(row.residentialEnd, 9);
    expect(at("children:fostering", t)[0]).toBeCloseTo(row.fosteringEnd, 9);
    expect(at("children:total", t)[0]).toBeCloseTo(row.residentialEnd + row.fosteringEnd, 9);
    expect(at("children:entries", t)[0]).toBeCloseTo(24, 9);
    expect(at("children:exits", t)[0]).toBeCloseTo(row.exits, 9);
    expect(at("children:leaversAt18", t)[0]).toBeCloseTo(row.exits / 2, 9);
  });

  it.each([0, 1, 2])("prices the year's average children, not the opening count, in year %i", (t) => {
    const row = ledger[t];
    // Absolute tolerance 0.01 GBP on about 20m: the ledger's averages carry 12 significant figures.
    expect(Math.abs(at("placement:residential", t)[0] - row.residentialAverage * 5000 * WEEKS_PER_YEAR)).toBeLessThan(0.01);
    expect(Math.abs(at("placement:fostering", t)[0] - row.fosteringAverage * 800 * WEEKS_PER_YEAR)).toBeLessThan(0.01);
    const perChild = at("placements", t)[0] / (row.residentialAverage + row.fosteringAverage);
    expect(at("children:placementCostPerChild", t)[0]).toBeCloseTo(perChild, 4);
  });

  it("keeps today's behaviour without flows: the opening count grown by childrenGrowth", () => {
    const { at: plain } = run(ledgerScenario());
    // 10 children x 1.05 x 5,000 x 1.1 x 52.14 in year 2
    expect(plain("placements", 1)[0]).toBeCloseTo(10 * 1.05 * 5000 * 1.1 * WEEKS_PER_YEAR, 6);
    expect(plain("children:total", 1)[0]).toBeCloseTo(10.5, 9);
    expect(plain("children:entries", 1)[0]).toBe(0);
  });

  it("conserves children: year end = start + entries - exits, every year, every iteration; care leavers never negative (property)", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 8 }), fc.double({ min: 0, max: 2, noNaN: true }), fc.double({ min: 0, max: 3, noNaN: true }), (seed, entry, exit) => {
        const data = flowLedger();
        const base = data.baseline as Record<string, unknown>;
        base.flows = {
          entries: { ratePerChild: { dist: "uniform", min: 0, max: entry, note: "test" } },
          exitRate: { residential: { dist: "uniform", min: 0, max: exit, per: "year", note: "test" }, fostering: exit },
          moves: [
            { from: "residential", to: "fostering", rate: { dist: "uniform", min: 0, max: 14, note: "test: beyond 12 a year the month's outflows are scaled" } },
            { from: "fostering", to: "residential", rate: 0.1 },
          ],
        };
        base.careLeavers = { costPerLeaver: 1000, leavingRate: { dist: "uniform", min: 0, max: 2, per: "year", note: "test" } };
        data.simulation = { iterations: 16, seed };
        const { at: get } = run(data, 16);
        for (let i = 0; i < 16; i++) {
          let start = 132;
          for (let t = 0; t < 3; t++) {
            const end = get("children:total", t)[i];
            const expected = start + get("children:entries", t)[i] - get("children:exits", t)[i];
            expect(Math.abs(end - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, start));
            expect(end).toBeGreaterThanOrEqual(0);
            expect(get("children:residential", t)[i] + get("children:fostering", t)[i]).toBeCloseTo(end, 9);
            // Care leavers supported: a stock, never negative, finite whatever the rates.
            expect(get("children:careLeavers", t)[i]).toBeGreaterThanOrEqual(0);
            expect(Number.isFinite(get("children:careLeavers", t)[i])).toBe(true);
            start = end;
          }
        }
      }),
      { numRuns: 25 },
    );
  });
});

describe("recovery mechanisms (option recovery)", () => {
  it("fewer entries scale entries by 1 - size x ramp, and the delivery cost is a line", () => {
    const { at } = run(
      flowLedger({ recovery: { mechanisms: [{ id: "early-help", kind: "fewer-entries", size: 0.5, rampYears: 2, deliveryCost: 100_000 }] } }),
    );
    // Ramp 1/2 in the first year, full from the second: 24 x 0.75 then 24 x 0.5.
    expect(at("children:entries", 0)[0]).toBeCloseTo(18, 9);
    expect(at("children:entries", 1)[0]).toBeCloseTo(12, 9);
    // 100,000 x general inflation 1.02 in the second year
    expect(at("recoveryDelivery", 1)[0]).toBeCloseTo(102_000, 6);
  });

  it("fewer entries act on the baseline path's entries, so a smaller stock does not compound (rate per child)", () => {
    const data = flowLedger({ recovery: { mechanisms: [{ id: "early-help", kind: "fewer-entries", size: 0.5 }] } });
    (data.baseline as { flows: { entries: unknown } }).flows.entries = { ratePerChild: 0.4 };
    data.options.push({ id: "in-house", label: "In-house", kind: "in-house" });
    const { at } = run(data);
    // Baseline: 0.4 x its own stock at the start of each year; the plan: half of that, every year.
    for (let t = 0; t < 3; t++) expect(at("children:entries", t, 0)[0]).toBeCloseTo(at("children:entries", t, 1)[0] * 0.5, 9);
    expect(at("children:entries", 0, 1)[0]).toBeCloseTo(0.4 * 132, 9);
    expect(at("children:total", 2, 0)[0]).toBeLessThan(at("children:total", 2, 1)[0]);
  });

  it("an under-delivered mechanism delivers its short share", () => {
    const { at } = run(
      flowLedger({ recovery: { mechanisms: [{ id: "early-help", kind: "fewer-entries", size: 0.5, underDelivery: 1, deliveredShareIfShort: 0.5 }] } }),
    );
    expect(at("children:entries", 0)[0]).toBeCloseTo(18, 9);
  });

  it("more kinship moves children between types, conserving the total", () => {
    const plain = run(flowLedger()).at;
    const { at } = run(flowLedger({ recovery: { mechanisms: [{ id: "kin", kind: "more-kinship", size: 0.24, from: ["residential"], to: "fostering" }] } }));
    expect(at("children:residential", 0)[0]).toBeLessThan(plain("children:residential", 0)[0]);
    expect(at("children:residential", 0)[0] + at("children:fostering", 0)[0] + at("children:exits", 0)[0]).toBeCloseTo(132 + 24, 9);
  });

  it("refuses a flow mechanism without baseline.flows, naming the path", () => {
    const data = ledgerScenario({}, { recovery: { mechanisms: [{ id: "early-help", kind: "fewer-entries", size: 0.1 }] } });
    expect(() => compileScenario(parseScenario(data))).toThrow(/options.trust.recovery.mechanisms\[0\]: a 'fewer-entries' mechanism acts on flows/);
  });
});
