import type { Quantity } from "../../quantities/quantity-schema.ts";
import { COUNT_PREFIX, defineLine, type InputColumn } from "../line-definition.ts";

/**
 * Placement cost per child looked after, GBP a year: the placements line over the year's average
 * children (with flows) or the year's count (without). A ratio, reported with the children and never
 * summed into cost.
 */
export const placementCostPerChild = defineLine({
  name: `${COUNT_PREFIX}placementCostPerChild`,
  label: "Placement cost per child, GBP a year",
  section: "count",
  scope: "shared" as const,
  fields: {},
  dependsOn: ["placements"],
  inVatBase: false,
  compile(data, key, register) {
    const placements = (data.placements ?? {}) as Record<string, { children: Quantity }>;
    return { children: Object.entries(placements).map(([name, p]) => register(`${key}.placements.${name}.children`, p.children)) };
  },
  evaluate(ctx, state, out) {
    const children = state.children as InputColumn[];
    const { flows, childFactor } = ctx.shared;
    const cost = ctx.line("placements");
    out.fill(0, 0, ctx.count);
    for (let p = 0; p < children.length; p++) {
      if (flows != null) {
        const average = flows.average[p];
        for (let i = 0; i < ctx.count; i++) out[i] += average[i];
      } else {
        const at = ctx.column(children[p]);
        for (let i = 0; i < ctx.count; i++) out[i] += ctx.values[at + i] * childFactor[i];
      }
    }
    for (let i = 0; i < ctx.count; i++) out[i] = out[i] > 0 ? cost[i] / out[i] : 0;
  },
});
