import { NATIONAL_SHOCKS, familyIndex } from "../inputs/national-shocks.ts";
import { DRIVER_DEFAULTS } from "./national-defaults.ts";
import type { ShockFamily } from "../quantities/quantity-schema.ts";

/**
 * A national figure that measures one family's national shock in one financial year: observed =
 * mean + sd(family) x shock[year] + error. It conditions the national shock of every scenario
 * whose horizon holds that year (DESIGN.md: national evidence conditions the national component).
 */
export interface NationalObservation {
  records: string;
  family: ShockFamily;
  /** Financial year by its starting calendar year. */
  year: number;
  observed: number;
  /** The family's national mean for this measure, and the measurement error's standard deviation. */
  mean: number;
  errorSd: number;
}

const demandMean = DRIVER_DEFAULTS.childrenGrowth.mean;
/** The national figure measures the model's demand family only roughly (a stock, not flows): a model error of 1.5 points (the family's own national spread). */
const demandError = 0.015;

/** Growth in children looked after over a year, from two 31 March counts. */
const cla = (year: number, before: number, after: number, records: string): NationalObservation => ({
  records, family: "demand", year, observed: after / before - 1, mean: demandMean, errorSd: demandError,
});

/**
 * The national series, each with its records: children looked after (31 March counts, DfE) as
 * yearly growth, and spend on looked-after children (+10.5% in 2023-24, prices and numbers
 * together: the price family's national mean of 9% plus demand growth).
 */
export const NATIONAL_OBSERVATIONS: readonly NationalObservation[] = [
  cla(2019, 78140, 80000, "seeds/national-2018-19-children-looked-after, seeds/national-2019-20-children-looked-after"),
  cla(2020, 80000, 80780, "seeds/national-2019-20-children-looked-after, seeds/national-2020-21-children-looked-after"),
  cla(2021, 80780, 82090, "seeds/national-2020-21-children-looked-after, seeds/national-2021-22-children-looked-after"),
  cla(2022, 82090, 83760, "seeds/national-2021-22-children-looked-after, seeds/national-2022-23-children-looked-after"),
  cla(2023, 83760, 83630, "seeds/national-2022-23-children-looked-after, seeds/cla-england-2024"),
  cla(2024, 83630, 81770, "seeds/cla-england-2024, seeds/national-2024-25-children-looked-after"),
  {
    records: "seeds/national-2023-24-cla-spend-growth, seeds/cla-england-2024",
    family: "placement-prices",
    year: 2023,
    // Spend growth less the year's growth in numbers (-0.2%) leaves the price part.
    observed: 0.105 - (83630 / 83760 - 1),
    mean: 0.09,
    errorSd: 0.02,
  },
];

/** The national observations inside a scenario's horizon and up to `throughYear`, with their family index and year index. */
export function nationalObservationsFor(startYear: number, years: number, throughYear = Infinity): (NationalObservation & { f: number; t: number; sd: number })[] {
  return NATIONAL_OBSERVATIONS.filter((o) => o.year >= startYear && o.year < startYear + years && o.year <= throughYear).map((o) => ({
    ...o,
    f: familyIndex(o.family),
    t: o.year - startYear,
    sd: NATIONAL_SHOCKS[familyIndex(o.family)].sd,
  }));
}
