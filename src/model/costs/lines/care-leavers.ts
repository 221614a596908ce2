import { z } from "zod";
import { quantitySchema, type Quantity } from "../../quantities/quantity-schema.ts";
import { defineLine, readPath, type InputColumn } from "../line-definition.ts";

/**
 * Defaults for care leavers: both numbers are assumptions (no reference figure gives them). About
 * 33,600 children ceased care in 2023-24 (seeds/national-2023-24-children-ceasing-care) against
 * 83,630 looked after, and roughly a third of ceasings are at 18.
 */
export const CARE_LEAVERS_DEFAULT = {
  costPerLeaver: { dist: "pert", min: 5000, mode: 8000, max: 12000, note: "assumption: personal adviser, staying put and setting-up-home support a care leaver a year, first-year prices" },
  yearsSupported: 4,
  leaversAt18PerChild: {
    dist: "pert", min: 0.1, mode: 0.12, max: 0.14,
    note: "assumption: leavers at 18 a year per child looked after, about a third of 33,620 ceasings over 83,630 (used without flows)",
  },
} as const;

/**
 * Care leavers supported: young people leaving care at 18 a year (from the flows' exits at 18, or
 * children looked after x leavers at 18 per child without flows) x the years they are supported
 * (a steady-state cohort count) x a yearly cost, grown by general inflation.
 */
export const careLeavers = defineLine({
  name: "careLeavers",
  label: "Care leavers supported",
  section: "operating",
  scope: "shared" as const,
  fields: {
    careLeavers: {
      schema: z
        .strictObject({
          costPerLeaver: quantitySchema.describe("Cost of supporting one care leaver a year, GBP, first-year prices."),
          yearsSupported: z.number().min(0).max(10).default(4).describe("Years each care leaver is supported (18 to 21: 4)."),
          leaversAt18PerChild: quantitySchema
            .prefault(CARE_LEAVERS_DEFAULT.leaversAt18PerChild)
            .describe("Leavers at 18 a year per child looked after, used when the scenario has no flows."),
        })
        .optional(),
      description: "Care leavers supported and their yearly cost (absent: none, as when other spend holds them).",
    },
  },
  dependsOn: [],
  inVatBase: false,
  compile(data, key, register) {
    const c = readPath(data, "careLeavers") as (Record<string, Quantity> & { yearsSupported?: number }) | undefined;
    const placements = (data.placements ?? {}) as Record<string, { children: Quantity }>;
    return {
      cost: register(`${key}.careLeavers.costPerLeaver`, c?.costPerLeaver ?? 0),
      perChild: register(`${key}.careLeavers.leaversAt18PerChild`, c?.leaversAt18PerChild ?? 0),
      years: [String(c?.yearsSupported ?? 0)],
      children: Object.entries(placements).map(([name, p]) => register(`${key}.placements.${name}.children`, p.children)),
    };
  },
  evaluate(ctx, state, out) {
    const v = ctx.values;
    const cost = ctx.column(state.cost as InputColumn);
    const perChild = ctx.column(state.perChild as InputColumn);
    const years = Number((state.years as string[])[0]);
    const { flows, childFactor, deflator } = ctx.shared;
    for (let i = 0; i < ctx.count; i++) {
      let leavers: number;
      if (flows != null) leavers = flows.leaversAt18[i];
      else {
        let children = 0;
        for (const ref of state.children as InputColumn[]) children += v[ctx.column(ref) + i];
        leavers = children * childFactor[i] * v[perChild + i];
      }
      out[i] = leavers * years * v[cost + i] * deflator[i];
    }
  },
});
