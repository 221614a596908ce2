import { compileFields, defineLine, type InputColumn } from "../line-definition.ts";
import { IMPROVEMENT_PARTNER_FIELDS } from "./improvement-partner-fields.ts";

/**
 * The improvement partner's fee, in full (the DfE's share comes back as income, the grant line):
 * fee x general price level, during the partnership's term. Outside VAT: a payment between councils.
 */
export const improvementPartnerFee = defineLine({
  name: "improvementPartnerFee",
  label: "Improvement partner's fee",
  section: "operating",
  scope: "option" as const,
  fields: IMPROVEMENT_PARTNER_FIELDS,
  dependsOn: [],
  inVatBase: false,
  compile(data, key, register) {
    const p = data.improvementPartner as { years?: number } | undefined;
    return { ...compileFields(["improvementPartner.fee"], 0)(data, key, register), term: [String(p?.years ?? "")] };
  },
  zeroWhen: (state, zero) => zero.input(state["improvementPartner.fee"] as InputColumn),
  evaluate(ctx, state, out) {
    const term = (state.term as string[])[0];
    if (term !== "" && ctx.t >= Number(term)) return void out.fill(0, 0, ctx.count);
    const at = ctx.column(state["improvementPartner.fee"] as InputColumn);
    const v = ctx.values;
    const deflator = ctx.shared.deflator;
    for (let i = 0; i < ctx.count; i++) out[i] = v[at + i] * deflator[i];
  },
});
