import { quantitySchema } from "../../quantities/quantity-schema.ts";
import { compileFields, defineLine, type CostLineDefinition } from "../line-definition.ts";
import { indexedAmount, indexedAmountZero } from "./indexed-amount.ts";

/** A partner council's fee for running the service with shared leadership (Hampshire and the Isle of Wight). */
export const managementFee = defineLine({
  name: "managementFee",
  label: "Partner council's management fee",
  section: "operating",
  scope: "option" as const,
  fields: {
    managementFee: {
      schema: quantitySchema.default(0),
      description: "A partner council's fee for running the service with shared leadership, GBP a year, first-year prices.",
    },
  },
  dependsOn: [],
  inVatBase: true,
  compile: compileFields(["managementFee"], 0),
  zeroWhen: indexedAmountZero("managementFee"),
  evaluate: indexedAmount("managementFee"),
});
