import { compileFields, defineLine, type InputColumn } from "../line-definition.ts";
import { IMPROVEMENT_PARTNER_FIELDS } from "./improvement-partner-fields.ts";

/**
 * Income: the DfE's share of the improvement partner's fee, fee line x dfeFundedShare. Paid by the
 * DfE (`fundedBy`), so the finance stage counts it in the DfE's cost and in the total cost to the
 * public purse, and not in the council's.
 */
export const improvementPartnerGrant = defineLine({
  name: "improvementPartnerGrant",
  label: "DfE funding of the improvement partner (income)",
  section: "income",
  fundedBy: "dfe",
  scope: "option" as const,
  fields: IMPROVEMENT_PARTNER_FIELDS,
  dependsOn: ["improvementPartnerFee"],
  inVatBase: false,
  compile: compileFields(["improvementPartner.dfeFundedShare"], 0),
  zeroWhen: (state, zero) => zero.line("improvementPartnerFee") || zero.input(state["improvementPartner.dfeFundedShare"] as InputColumn),
  evaluate(ctx, state, out) {
    const fee = ctx.line("improvementPartnerFee");
    const at = ctx.column(state["improvementPartner.dfeFundedShare"] as InputColumn);
    const v = ctx.values;
    for (let i = 0; i < ctx.count; i++) out[i] = fee[i] * v[at + i];
  },
});
