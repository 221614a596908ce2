import { Decimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import { parseScenario, runScenario } from "../src/model/index.ts";
import { deterministicScenario } from "./helpers/scenarios.ts";

const D = (x: number | string) => new Decimal(x);
const pence = (x: Decimal) => x.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toNumber();

/**
 * The trust's ledger for deterministicScenario(), computed by hand in decimal.js from the
 * DESIGN.md formulas, independently of the engine's float64 code.
 */
function handLedger() {
  const weeks = D(365).div(7);
  const rows = [];
  let reserves = D(500_000);
  for (let t = 0; t < 3; t++) {
    const deflator = D("1.02").pow(t);
    const children = D(10).mul(D("1.05").pow(t));
    const unit = D(5000).mul(D("1.1").pow(t));
    const ramp = Decimal.min(1, D(t + 1).div(2));
    const factor = D(1).plus(D("-0.1").mul(ramp));
    const placements = children.mul(unit).mul(factor).mul(weeks);
    const share = D("0.2").plus(D("-0.05").mul(ramp));
    const staff = D(100).mul(D(50000).mul(D("1.03").pow(t)));
    const permanent = staff.mul(D(1).minus(share));
    const agency = staff.mul(D("1.5")).mul(share);
    const overheads = D(700_000).mul(deflator);
    const other = D(1_000_000).mul(deflator);
    const beforeVat = placements.plus(permanent).plus(agency).plus(overheads).plus(other);
    const vat = beforeVat.mul("0.1").mul("0.2").mul("0.8");
    const operating = beforeVat.plus(vat);
    const setupGross = t < 2 ? D(3_000_000).mul(deflator).div(2) : D(0);
    const budget = D(10_000_000).mul(D("1.04").pow(t));
    const overspend = operating.minus(budget);
    reserves = reserves.minus(overspend);
    rows.push({ placements, permanent, agency, vat, overheads, other, operating, setupGross, dfe: setupGross.mul("0.5"), budget, overspend, reserves, totalCost: operating.plus(setupGross) });
  }
  return rows;
}

describe("a deterministic scenario", () => {
  const results = runScenario(parseScenario(deterministicScenario()));
  const trust = results.options.find((o) => o.id === "trust")!;
  const ledger = handLedger();

  it("matches the hand-computed decimal ledger to the penny, line by line and year by year", () => {
    ledger.forEach((row, t) => {
      const y = (line: string) => trust.yearly[line][t].mean;
      expect(y("placements")).toBe(pence(row.placements));
      expect(y("workforcePermanent")).toBe(pence(row.permanent));
      expect(y("workforceAgency")).toBe(pence(row.agency));
      expect(y("vat")).toBe(pence(row.vat));
      expect(y("overheads")).toBe(pence(row.overheads));
      expect(y("other")).toBe(pence(row.other));
      expect(y("operating")).toBe(pence(row.operating));
      expect(y("setupGross")).toBe(pence(row.setupGross));
      expect(y("setupDfeFunded")).toBe(pence(row.dfe));
      expect(y("totalCost")).toBe(pence(row.totalCost));
      expect(y("budget")).toBe(pence(row.budget));
      expect(y("overspend")).toBe(pence(row.overspend));
      expect(y("reserves")).toBe(pence(row.reserves));
    });
  });

  it("reports the horizon total equal to the ledger's sum, and NPV with the Green Book factors", () => {
    const total = ledger.reduce((a, r) => a.plus(r.totalCost), D(0));
    expect(trust.horizon.totalCost.mean).toBe(pence(total));
    // Real at 2025-26 prices: divide by the deflator; discount at 3.5% a year from 2025-26.
    const npv = ledger.reduce((a, r, t) => a.plus(r.totalCost.div(D("1.02").pow(t)).div(D("1.035").pow(t))), D(0));
    expect(trust.horizon.npv.mean).toBe(pence(npv));
  });

  it("has no spread with one iteration of constants", () => {
    const s = trust.yearly.totalCost[2];
    expect([s.sd, s.p10, s.p90]).toEqual([0, s.mean, s.mean]);
  });

  it("reports the example figures of this ledger (hand check, year 1 placements)", () => {
    // 10 children x GBP 5,000 a week x 0.95 x 365/7 = 2,476,785.714... -> 2,476,785.71
    expect(trust.yearly.placements[0].mean).toBe(2_476_785.71);
  });
});
