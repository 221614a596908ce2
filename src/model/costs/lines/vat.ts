import { z } from "zod";
import { quantitySchema } from "../../quantities/quantity-schema.ts";
import { compileFields, defineLine, type CostLineDefinition, type InputColumn } from "../line-definition.ts";

/** Standard rate of VAT. */
export const VAT_RATE = 0.2;

/**
 * VAT a company cannot recover (a council recovers it under section 33 of the VAT Act 1994):
 * the VAT base (every line marked inVatBase, found by the registry) x
 * vatable share x 20% x irrecoverable share.
 */
export const vat = defineLine({
  name: "vat",
  label: "VAT not recovered",
  section: "operating",
  scope: "option" as const,
  fields: {
    vat: {
      schema: z
        .strictObject({
          vatableShare: quantitySchema.describe("Share of operating spend that bears standard-rated VAT (agency staff, IT, property, fees), 0 to 1."),
          irrecoverableShare: quantitySchema.describe("Share of that VAT the option cannot recover (about 0 in-house under section 33), 0 to 1."),
        })
        .optional(),
      description: "VAT the option cannot recover (absent: none, as in-house).",
    },
  },
  dependsOn: [],
  dependsOnSection: "vat-base",
  inVatBase: false,
  compile: compileFields(["vat.vatableShare", "vat.irrecoverableShare"], 0),
  zeroWhen: (state, zero) =>
    zero.input(state["vat.vatableShare"] as InputColumn) || zero.input(state["vat.irrecoverableShare"] as InputColumn) || zero.dependencies.every((name) => zero.line(name)),
  evaluate(ctx, state, out) {
    const share = ctx.column(state["vat.vatableShare"] as InputColumn);
    const irrecoverable = ctx.column(state["vat.irrecoverableShare"] as InputColumn);
    const v = ctx.values;
    out.fill(0, 0, ctx.count);
    for (const name of ctx.dependencies) {
      const line = ctx.line(name);
      for (let i = 0; i < ctx.count; i++) out[i] += line[i];
    }
    for (let i = 0; i < ctx.count; i++) out[i] *= v[share + i] * VAT_RATE * v[irrecoverable + i];
  },
});
