import { quantitySchema } from "../../quantities/quantity-schema.ts";
import { compileFields, defineLine, type CostLineDefinition } from "../line-definition.ts";
import { indexedAmount } from "./indexed-amount.ts";

/** Other service spend: early help, management, transport and other non-placement costs. */
export const otherSpend = defineLine({
  name: "other",
  label: "Other service spend",
  section: "operating",
  scope: "shared" as const,
  fields: {
    otherSpend: {
      schema: quantitySchema.default(0),
      description: "Other service spend a year, first-year prices (early help, management, transport, non-placement costs).",
    },
  },
  dependsOn: [],
  inVatBase: true,
  compile: compileFields(["otherSpend"], 0),
  evaluate: indexedAmount("otherSpend"),
});
