import { compileFields, defineLine } from "../line-definition.ts";
import { OVERHEADS_FIELDS } from "./overheads-fields.ts";
import { indexedAmount, indexedAmountZero } from "./indexed-amount.ts";

/** The council's client-side team that manages the contract with a trust or partner. */
export const clientSide = defineLine({
  name: "clientSide",
  label: "Client-side contract management",
  section: "operating",
  scope: "option" as const,
  fields: OVERHEADS_FIELDS,
  dependsOn: [],
  inVatBase: true,
  compile: compileFields(["overheads.clientSide"], 0),
  zeroWhen: indexedAmountZero("overheads.clientSide"),
  evaluate: indexedAmount("overheads.clientSide"),
});
