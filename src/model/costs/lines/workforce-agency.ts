import { defineLine, type CostLineDefinition, type InputColumn } from "../line-definition.ts";
import { WORKFORCE_FIELDS, agencyShareAt } from "./workforce-fields.ts";

/** Agency staff: FTE x employed cost per FTE x (1 + agency premium) x agency share. */
export const workforceAgency = defineLine({
  name: "workforceAgency",
  label: "Workforce, agency",
  section: "operating",
  scope: "shared" as const,
  fields: WORKFORCE_FIELDS,
  dependsOn: [],
  inVatBase: true,
  readsEffects: true,
  compile: (data, key, register) => {
    const w = data.workforce as Record<string, never>;
    return {
      fte: register(`${key}.workforce.fte`, w.fte),
      agencyShare: register(`${key}.workforce.agencyShare`, w.agencyShare),
      agencyPremium: register(`${key}.workforce.agencyPremium`, w.agencyPremium),
    };
  },
  evaluate(ctx, state, out) {
    const fte = ctx.column(state.fte as InputColumn);
    const share = ctx.column(state.agencyShare as InputColumn);
    const premium = ctx.column(state.agencyPremium as InputColumn);
    const v = ctx.values;
    const pay = ctx.shared.permanentCost;
    for (let i = 0; i < ctx.count; i++) {
      out[i] = v[fte + i] * pay[i] * (1 + v[premium + i]) * agencyShareAt(v[share + i], ctx.agencyShareChange[i]);
    }
  },
});
