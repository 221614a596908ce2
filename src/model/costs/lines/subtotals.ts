import type { CostLineDefinition } from "../line-definition.ts";

/** A line that adds up others, for reports (no fields of its own). */
function subtotal(name: string, label: string, sumOf: readonly string[]): CostLineDefinition {
  return {
    name,
    label,
    section: "subtotal",
    scope: "shared",
    fields: {},
    dependsOn: sumOf,
    sumOf,
    inVatBase: false,
    compile: () => ({}),
    zeroWhen: (_state, zero) => sumOf.every((name) => zero.line(name)),
    evaluate(ctx, _state, out) {
      out.fill(0, 0, ctx.count);
      for (const name of sumOf) {
        const line = ctx.line(name);
        for (let i = 0; i < ctx.count; i++) out[i] += line[i];
      }
    },
  };
}

export const workforce = subtotal("workforce", "Workforce", ["workforcePermanent", "workforceAgency"]);
export const overheads = subtotal("overheads", "Governance and support", ["governance", "supportServices", "clientSide", "managementFee", "improvementPartnerFee"]);
