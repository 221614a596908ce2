import { compileFields, defineLine } from "../line-definition.ts";
import { OVERHEADS_FIELDS } from "./overheads-fields.ts";
import { indexedAmount, indexedAmountZero } from "./indexed-amount.ts";

/** Support services (HR, finance, IT, legal) a company buys back from the council. */
export const supportServices = defineLine({
  name: "supportServices",
  label: "Support services bought back",
  section: "operating",
  scope: "option" as const,
  fields: OVERHEADS_FIELDS,
  dependsOn: [],
  inVatBase: true,
  compile: compileFields(["overheads.supportServices"], 0),
  zeroWhen: indexedAmountZero("overheads.supportServices"),
  evaluate: indexedAmount("overheads.supportServices"),
});
