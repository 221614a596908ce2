import { z } from "zod";

/** How much weight a figure bears (reference-figures.md): official, council paper, press, estimate. */
export const EVIDENCE_WEIGHTS = ["OFF", "COUNCIL", "PRESS", "EST"] as const;

/**
 * What kind of figure a money record is (and a count where the distinction matters), so that
 * conditioning can give each its own uncertainty and the backtest can tell evidence from checks:
 * - outturn: an audited or final year-end figure (or a balance or payment actually made);
 * - in-year-forecast: a projection made during the year it describes;
 * - budget: a budget, contract sum, agreed addition to one, or the planning assumption behind it;
 * - estimate: anything else (a projection made before the year, a one-off estimate, a range).
 */
export const EVIDENCE_BASES = ["outturn", "in-year-forecast", "budget", "estimate"] as const;

/**
 * One published figure, kept as data with its source. A point figure has `value`; a published
 * range or bound has `low` and/or `high` (a one-sided bound leaves the other out).
 */
export const evidenceRecordSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "expected lower-case letters, digits and hyphens"),
    /** A case (bradford, worcestershire, doncaster, slough, ...) or national. */
    case: z.string().min(1),
    metric: z.string().min(1),
    /** Financial year "2023-24", a span "2016-22", a date "2023-09", or a year "2024". */
    period: z.string().min(1),
    value: z.number().finite().optional(),
    low: z.number().finite().optional(),
    high: z.number().finite().optional(),
    unit: z.enum(["GBP", "GBP/week", "GBP/year", "share", "count", "FTE", "rate", "months", "per-10000"]),
    /** For money: "nominal 2023-24" (cash in that year) or "real 2023-24 prices"; absent otherwise. */
    priceBase: z.string().optional(),
    /** Outturn, in-year forecast, budget or estimate (EVIDENCE_BASES); required of overspends and outturns by test/seeds.test.ts. */
    basis: z.enum(EVIDENCE_BASES).optional(),
    source: z.strictObject({ title: z.string().min(1), publisher: z.string().min(1), date: z.string().min(1) }),
    weight: z.enum(EVIDENCE_WEIGHTS),
    note: z.string().optional(),
  })
  .superRefine((r, ctx) => {
    if (r.value === undefined && r.low === undefined && r.high === undefined) {
      ctx.addIssue({ code: "custom", message: "expected a value, or a low and/or high bound", path: ["value"] });
    }
    if (r.low !== undefined && r.high !== undefined && !(r.low <= r.high)) {
      ctx.addIssue({ code: "custom", message: `expected low <= high, got ${r.low} and ${r.high}`, path: ["low"] });
    }
    if (r.unit.startsWith("GBP") && r.priceBase === undefined) {
      ctx.addIssue({ code: "custom", message: "a money figure needs its priceBase (for example 'nominal 2023-24')", path: ["priceBase"] });
    }
  });

export const evidenceFileSchema = z.array(evidenceRecordSchema).min(1);

export type EvidenceRecord = z.infer<typeof evidenceRecordSchema>;
