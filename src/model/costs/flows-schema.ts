import { z } from "zod";
import { quantitySchema } from "../quantities/quantity-schema.ts";

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "expected a placement type name");

/**
 * Children entering care a year: a rate of the children looked after at the start of the year, or
 * a count. DfE 2023-24: 33,050 starts against a stock of 83,760 (about 0.39 a child a year).
 */
const entriesSchema = z.union([
  z.strictObject({ ratePerChild: quantitySchema.describe("Children entering care a year per child looked after at the start of the year.") }),
  z.strictObject({ count: quantitySchema.describe("Children entering care a year.") }),
]);

/** A move between placement types (step-down, kinship): the share of the `from` stock moving a year. */
export const moveSchema = z.strictObject({
  from: slug,
  to: slug,
  rate: quantitySchema.describe("Share of the children in `from` who move to `to` a year (0.2: a fifth a year)."),
});

/**
 * Children looked after as stocks and flows by placement type (issue 12), simulated in monthly
 * steps so each year's placement cost uses the year's average children. Absent: the opening count
 * grown by `childrenGrowth`, as before.
 */
export const flowsSchema = z
  .strictObject({
    entries: entriesSchema.describe("Children entering care a year, as a rate of the stock or a count."),
    entryMix: z
      .record(slug, z.number().finite().nonnegative())
      .optional()
      .describe("Share of entries into each placement type (normalised); absent: the opening placement mix."),
    exitRate: z.record(slug, quantitySchema).describe("Children leaving care a year, as a share of the children in each type (types not named: none)."),
    moves: z.array(moveSchema).default([]).describe("Moves between placement types a year (step-down, kinship)."),
    shareOfExitsAt18: quantitySchema
      .prefault({ dist: "pert", min: 0.25, mode: 0.3, max: 0.35, note: "assumption: young people ceasing care at 18 as a share of all ceasings" })
      .describe("Share of exits that are young people leaving care at 18 (care leavers)."),
  })
  .optional();

export type FlowsInput = NonNullable<z.infer<typeof flowsSchema>>;

const mechanismBase = {
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "expected lower-case letters, digits and hyphens"),
  rampYears: z.number().int().min(1).max(20).default(1).describe("Years over which the effect builds up linearly to its full size."),
  deliveryCost: quantitySchema.default(0).describe("Yearly cost of delivering the mechanism, GBP, first-year prices (grown by general inflation)."),
  underDelivery: quantitySchema.default(0).describe("1 when the mechanism under-delivers (a bernoulli: its probability), else 0."),
  deliveredShareIfShort: quantitySchema.default(0.5).describe("Share of the effect delivered when it under-delivers."),
};

/** One recovery mechanism: what it changes, its size at full effect, ramp, cost and chance of under-delivery. */
export const mechanismSchema = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("fewer-entries"),
    size: quantitySchema.describe("Share of entries into care avoided at full effect (early help)."),
    ...mechanismBase,
  }),
  z.strictObject({
    kind: z.literal("more-kinship"),
    size: quantitySchema.describe("Extra share of the children in each `from` type moving to kinship care a year at full effect."),
    from: z.array(slug).min(1),
    to: slug,
    ...mechanismBase,
  }),
  z.strictObject({
    kind: z.literal("faster-step-down"),
    size: quantitySchema.describe("Extra share of the children in each `from` type stepping down to `to` a year at full effect."),
    from: z.array(slug).min(1),
    to: slug,
    ...mechanismBase,
  }),
  z.strictObject({
    kind: z.literal("fewer-agency-staff"),
    size: quantitySchema.describe("Fall in the agency share of staff at full effect, share points (0.05: five points)."),
    ...mechanismBase,
  }),
]);

export type Mechanism = z.infer<typeof mechanismSchema>;

/** An option's recovery plan as mechanisms acting on flows and staffing (issue 12). */
export const recoverySchema = z
  .strictObject({ mechanisms: z.array(mechanismSchema).min(1) })
  .optional();
