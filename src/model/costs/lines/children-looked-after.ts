import type { Quantity } from "../../quantities/quantity-schema.ts";
import { flowsSchema } from "../flows-schema.ts";
import { COUNT_PREFIX, defineLine, type InputColumn } from "../line-definition.ts";

const FLOW_ROWS = ["entries", "exits", "leaversAt18"] as const;

/** Labels of the count rows (children by type read "  residential, year end"): flows, high-cost placements, care leavers. */
export const CHILDREN_SUBLINE_LABELS: ReadonlyMap<string, string> = new Map([
  [`${COUNT_PREFIX}entries`, "Children entering care in the year"],
  [`${COUNT_PREFIX}exits`, "Children leaving care in the year"],
  [`${COUNT_PREFIX}leaversAt18`, "  of whom leaving care at 18"],
  [`${COUNT_PREFIX}highCost`, "High-cost placements (GBP 10,000+ a week)"],
  [`${COUNT_PREFIX}careLeavers`, "Care leavers supported, average"],
]);

/**
 * Children looked after (a count, not money): at the end of each year by placement type, and the
 * year's entries, exits and leavers at 18, from baseline.flows. Without flows, each type's count
 * for the year (the opening count grown by childrenGrowth) and no flows (zero). Declares the
 * `flows` block of the baseline, which the shared flows path (simulation/children-flows.ts) reads.
 */
export const childrenLookedAfter = defineLine({
  name: `${COUNT_PREFIX}total`,
  label: "Children looked after, year end",
  section: "count",
  scope: "shared" as const,
  fields: {
    flows: {
      schema: flowsSchema,
      description:
        "Children as stocks and flows by placement type: entries, exits and moves a year, simulated monthly so each year's cost uses its average children (absent: the opening count grown by childrenGrowth).",
    },
  },
  dependsOn: [],
  inVatBase: false,
  sublines: (data) => [...Object.keys((data.placements ?? {}) as object).map((p) => `${COUNT_PREFIX}${p}`), ...FLOW_ROWS.map((r) => `${COUNT_PREFIX}${r}`)],
  compile(data, key, register) {
    const placements = (data.placements ?? {}) as Record<string, { children: Quantity }>;
    return { children: Object.entries(placements).map(([name, p]) => register(`${key}.placements.${name}.children`, p.children)) };
  },
  evaluate(ctx, state, out, sub) {
    const children = state.children as InputColumn[];
    const { flows, childFactor } = ctx.shared;
    const T = children.length;
    out.fill(0, 0, ctx.count);
    for (let p = 0; p < T; p++) {
      const line = sub[p];
      if (flows != null) line.set(flows.yearEnd[p].subarray(0, ctx.count));
      else {
        const at = ctx.column(children[p]);
        for (let i = 0; i < ctx.count; i++) line[i] = ctx.values[at + i] * childFactor[i];
      }
      for (let i = 0; i < ctx.count; i++) out[i] += line[i];
    }
    const rows = flows == null ? [null, null, null] : [flows.entries, flows.exits, flows.leaversAt18];
    rows.forEach((row, k) => (row === null ? sub[T + k].fill(0, 0, ctx.count) : sub[T + k].set(row.subarray(0, ctx.count))));
  },
});
