import { z } from "zod";
import { quantitySchema, type Quantity } from "../../quantities/quantity-schema.ts";
import { defineLine, type CostLineDefinition, type InputColumn } from "../line-definition.ts";

/** Days in a year over seven: the DESIGN.md weekly-to-yearly factor 52.14. */
export const WEEKS_PER_YEAR = 365 / 7;

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "expected lower-case letters, digits and hyphens");

/** One placement type: children in it at the start, weekly unit cost (first-year prices) and its growth. */
export const placementTypeSchema = z.strictObject({
  children: quantitySchema.describe("Children looked after in this placement type at the start of the first year."),
  weeklyUnitCost: quantitySchema.describe("Weekly cost of one placement, GBP, first-year prices."),
  unitCostGrowth: quantitySchema.default(0).describe("Nominal yearly growth of the weekly unit cost, as a fraction (0.05 = 5%); a driver loads national price shocks."),
});

/** Placement types by name (at most 12: outputs grow with them). */
export const placementsFieldSchema = z.record(slug, placementTypeSchema).refine((p) => Object.keys(p).length > 0 && Object.keys(p).length <= 12, {
  message: "expected from 1 to 12 placement types",
});

interface PlacementColumns {
  names: string[];
  children: InputColumn[];
}

/**
 * Placements: children in each type x weekly unit cost x 52.14, with demand growth (children
 * relative to the first year, or with baseline.flows the year's average children in the type),
 * price growth (the shared unit-cost paths) and the option's placement cost factor. Writes one
 * subline per type.
 */
export const placements = defineLine({
  name: "placements",
  label: "Placements",
  section: "operating",
  scope: "shared" as const,
  fields: {
    placements: {
      schema: placementsFieldSchema,
      description: "Placement types by name: children, weekly unit cost and its growth.",
    },
  },
  dependsOn: [],
  inVatBase: true,
  readsEffects: true,
  sublines: (data) => Object.keys((data.placements ?? {}) as object).map((p) => `placement:${p}`),
  compile(data, key, register) {
    const types = Object.entries(data.placements as Record<string, { children: Quantity }>);
    const state: PlacementColumns = {
      names: types.map(([name]) => name),
      children: types.map(([name, p]) => register(`${key}.placements.${name}.children`, p.children)),
    };
    return state as unknown as ReturnType<CostLineDefinition["compile"]>;
  },
  evaluate(ctx, state, out, sub) {
    const { children } = state as unknown as PlacementColumns;
    const v = ctx.values;
    const { childFactor, unitCost, flows } = ctx.shared;
    const factor = ctx.placementCostFactor;
    out.fill(0, 0, ctx.count);
    for (let p = 0; p < children.length; p++) {
      const at = ctx.column(children[p]);
      const price = unitCost[p];
      const line = sub[p];
      // With flows, the year's average children in the type (issue 12); without, the opening count grown.
      if (flows != null) {
        const average = flows.average[p];
        for (let i = 0; i < ctx.count; i++) {
          const cost = average[i] * price[i] * factor[i] * WEEKS_PER_YEAR;
          line[i] = cost;
          out[i] += cost;
        }
        continue;
      }
      for (let i = 0; i < ctx.count; i++) {
        const cost = v[at + i] * childFactor[i] * price[i] * factor[i] * WEEKS_PER_YEAR;
        line[i] = cost;
        out[i] += cost;
      }
    }
  },
});
