import { compileFields, defineLine } from "../line-definition.ts";
import { OVERHEADS_FIELDS } from "./overheads-fields.ts";
import { indexedAmount, indexedAmountZero } from "./indexed-amount.ts";

/** A company's own governance: board, chair, non-executives, director of resources, audit. */
export const governance = defineLine({
  name: "governance",
  label: "Governance (board, chair, audit)",
  section: "operating",
  scope: "option" as const,
  fields: OVERHEADS_FIELDS,
  dependsOn: [],
  inVatBase: true,
  compile: compileFields(["overheads.governance"], 0),
  zeroWhen: indexedAmountZero("overheads.governance"),
  evaluate: indexedAmount("overheads.governance"),
});
