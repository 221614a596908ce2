import { z } from "zod";
import { quantitySchema } from "../quantities/quantity-schema.ts";
import { lineFieldShape } from "../costs/schema-fragments.ts";
import { outputLineNames } from "../costs/output-lines.ts";
import { budgetSchema } from "./budget-schema.ts";
import { evidenceItemSchema } from "./evidence-item-schema.ts";
import { smallestEigenvalue } from "../../engine/index.ts";

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "expected lower-case letters, digits and hyphens");
const zero = quantitySchema.default(0);

/** Drivers every option shares: within one iteration all options see the same draws. */
const baselineSchema = z.strictObject({
  /** General inflation (GDP deflator) a year, used for overheads, other spend and real terms. */
  generalInflation: zero,
  /** Yearly growth in the number of children looked after, as a fraction. */
  childrenGrowth: zero,
  budget: budgetSchema,
  ...lineFieldShape("shared"),
});

/** A period of disruption after a transfer: extra agency share and placement cost for some years. */
const disruptionSchema = z.strictObject({
  years: z.number().int().min(1).default(1),
  /** Extra agency share in share points while disrupted (0.05 = five points more agency staff). */
  agencyShareChange: zero,
  /** Multiplier on placement costs while disrupted. */
  placementCostFactor: quantitySchema.default(1),
});

/** Who meets an overspend, and when the option fails financially. */
const financeSchema = z.strictObject({
  /** The company's (or the service's ring-fenced) reserves at the start of the first year. */
  openingReserves: zero,
  /** Share of each overspend the council meets by a top-up (Doncaster: 0.7); the rest falls on reserves. */
  councilShareOfOverspend: quantitySchema.default(1),
  /** Most the council tops up in a year, first-year prices grown by the budget uplift (default: no limit). */
  councilTopUpLimit: z.number().finite().nonnegative().optional(),
  /**
   * Fails in the first year its reserves fall below this: zero (reserves exhausted) or a negative
   * amount (the deficit it can carry). Absent: the option is never judged to fail.
   */
  failWhenReservesBelow: z.number().finite().max(0, "expected zero or a negative amount (a deficit the company can carry before it fails)").optional(),
});

/** What happens when an option fails financially: who pays the deficit, what follows. */
const contingencyPlanSchema = z.strictObject({
  id: slug,
  label: z.string().min(1),
  description: z.string().optional(),
  /** Who clears the deficit at failure (bringing reserves back to zero). */
  deficitPaidBy: z.enum(["council", "dfe"]),
  /** Who meets overspends in the years after failure. */
  afterwardsOverspendPaidBy: z.enum(["council", "dfe", "company"]).default("council"),
  /** The option the service moves to the year after failure (return in-house, a partner council). */
  transferTo: slug.optional(),
  /** One-off cost of that move, first-year prices, paid by the council (the failing option's exitCost is added). */
  transitionCost: zero,
  /** Green Book optimism bias uplift on that transition cost. */
  optimismBias: zero,
  disruption: disruptionSchema.optional(),
  /** Other one-off costs at failure (intervention, commissioner), first-year prices, paid by whoever pays the deficit. */
  oneOffCost: zero,
});

/** A delivery model: what it adds to or changes in the shared baseline. */
const optionSchema = z.strictObject({
  id: slug,
  label: z.string().min(1),
  kind: z.enum(["in-house", "trust", "partnership"]),
  /** Draw this option's uncertain terms from another option's streams: the same trust under another plan shares its VAT, governance and client-side draws. */
  drawsAs: slug.optional(),
  description: z.string().optional(),
  setup: z
    .strictObject({
      /** One-off set-up cost, first-year prices, spread evenly over `spreadYears`. */
      cost: quantitySchema,
      spreadYears: z.number().int().min(1).default(1),
      /** Share of the set-up cost the DfE pays, 0 to 1. */
      dfeFundedShare: zero,
      /** Green Book optimism bias uplift on the set-up cost (0.41 = +41%), shown as its own line. */
      optimismBias: zero,
    })
    .optional(),
  effects: z
    .strictObject({
      /** Change in agency share, in share points (-0.05 = five points fewer agency staff). */
      agencyShareChange: zero,
      /** Multiplier on every placement's weekly unit cost (0.97 = 3% cheaper). */
      placementCostFactor: quantitySchema.default(1),
      /** Years over which effects build up linearly to their full size. */
      rampYears: z.number().int().min(1).default(1),
    })
    .optional(),
  /** Added to the baseline budget each year (first-year prices, grown by the budget uplift). */
  budgetAdjustment: zero,
  /** One-off cost of leaving this option (winding up a company, ending a partnership), first-year prices. */
  exitCost: zero,
  /** A scheduled move to another option: from `year` on, the service runs under that option's terms. */
  transfer: z
    .strictObject({
      /** First financial year under the new option (2024 = 2024-25). */
      year: z.number().int(),
      to: slug,
      /** One-off transition cost in that year, first-year prices (this option's exitCost is added). */
      transitionCost: zero,
      /** Green Book optimism bias uplift on the transition cost, shown as its own line. */
      optimismBias: zero,
      disruption: disruptionSchema.optional(),
    })
    .optional(),
  finance: financeSchema.optional(),
  ...lineFieldShape("option"),
});

