import { defineLine, type CostLineDefinition, type InputColumn } from "../line-definition.ts";
import { WORKFORCE_FIELDS, agencyShareAt } from "./workforce-fields.ts";

/** Employed staff: FTE x employed cost per FTE x (1 - agency share). */
export const workforceEmployed = defineLine({
  name: "workforcePermanent",
  label: "Workforce, employed",
  section: "operating",
  scope: "shared" as const,
  fields: WORKFORCE_FIELDS,
  dependsOn: [],
  inVatBase: true,
  readsEffects: true,
  compile: (data, key, register) => ({
    fte: register(`${key}.workforce.fte`, (data.workforce as Record<string, never>).fte),
    agencyShare: register(`${key}.workforce.agencyShare`, (data.workforce as Record<string, never>).agencyShare),
  }),
  evaluate(ctx, state, out) {
    const fte = ctx.column(state.fte as InputColumn);
    const share = ctx.column(state.agencyShare as InputColumn);
    const v = ctx.values;
    const pay = ctx.shared.permanentCost;
    for (let i = 0; i < ctx.count; i++) out[i] = v[fte + i] * pay[i] * (1 - agencyShareAt(v[share + i], ctx.agencyShareChange[i]));
  },
});
