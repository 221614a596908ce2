import { z } from "zod";
import { quantitySchema, type Quantity } from "../../quantities/quantity-schema.ts";
import { COUNT_PREFIX, defineLine, readPath, type InputColumn } from "../line-definition.ts";

/**
 * Defaults for care leavers: both numbers are assumptions (no reference figure gives them). About
 * 33,600 children ceased care in 2023-24 (seeds/national-2023-24-children-ceasing-care) against
 * 83,630 looked after, and roughly a third of ceasings are at 18.
 */
export const CARE_LEAVERS_DEFAULT = {
  costPerLeaver: { dist: "pert", min: 5000, mode: 8000, max: 12000, note: "assumption: personal adviser, staying put and setting-up-home support a care leaver a year, first-year prices" },
  leavingRate: {
    dist: "pert", min: 0.2, mode: 0.25, max: 0.33,
    note:
      "assumption: share of supported care leavers whose support ends a year: most are supported to 21, some to 25 on request " +
      "(Children and Social Work Act 2017), so 3 to 5 years on average",
  },
  leaversAt18PerChild: {
    dist: "pert", min: 0.1, mode: 0.12, max: 0.14,
    note: "assumption: leavers at 18 a year per child looked after, about a third of 33,620 ceasings over 83,630 (used without flows)",
  },
} as const;

/** The count row the line writes: care leavers supported, on average through the year. */
export const CARE_LEAVERS_SUPPORTED = `${COUNT_PREFIX}careLeavers`;

/**
 * Care leavers supported, a running stock: with flows, young people enter it at 18 from the flows'
 * leavers each month and leave support at `leavingRate` a year (simulation/children-flows.ts, opening
 * at its steady state), and the year's average stock is costed; without flows, the steady state of
 * the year's leavers at 18 (children x leavers per child) over the leaving rate. Times a yearly cost,
 * grown by general inflation.
 */
export const careLeavers = defineLine({
  name: "careLeavers",
  label: "Care leavers supported",
  section: "operating",
  scope: "shared" as const,
  fields: {
    careLeavers: {
      schema: z
        .strictObject({
          costPerLeaver: quantitySchema.describe("Cost of supporting one care leaver a year, GBP, first-year prices."),
          leavingRate: quantitySchema
            .prefault(CARE_LEAVERS_DEFAULT.leavingRate)
            .describe("Share of the care leavers supported whose support ends a year (at 21, or up to 25): 0.25 is four years on average."),
          leaversAt18PerChild: quantitySchema
            .prefault(CARE_LEAVERS_DEFAULT.leaversAt18PerChild)
            .describe("Leavers at 18 a year per child looked after, used when the scenario has no flows."),
        })
        .optional(),
      description: "Care leavers supported and their yearly cost (absent: none, as when other spend holds them).",
    },
  },
  dependsOn: [],
  inVatBase: false,
  sublines: () => [CARE_LEAVERS_SUPPORTED],
  compile(data, key, register) {
    const c = readPath(data, "careLeavers") as Record<string, Quantity> | undefined;
    const placements = (data.placements ?? {}) as Record<string, { children: Quantity }>;
    return {
      cost: register(`${key}.careLeavers.costPerLeaver`, c?.costPerLeaver ?? 0),
      perChild: register(`${key}.careLeavers.leaversAt18PerChild`, c?.leaversAt18PerChild ?? 0),
      leavingRate: register(`${key}.careLeavers.leavingRate`, c?.leavingRate ?? 0),
      present: c === undefined ? [] : ["yes"],
      children: Object.entries(placements).map(([name, p]) => register(`${key}.placements.${name}.children`, p.children)),
    };
  },
  zeroWhen: (state) => (state.present as string[]).length === 0,
  evaluate(ctx, state, out, sub) {
    const v = ctx.values;
    const supported = sub[0];
    if ((state.present as string[]).length === 0) {
      out.fill(0, 0, ctx.count);
      supported.fill(0, 0, ctx.count);
      return;
    }
    const cost = ctx.column(state.cost as InputColumn);
    const perChild = ctx.column(state.perChild as InputColumn);
    const leaving = ctx.column(state.leavingRate as InputColumn);
    const { flows, childFactor, deflator } = ctx.shared;
    for (let i = 0; i < ctx.count; i++) {
      if (flows != null) supported[i] = flows.careLeavers[i];
      else {
        let children = 0;
        for (const ref of state.children as InputColumn[]) children += v[ctx.column(ref) + i];
        const rate = v[leaving + i];
        supported[i] = rate > 0 ? (children * childFactor[i] * v[perChild + i]) / rate : 0;
      }
      out[i] = supported[i] * v[cost + i] * deflator[i];
    }
  },
});
