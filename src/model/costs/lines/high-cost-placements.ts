import { z } from "zod";
import { normalQuantile } from "../../../engine/index.ts";
import { quantitySchema, type Quantity } from "../../quantities/quantity-schema.ts";
import { COUNT_PREFIX, defineLine, readPath, type InputColumn } from "../line-definition.ts";
import { WEEKS_PER_YEAR } from "./placements.ts";

/** LGA survey: placements of GBP 10,000 a week or more; the highest reported about GBP 63,000 a week. */
export const HIGH_COST_THRESHOLD = 10_000;
export const HIGHEST_WEEKLY_COST = 63_000;

/** Placements drawn one by one each year (heavy tail); beyond these, each adds the mean excess. */
const INDIVIDUAL_DRAWS = 3;

/** Bounded Pareto on [lo, hi] with tail index alpha, by inverse CDF. */
export function boundedParetoQuantile(lo: number, hi: number, alpha: number, u: number): number {
  return lo * (1 - u * (1 - (lo / hi) ** alpha)) ** (-1 / alpha);
}

/** Mean of the bounded Pareto on [lo, hi] (alpha != 1), exact formula. */
export function boundedParetoMean(lo: number, hi: number, alpha: number): number {
  const r = lo / hi;
  if (Math.abs(alpha - 1) < 1e-9) return ((lo * hi) / (hi - lo)) * Math.log(hi / lo);
  return ((alpha * lo) / (alpha - 1)) * ((1 - r ** (alpha - 1)) / (1 - r ** alpha));
}

/** Poisson inverse CDF (exact below a mean of 50; the normal approximation above it). */
export function poissonQuantile(mean: number, u: number): number {
  if (!(mean > 0)) return 0;
  if (mean > 50) return Math.max(0, Math.round(normalQuantile(mean, Math.sqrt(mean))(u)));
  let k = 0;
  let p = Math.exp(-mean);
  let cdf = p;
  while (u > cdf && k < 1000) {
    k++;
    p *= mean / k;
    cdf += p;
  }
  return k;
}

/**
 * National default (issue 12): 120 placements of GBP 10,000 a week or more in 2018-19 against
 * 78,140 children looked after (1.5 per 1,000), over 1,500 in 2022-23 against 83,760 (about 18
 * per 1,000, 124 councils answering: a floor). Growth after 2022-23 and the tail are assumptions.
 */
export const HIGH_COST_DEFAULT = {
  ratePer1000: {
    dist: "pert", min: 15, mode: 18, max: 24,
    source: "seeds/national-2022-23-high-cost-placements, seeds/national-2022-23-children-looked-after",
    note: "1,500 over 83,760 children looked after in 2022-23 is 17.9 a 1,000; 124 of 153 councils answered, so up to about 22",
  },
  rateGrowth: {
    dist: "pert", min: 0, mode: 0.1, max: 0.3,
    source: "seeds/national-2018-19-high-cost-placements",
    note: "assumption: 120 (2018-19) to 1,500 (2022-23) is 88% a year, which cannot last; growth slows",
  },
  tailIndex: { dist: "pert", min: 1.5, mode: 2.5, max: 3.5, note: "assumption: Pareto tail index of weekly costs above GBP 10,000" },
} as const;

/**
 * High-cost placements (GBP 10,000 a week or more) as their own count: a Poisson count a year with
 * mean rate per 1,000 x children looked after / 1,000, the rate growing each year, each placement's
 * weekly cost a bounded Pareto between 10,000 and 63,000 (first-year prices, grown by general
 * inflation). The line is the excess over the `placementType` unit cost, because these children are
 * also counted in that type's placements. Writes the count as `children:highCost`.
 */
