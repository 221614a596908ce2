import { z } from "zod";
import { quantitySchema, type Quantity } from "../../quantities/quantity-schema.ts";
import { readPath, defineLine, type CostLineDefinition, type InputColumn } from "../line-definition.ts";

/**
 * Home Office funding for unaccompanied asylum-seeking children looked after: GBP 143 a child a
 * night from 2022-23 (Home Office, funding instructions to local authorities for the support of
 * UASC, 2023-24). The default rate; a scenario gives its own count of children.
 */
export const UASC_RATE_PER_NIGHT = 143;

/**
 * Income: the unaccompanied asylum-seeking children grant, children x rate a night x 365. The
 * rate is set in cash by the Home Office and does not follow inflation unless `rateGrowth` says so.
 */
export const uascGrant = defineLine({
  name: "uascGrant",
  label: "Unaccompanied asylum-seeking children grant (income)",
  section: "income",
  scope: "shared" as const,
  fields: {
    uascGrant: {
      schema: z
        .strictObject({
          children: quantitySchema.describe("Unaccompanied asylum-seeking children looked after, on average through the year."),
          ratePerNight: quantitySchema.default(UASC_RATE_PER_NIGHT).describe("Home Office rate, GBP a child a night (143 from 2022-23)."),
          rateGrowth: quantitySchema.default(0).describe("Yearly change of the rate, as a fraction (0: held in cash)."),
        })
        .optional(),
      description: "The unaccompanied asylum-seeking children grant (absent: none).",
    },
  },
  dependsOn: [],
  inVatBase: false,
  compile(data, key, register) {
    const g = readPath(data, "uascGrant") as Record<string, Quantity> | undefined;
    return {
      children: register(`${key}.uascGrant.children`, g?.children ?? 0),
      rate: register(`${key}.uascGrant.ratePerNight`, g?.ratePerNight ?? UASC_RATE_PER_NIGHT),
      growth: register(`${key}.uascGrant.rateGrowth`, g?.rateGrowth ?? 0),
    };
  },
  zeroWhen: (state, zero) => zero.input(state.children as InputColumn) || zero.input(state.rate as InputColumn),
  evaluate(ctx, state, out) {
    const children = ctx.column(state.children as InputColumn);
    const rate = ctx.column(state.rate as InputColumn);
    const growth = state.growth as InputColumn;
    const v = ctx.values;
    for (let i = 0; i < ctx.count; i++) {
      let r = v[rate + i];
      for (let s = 1; s <= ctx.t; s++) r *= 1 + v[ctx.columnAt(growth, s) + i];
      out[i] = v[children + i] * r * 365;
    }
  },
});
