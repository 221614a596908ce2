import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { NATIONAL_OBSERVATIONS, NATIONAL_OVERSPEND_SHARE, loadEvidence, nationalObservationsFor } from "../src/model/index.ts";

const records = await loadEvidence(join(import.meta.dirname, "..", "seeds"));
const value = (id: string) => records.get(id)!.value!;
const ids = (text: string) => [...text.matchAll(/seeds\/([a-z0-9-]+)/g)].map((m) => m[1]);

describe("national evidence", () => {
  it("derives every national observation from the records it cites (hand arithmetic)", () => {
    for (const o of NATIONAL_OBSERVATIONS) for (const id of ids(o.records)) expect(records.has(id), id).toBe(true);
    const demand = NATIONAL_OBSERVATIONS.filter((o) => o.family === "demand");
    for (const o of demand) {
      const [before, after] = ids(o.records).map(value);
      expect(o.observed).toBeCloseTo(after / before - 1, 12);
    }
    const prices = NATIONAL_OBSERVATIONS.find((o) => o.family === "placement-prices")!;
    expect(prices.observed).toBeCloseTo(value("national-2023-24-cla-spend-growth") - (83630 / 83760 - 1), 12);
  });

  it("derives the national average overspend shares from the records they cite (overspend over spend less overspend)", () => {
    const [y2017, y2021, y2022] = NATIONAL_OVERSPEND_SHARE;
    const o2017 = (records.get("national-2017-18-csc-overspend")!.low! + records.get("national-2017-18-csc-overspend")!.high!) / 2;
    expect(y2017.share).toBeCloseTo(o2017 / (value("national-2017-18-csc-spend") - o2017), 3);
    const o2021 = value("national-2021-22-csc-overspend");
    expect(y2021.share).toBeCloseTo(o2021 / (value("national-2021-22-csc-spend-forecast-2021") - o2021), 3);
    expect(y2022.share).toBe(value("national-overspend-share-2022-25"));
  });

  it("gives a forecast only the national figures up to its origin", () => {
    expect(nationalObservationsFor(2023, 10, 2022)).toEqual([]);
    expect(nationalObservationsFor(2023, 10, 2023).map((o) => [o.family, o.year])).toEqual([["demand", 2023], ["placement-prices", 2023]]);
    expect(nationalObservationsFor(2023, 10).length).toBe(3);
  });
});
