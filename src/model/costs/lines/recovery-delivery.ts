import type { Quantity } from "../../quantities/quantity-schema.ts";
import { recoverySchema, type Mechanism } from "../flows-schema.ts";
import { defineLine, readPath, type InputColumn } from "../line-definition.ts";

/**
 * The yearly cost of delivering an option's recovery mechanisms (early help, kinship support, a
 * step-down team, recruitment), first-year prices grown by general inflation. Declares the option's
 * `recovery` block, whose effects the shared flows path (simulation/children-flows.ts) applies.
 */
export const recoveryDelivery = defineLine({
  name: "recoveryDelivery",
  label: "Recovery plan delivery",
  section: "operating",
  scope: "option" as const,
  fields: {
    recovery: {
      schema: recoverySchema,
      description:
        "A recovery plan as mechanisms (fewer entries, more kinship, faster step-down, fewer agency staff), each with its size, ramp, yearly delivery cost and chance of under-delivery (absent: none).",
    },
  },
  dependsOn: [],
  inVatBase: true,
  compile(data, key, register) {
    const mechanisms = ((readPath(data, "recovery") as { mechanisms: Mechanism[] } | undefined)?.mechanisms ?? []) as (Mechanism & { deliveryCost: Quantity })[];
    return { costs: mechanisms.map((m) => register(`${key}.recovery.mechanisms.${m.id}.deliveryCost`, m.deliveryCost)) };
  },
  zeroWhen: (state, zero) => (state.costs as InputColumn[]).every((ref) => zero.input(ref)),
  evaluate(ctx, state, out) {
    const v = ctx.values;
    const { deflator } = ctx.shared;
    out.fill(0, 0, ctx.count);
    for (const ref of state.costs as InputColumn[]) {
      const at = ctx.column(ref);
      for (let i = 0; i < ctx.count; i++) out[i] += v[at + i] * deflator[i];
    }
  },
});