export const highCostPlacements = defineLine({
  name: "highCostPlacements",
  label: "High-cost placements (GBP 10,000 a week or more), excess",
  section: "operating",
  scope: "shared" as const,
  fields: {
    highCostPlacements: {
      schema: z
        .strictObject({
          ratePer1000: quantitySchema.describe("High-cost placements per 1,000 children looked after in the first year."),
          rateGrowth: quantitySchema.default(0).describe("Yearly growth of the rate, as a fraction."),
          tailIndex: quantitySchema.describe("Pareto tail index of the weekly cost between the threshold and the highest (lower: heavier tail)."),
          placementType: z.string().default("residential").describe("The placement type these children are counted in (its unit cost is subtracted)."),
        })
        .optional(),
      description: "High-cost placements as a count process with a heavy-tailed weekly cost (absent: none).",
    },
  },
  dependsOn: [],
  inVatBase: true,
  sublines: () => [`${COUNT_PREFIX}highCost`],
  compile(data, key, register) {
    const h = readPath(data, "highCostPlacements") as (Record<string, Quantity> & { placementType?: string }) | undefined;
    const placements = (data.placements ?? {}) as Record<string, { children: Quantity }>;
    const draw = (name: string) =>
      register(`${key}.highCostPlacements.${name}`, h === undefined ? 0 : { dist: "uniform", min: 0, max: 1, per: "year", note: "random draw of the year's high-cost placements" });
    return {
      rate: register(`${key}.highCostPlacements.ratePer1000`, h?.ratePer1000 ?? 0),
      growth: register(`${key}.highCostPlacements.rateGrowth`, h?.rateGrowth ?? 0),
      tail: register(`${key}.highCostPlacements.tailIndex`, h?.tailIndex ?? 2),
      count: draw("countDraw"),
      costs: Array.from({ length: INDIVIDUAL_DRAWS }, (_, j) => draw(`costDraw${j + 1}`)),
      children: Object.entries(placements).map(([name, p]) => register(`${key}.placements.${name}.children`, p.children)),
      type: [String(Object.keys(placements).indexOf(h?.placementType ?? "residential"))],
    };
  },
  // No placements at a rate of 0: a Poisson count of mean 0 is 0, and so is the excess.
  zeroWhen: (state, zero) => zero.input(state.rate as InputColumn),
  evaluate(ctx, state, out, sub) {
    const v = ctx.values;
    const children = state.children as InputColumn[];
    const type = Number((state.type as string[])[0]);
    const { flows, childFactor, deflator, unitCost } = ctx.shared;
    const rate = ctx.column(state.rate as InputColumn);
    const tail = ctx.column(state.tail as InputColumn);
    const countAt = ctx.column(state.count as InputColumn);
    const costAt = (state.costs as InputColumn[]).map((c) => ctx.column(c));
    const growth = state.growth as InputColumn;
    const counted = sub[0];
    for (let i = 0; i < ctx.count; i++) {
      let total = 0;
      for (let p = 0; p < children.length; p++) total += flows != null ? flows.average[p][i] : v[ctx.column(children[p]) + i] * childFactor[i];
      let r = v[rate + i];
      for (let s = 1; s <= ctx.t; s++) r *= 1 + v[ctx.columnAt(growth, s) + i];
      const n = poissonQuantile((r * total) / 1000, v[countAt + i]);
      counted[i] = n;
      const alpha = v[tail + i];
      const base = type >= 0 ? unitCost[type][i] : 0;
      const lo = HIGH_COST_THRESHOLD * deflator[i];
      const hi = HIGHEST_WEEKLY_COST * deflator[i];
      let excess = 0;
      for (let j = 0; j < Math.min(n, INDIVIDUAL_DRAWS); j++) excess += Math.max(0, boundedParetoQuantile(lo, hi, alpha, v[costAt[j] + i]) - base);
      if (n > INDIVIDUAL_DRAWS) excess += (n - INDIVIDUAL_DRAWS) * Math.max(0, boundedParetoMean(lo, hi, alpha) - base);
      out[i] = excess * WEEKS_PER_YEAR;
    }
  },
});
