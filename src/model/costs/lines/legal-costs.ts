import { z } from "zod";
import { quantitySchema, type Quantity } from "../../quantities/quantity-schema.ts";
import { readPath, defineLine, type CostLineDefinition, type InputColumn } from "../line-definition.ts";

/**
 * National default for a scenario that gives no legal costs of its own (used by `init` and the
 * template). Both numbers are assumptions, not evidence: no reference figure gives them.
 */
export const LEGAL_COSTS_DEFAULT = {
  proceedingsPerChildLookedAfter: {
    dist: "pert", min: 0.12, mode: 0.18, max: 0.25,
    note: "assumption: new care applications a year per child looked after (about 33,000 children start care a year, seeds/national-2023-24-starts; roughly half through proceedings)",
  },
  costPerProceeding: {
    dist: "pert", min: 12000, mode: 20000, max: 35000,
    note: "assumption: council legal staff, counsel, experts and the court fee for one set of care proceedings, first-year prices",
  },
} as const;

/**
 * Legal costs of care proceedings: children looked after (all types, with demand growth) x new
 * proceedings per child a year x cost per proceeding, grown by general inflation.
 */
export const legalCosts = defineLine({
  name: "legalCosts",
  label: "Legal costs of care proceedings",
  section: "operating",
  scope: "shared" as const,
  fields: {
    legalCosts: {
      schema: z
        .strictObject({
          proceedingsPerChildLookedAfter: quantitySchema.describe("New care proceedings a year per child looked after at the start of the year."),
          costPerProceeding: quantitySchema.describe("Cost of one set of care proceedings to the council, GBP, first-year prices."),
        })
        .optional(),
      description: "Legal costs of care proceedings (absent: none, as when other spend already holds them).",
    },
  },
  dependsOn: [],
  inVatBase: true,
  compile(data, key, register) {
    const legal = readPath(data, "legalCosts") as Record<string, Quantity> | undefined;
    const placements = (data.placements ?? {}) as Record<string, { children: Quantity }>;
    return {
      rate: register(`${key}.legalCosts.proceedingsPerChildLookedAfter`, legal?.proceedingsPerChildLookedAfter ?? 0),
      cost: register(`${key}.legalCosts.costPerProceeding`, legal?.costPerProceeding ?? 0),
      children: Object.entries(placements).map(([name, p]) => register(`${key}.placements.${name}.children`, p.children)),
    };
  },
  zeroWhen: (state, zero) => zero.input(state.rate as InputColumn) || zero.input(state.cost as InputColumn),
  evaluate(ctx, state, out) {
    const rate = ctx.column(state.rate as InputColumn);
    const cost = ctx.column(state.cost as InputColumn);
    const v = ctx.values;
    const { childFactor, deflator } = ctx.shared;
    out.fill(0, 0, ctx.count);
    for (const ref of state.children as InputColumn[]) {
      const at = ctx.column(ref);
      for (let i = 0; i < ctx.count; i++) out[i] += v[at + i];
    }
    for (let i = 0; i < ctx.count; i++) out[i] *= childFactor[i] * v[rate + i] * v[cost + i] * deflator[i];
  },
});