/**
 * A published figure the scenario must reproduce: a seeds/ record, the option and financial year
 * it applies to, and the simulated output to compare: a cost line ("overspend",
 * "placement:residential") or a ratio of two ("vat/budget").
 */
const targetSchema = z.strictObject({
  seed: slug,
  option: slug,
  /** Financial year by its starting calendar year (2023 = 2023-24). */
  year: z.number().int(),
  /** With `toYear`, the output is summed over year..toYear (a published multi-year total). */
  toYear: z.number().int().optional(),
  /** Compare with minus the published figure (a published deficit against simulated reserves). */
  negate: z.boolean().default(false),
  output: z.string().regex(/^[a-zA-Z:-]+(\/[a-zA-Z:-]+)?$/, "expected a line name or line/line"),
  note: z.string().optional(),
});

/**
 * Rank correlation between uncertain inputs drawn once per iteration (Iman-Conover): placement
 * prices, demand and agency use tend to rise together (reference figures). Inputs by their keys in
 * the assumptions list; the matrix must be a valid correlation matrix.
 */
const correlationSchema = z
  .strictObject({
    inputs: z.array(z.string().min(1)).min(2),
    matrix: z.array(z.array(z.number().min(-1).max(1))),
    source: z.string().optional(),
    note: z.string().optional(),
  })
  .superRefine((c, ctx) => {
    const k = c.inputs.length;
    const bad = (message: string) => ctx.addIssue({ code: "custom", message, path: ["matrix"] });
    if (c.matrix.length !== k || c.matrix.some((row) => row.length !== k)) return bad(`expected a ${k} x ${k} matrix, one row and column per input`);
    for (let i = 0; i < k; i++) {
      if (c.matrix[i][i] !== 1) return bad(`expected 1 on the diagonal, got ${c.matrix[i][i]} at [${i}][${i}]`);
      for (let j = 0; j < i; j++) if (c.matrix[i][j] !== c.matrix[j][i]) return bad(`expected a symmetric matrix, got ${c.matrix[i][j]} at [${i}][${j}] and ${c.matrix[j][i]} at [${j}][${i}]`);
    }
    const smallest = smallestEigenvalue(c.matrix);
    if (smallest < -1e-9) {
      bad(`expected a positive semi-definite matrix (correlations that can hold together), but its smallest eigenvalue is ${smallest.toFixed(4)}; weaken the strongest correlations`);
    }
    if (c.source === undefined && c.note === undefined) ctx.addIssue({ code: "custom", message: "a correlation needs a 'source' or a 'note'", path: ["source"] });
  });

