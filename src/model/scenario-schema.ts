import { z } from "zod";
import { quantitySchema } from "./quantity-schema.ts";
import { COST_LINES } from "./cost-lines.ts";

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "expected lower-case letters, digits and hyphens");
const zero = quantitySchema.default(0);

/** One placement type: children in it at the start, weekly unit cost (first-year prices) and its growth. */
const placementSchema = z.strictObject({
  children: quantitySchema,
  weeklyUnitCost: quantitySchema,
  /** Nominal yearly growth of the weekly unit cost, as a fraction (0.05 = 5%). */
  unitCostGrowth: zero,
});

/** Drivers every option shares: within one iteration all options see the same draws. */
const baselineSchema = z.strictObject({
  /** General inflation (GDP deflator) a year, used for overheads, other spend and real terms. */
  generalInflation: zero,
  /** Yearly growth in the number of children looked after, as a fraction. */
  childrenGrowth: zero,
  placements: z.record(slug, placementSchema).refine((p) => Object.keys(p).length > 0, {
    message: "expected at least one placement type",
  }),
  workforce: z.strictObject({
    /** Social-worker (and practice) full-time equivalents. */
    fte: quantitySchema,
    /** Employed cost per FTE a year, first-year prices, on-costs included. */
    permanentCostPerFte: quantitySchema,
    /** Share of FTE filled by agency staff, 0 to 1. */
    agencyShare: quantitySchema,
    /** Agency cost over employed cost, as a fraction (0.4 = 40% dearer). */
    agencyPremium: quantitySchema,
    payInflation: zero,
  }),
  /** Other service spend a year, first-year prices (early help, management, non-placement costs). */
  otherSpend: zero,
  budget: z.strictObject({
    /** Budget (or contract sum) in the first year. */
    amount: quantitySchema,
    /** Yearly uplift of the budget, as a fraction. */
    uplift: zero,
  }),
});

/** A delivery model: what it adds to or changes in the shared baseline. */
const optionSchema = z.strictObject({
  id: slug,
  label: z.string().min(1),
  kind: z.enum(["in-house", "trust", "partnership"]),
  description: z.string().optional(),
  setup: z
    .strictObject({
      /** One-off set-up cost, first-year prices, spread evenly over `spreadYears`. */
      cost: quantitySchema,
      spreadYears: z.number().int().min(1).default(1),
      /** Share of the set-up cost the DfE pays, 0 to 1. */
      dfeFundedShare: zero,
    })
    .optional(),
  vat: z
    .strictObject({
      /** Share of operating spend that bears standard-rated VAT (agency staff, IT, property, fees). */
      vatableShare: quantitySchema,
      /** Share of that VAT the option cannot recover (about 0 in-house under section 33). */
      irrecoverableShare: quantitySchema,
    })
    .optional(),
  overheads: z
    .strictObject({
      /** Board, chair, non-executives, director of resources, audit: GBP a year, first-year prices. */
      governance: zero,
      /** Support services bought back from the council, GBP a year, first-year prices. */
      supportServices: zero,
      /** Client-side contract management kept by the council, GBP a year, first-year prices. */
      clientSide: zero,
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
  /** Reserves at the start of the first year. */
  openingReserves: zero,
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
  output: z.string().regex(/^[a-zA-Z:-]+(\/[a-zA-Z:-]+)?$/, "expected a line name or line/line"),
  note: z.string().optional(),
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
        /** How the main table reports money: nominal (cash) or real (baseYear prices). */
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
      })
      .default({ iterations: 10_000, seed: "1" }),
    baseline: baselineSchema,
    options: z.array(optionSchema).min(1),
    /** Calibration targets: published figures this scenario must reproduce (see `calibrate`). */
    targets: z.array(targetSchema).default([]),
  })
  .superRefine((s, ctx) => {
    const seen = new Set<string>();
    s.options.forEach((o, i) => {
      if (seen.has(o.id)) ctx.addIssue({ code: "custom", message: `duplicate option id '${o.id}'`, path: ["options", i, "id"] });
      seen.add(o.id);
    });
    const lines = new Set<string>([...COST_LINES, ...Object.keys(s.baseline.placements).map((p) => `placement:${p}`)]);
    s.targets.forEach((t, i) => {
      const at = (field: string, message: string) => ctx.addIssue({ code: "custom", message, path: ["targets", i, field] });
      if (!seen.has(t.option)) at("option", `expected one of the options ${[...seen].join(", ")}, got '${t.option}'`);
      if (t.year < s.startYear || t.year >= s.startYear + s.years) {
        at("year", `expected a year from ${s.startYear} to ${s.startYear + s.years - 1}, got ${t.year}`);
      }
      for (const line of t.output.split("/")) {
        if (!lines.has(line)) at("output", `expected a cost line (${[...lines].join(", ")}), got '${line}'`);
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
