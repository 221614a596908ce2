import { z } from "zod";

const finite = z.number().finite();
const evidence = {
  /** A seeds/ record id or a citation: where the figure comes from. */
  source: z.string().min(1).optional(),
  /** Why the value was chosen, when it is an assumption rather than evidence. */
  note: z.string().min(1).optional(),
  /** True for a balancing item: a value chosen so that a total comes out right, reported as such. */
  balancing: z.boolean().optional(),
};
/** When a quantity is drawn: once per iteration (default) or afresh each year. */
const drawn = { per: z.enum(["iteration", "year"]).default("iteration") };

const constantSpec = z.strictObject({ dist: z.literal("constant"), value: finite, ...evidence, ...drawn });
const uniformSpec = z.strictObject({ dist: z.literal("uniform"), min: finite, max: finite, ...evidence, ...drawn });
const triangularSpec = z.strictObject({
  dist: z.literal("triangular"), min: finite, mode: finite, max: finite, ...evidence, ...drawn,
});
const pertSpec = z.strictObject({
  dist: z.literal("pert"), min: finite, mode: finite, max: finite,
  lambda: finite.positive().default(4), ...evidence, ...drawn,
});
const normalSpec = z.strictObject({
  dist: z.literal("normal"), mean: finite, sd: finite.nonnegative(),
  min: finite.optional(), max: finite.optional(),
  /** AR(1) coefficient between successive years; needs per: year. */
  autocorrelation: z.number().gt(-1).lt(1).optional(),
  ...evidence, ...drawn,
});
const lognormalSpec = z.strictObject({
  dist: z.literal("lognormal"), mean: finite.positive(), sd: finite.nonnegative(), ...evidence, ...drawn,
});
const betaSpec = z.strictObject({
  dist: z.literal("beta"), alpha: finite.positive(), beta: finite.positive(),
  min: finite.default(0), max: finite.default(1), ...evidence, ...drawn,
});
const bernoulliSpec = z.strictObject({ dist: z.literal("bernoulli"), p: z.number().min(0).max(1), ...evidence, ...drawn });
const discreteSpec = z.strictObject({
  dist: z.literal("discrete"), values: z.array(finite).min(1), weights: z.array(finite.nonnegative()).min(1),
  ...evidence, ...drawn,
});

/** The national shock families a yearly driver can load on (src/model/inputs/national-shocks.ts). */
export const SHOCK_FAMILIES = ["general-inflation", "pay", "placement-prices", "demand"] as const;
export type ShockFamily = (typeof SHOCK_FAMILIES)[number];

/**
 * A yearly driver (a growth rate or inflation): its expected value a year, plus the national shock
 * of its family (shared by every scenario on the same seed) and a local shock of its own, both
 * persistent across years and heavy-tailed (DESIGN.md, Shocks that can happen). Drawn each year.
 */
const driverSpec = z.strictObject({
  dist: z.literal("driver"),
  family: z.enum(SHOCK_FAMILIES),
  mean: finite,
  /** Multiplier on the family's national shock (1: this driver moves with the nation one for one). */
  nationalLoading: finite.min(0).max(5).default(1),
  /** Standard deviation of the local shock a year. */
  localSd: finite.min(0).max(1),
  /** Year-to-year persistence of the local shock (AR(1) coefficient). */
  localPersistence: z.number().min(0).lt(1).default(0.5),
  ...evidence,
  per: z.literal("year").default("year"),
});

/**
 * A number in a scenario: a plain constant, or an uncertain quantity with its distribution and
 * its evidence (`source` or `note`, required for anything uncertain so reports can cite it).
 */
export const quantitySchema = z
  .union([
    finite,
    /** Known values, one a year over the horizon (a budget settlement, a planned uplift). */
    z.array(finite).min(1),
    z.discriminatedUnion("dist", [
      constantSpec, uniformSpec, triangularSpec, pertSpec, normalSpec,
      lognormalSpec, betaSpec, bernoulliSpec, discreteSpec, driverSpec,
    ]),
  ])
  .superRefine((q, ctx) => {
    if (typeof q === "number" || Array.isArray(q)) return;
    const fail = (message: string, path: string[]) => ctx.addIssue({ code: "custom", message, path });
    if (q.dist !== "constant" && q.source === undefined && q.note === undefined) {
      fail(`an uncertain quantity (${q.dist}) needs a 'source' (seeds/ id or citation) or a 'note'`, ["source"]);
    }
    if ((q.dist === "uniform" || q.dist === "beta") && !(q.min <= q.max)) {
      fail(`expected min <= max, got min ${q.min} and max ${q.max}`, ["min"]);
    }
    if ((q.dist === "triangular" || q.dist === "pert") && !(q.min <= q.mode && q.mode <= q.max)) {
      fail(`expected min <= mode <= max, got ${q.min}, ${q.mode}, ${q.max}`, ["mode"]);
    }
    if (q.dist === "normal") {
      if (q.min !== undefined && q.max !== undefined && !(q.min < q.max)) {
        fail(`expected min < max, got min ${q.min} and max ${q.max}`, ["min"]);
      }
      if ((q.min !== undefined && q.mean + 8 * q.sd < q.min) || (q.max !== undefined && q.mean - 8 * q.sd > q.max)) {
        fail("expected the bounds within 8 standard deviations of the mean", ["min"]);
      }
      if (q.autocorrelation !== undefined && q.per !== "year") {
        fail("autocorrelation needs per: year", ["autocorrelation"]);
      }
    }
    if (q.dist === "discrete") {
      if (q.values.length !== q.weights.length) {
        fail(`expected as many weights as values (${q.values.length}), got ${q.weights.length}`, ["weights"]);
      } else if (!(q.weights.reduce((a, b) => a + b, 0) > 0)) {
        fail("expected a positive total weight", ["weights"]);
      }
    }
  });

export type Quantity = z.infer<typeof quantitySchema>;