/** A scenario file: one area over a horizon, its shared drivers and the options to compare. */
export const scenarioSchema = z
  .strictObject({
    $schema: z.string().optional(),
    id: slug,
    title: z.string().min(1),
    area: z.string().min(1),
    description: z.string().optional(),
    /** True for scenarios not calibrated on published figures; reports say so. */
    illustrative: z.boolean().default(false),
    /** Calendar year in which the first financial year starts (2025 = 2025-26). */
    startYear: z.number().int().min(1990).max(2100),
    years: z.number().int().min(1).max(60),
    priceBase: z
      .strictObject({
        /** Which total-cost bands the per-year table shows: nominal (cash) or real (baseYear prices); JSON has both. */
        basis: z.enum(["nominal", "real"]).default("nominal"),
        /** Financial year (by its starting calendar year) whose prices real figures use. */
        baseYear: z.number().int().optional(),
      })
      .default({ basis: "nominal" }),
    /** Real discount rate for years 0 to 30 (Green Book: 3.5%); later years follow the Green Book steps. */
    discountRate: z.number().min(0).max(0.2).default(0.035),
    simulation: z
      .strictObject({
        iterations: z.number().int().min(1).max(10_000_000).default(10_000),
        seed: z.string().min(1).default("1"),
        /** latin-hypercube stratifies inputs drawn once per iteration (yearly ones stay plain Monte Carlo). */
        sampling: z.enum(["monte-carlo", "latin-hypercube"]).default("monte-carlo"),
      })
      .default({ iterations: 10_000, seed: "1", sampling: "monte-carlo" }),
    baseline: baselineSchema,
    /** At most 8: outputs grow with options x years x lines, and pairs of options with its square. */
    options: z.array(optionSchema).min(1).max(8),
    correlations: z.array(correlationSchema).default([]),
    /** Plans compared for every option that can fail (see `contingency`). */
    contingencyPlans: z.array(contingencyPlanSchema).max(8).default([]),
    /** Published outturns the simulated futures are conditioned on (see `run`; `--prior` skips it). */
    evidence: z.array(evidenceItemSchema).max(40).default([]),
    /** Checks: published figures kept aside to test the scenario (see `calibrate`); never also evidence. */
    targets: z.array(targetSchema).default([]),
  })
  .superRefine((s, ctx) => {
    const seen = new Set<string>();
    s.options.forEach((o, i) => {
      if (seen.has(o.id)) ctx.addIssue({ code: "custom", message: `duplicate option id '${o.id}'`, path: ["options", i, "id"] });
      seen.add(o.id);
    });
    s.options.forEach((o, i) => {
      if (o.drawsAs !== undefined && (!seen.has(o.drawsAs) || o.drawsAs === o.id)) {
        ctx.addIssue({ code: "custom", message: `expected another option's id, got '${o.drawsAs}'`, path: ["options", i, "drawsAs"] });
      }
    });
    const end = s.startYear + s.years - 1;
    s.options.forEach((o, i) => {
      if (o.transfer === undefined) return;
      const at = (field: string, message: string) => ctx.addIssue({ code: "custom", message, path: ["options", i, "transfer", field] });
      if (o.transfer.year <= s.startYear || o.transfer.year > end) {
        at("year", `expected a year after ${s.startYear} and no later than ${end}, got ${o.transfer.year}`);
      }
      const target = s.options.find((x) => x.id === o.transfer!.to);
      if (target === undefined || target.id === o.id) {
        at("to", `expected another option (${s.options.filter((x) => x.id !== o.id).map((x) => x.id).join(", ")}), got '${o.transfer.to}'`);
      } else if (target.transfer !== undefined) {
        at("to", `expected an option without a transfer of its own, got '${target.id}'`);
      }
    });
    const planIds = new Set<string>();
    s.contingencyPlans.forEach((p, i) => {
      if (planIds.has(p.id)) ctx.addIssue({ code: "custom", message: `duplicate plan id '${p.id}'`, path: ["contingencyPlans", i, "id"] });
      planIds.add(p.id);
      if (p.transferTo !== undefined && !seen.has(p.transferTo)) {
        ctx.addIssue({ code: "custom", message: `expected one of the options ${[...seen].join(", ")}, got '${p.transferTo}'`, path: ["contingencyPlans", i, "transferTo"] });
      }
    });
    const lines = new Set<string>(outputLineNames(Object.keys(s.baseline.placements)));
    s.targets.forEach((t, i) => {
      const at = (field: string, message: string) => ctx.addIssue({ code: "custom", message, path: ["targets", i, field] });
      if (!seen.has(t.option)) at("option", `expected one of the options ${[...seen].join(", ")}, got '${t.option}'`);
      for (const [field, year] of [["year", t.year], ["toYear", t.toYear ?? t.year]] as const) {
        if (year < s.startYear || year >= s.startYear + s.years) at(field, `expected a year from ${s.startYear} to ${s.startYear + s.years - 1}, got ${year}`);
      }
      if (t.toYear !== undefined && t.toYear < t.year) at("toYear", `expected a year no earlier than ${t.year}, got ${t.toYear}`);
      for (const line of t.output.split("/")) {
        if (!lines.has(line)) at("output", `expected a cost line (${[...lines].join(", ")}), got '${line}'`);
      }
    });
    const evidenceRecords = new Set(s.evidence.map((e) => e.record));
    s.evidence.forEach((e, i) => {
      const at = (field: string, message: string) => ctx.addIssue({ code: "custom", message, path: ["evidence", i, field] });
      if (!seen.has(e.option)) at("option", `expected one of the options ${[...seen].join(", ")}, got '${e.option}'`);
      if (e.year < s.startYear || e.year >= s.startYear + s.years) at("year", `expected a year from ${s.startYear} to ${s.startYear + s.years - 1}, got ${e.year}`);
    });
    s.targets.forEach((t, i) => {
      if (evidenceRecords.has(t.seed)) {
        ctx.addIssue({ code: "custom", message: `'${t.seed}' is evidence this scenario is conditioned on; a record is either evidence or a check, never both`, path: ["targets", i, "seed"] });
      }
    });
    const base = s.priceBase.baseYear;
    if (base !== undefined && (base < s.startYear || base >= s.startYear + s.years)) {
      ctx.addIssue({
        code: "custom",
        message: `expected a year from ${s.startYear} to ${s.startYear + s.years - 1}, got ${base}`,
        path: ["priceBase", "baseYear"],
      });
    }
  });

export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Scenario = z.output<typeof scenarioSchema>;
export type DeliveryOption = Scenario["options"][number];
