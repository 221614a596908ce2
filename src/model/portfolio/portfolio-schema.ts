import { z } from "zod";

const gbp = z.number().finite();
const share = z.number().min(0).max(1);
const cited = { source: z.string().min(1).optional(), note: z.string().optional() };

/**
 * When a trust fails, for a member whose option has no `finance.failWhenReservesBelow`: its
 * overspend above `overspendShareAbove` of its budget `yearsRunning` years running (it fails in the
 * last of them). Default 15% two years running: an assumption, about twice the 2023-24 national
 * average overspend of children's social care (seeds/national-2023-24-looked-after-spend-growth).
 */
export const failureRuleSchema = z
  .object({
    overspendShareAbove: z.number().positive().max(10).default(0.15),
    yearsRunning: z.number().int().min(1).max(10).default(2),
    ...cited,
  })
  .strict();

/** A GBP amount paid by the DfE and by the council. */
const bySide = z.object({ dfe: gbp.default(0), council: gbp.default(0) }).strict();

/**
 * A response plan's cost rule, applied to every member that fails, from its failure year to the end
 * of its horizon (nominal GBP): the deficit at failure, then each later year's overspend times
 * `overspendFactor` split by the shares, plus one-off and yearly costs. Costs before the failure are
 * the same under every plan and are not counted.
 */
export const responsePlanSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    label: z.string().min(1),
    /** Who pays the deficit at failure (negative reserves, or the failing years' overspend). */
    deficitPaidBy: z.enum(["dfe", "council"]),
    afterwards: z
      .object({
        /** Multiplier on each later year's overspend under this plan (below 1: the plan cuts it). */
        overspendFactor: z.number().min(0).max(3).default(1),
        dfeShare: share,
        councilShare: share,
      })
      .strict()
      .refine((a) => a.dfeShare + a.councilShare <= 1 + 1e-9, { message: "dfeShare + councilShare must not exceed 1" }),
    oneOff: bySide.default({ dfe: 0, council: 0 }),
    yearly: bySide.default({ dfe: 0, council: 0 }),
    ...cited,
  })
  .strict()
  .refine((p) => p.source !== undefined || (p.note ?? "").startsWith("assumption"), {
    message: "a response plan needs a source, or a note starting 'assumption'",
  });

/** CIPFA reserves sustainability bands, by years of reserves left at the current drawdown: upper bounds ascending. */
export const reservesBandSchema = z.object({ label: z.string().min(1), below: z.number().positive() }).strict();

/** One member: a scenario file (relative to the portfolio file), the option that is the trust, and its usable reserves. */
export const portfolioMemberSchema = z
  .object({
    scenario: z.string().min(1),
    /** The option whose failure counts (the trust as it runs now). */
    option: z.string().min(1),
    /** Usable reserves the overspend draws on, GBP at the start of the scenario's first year. */
    reserves: z.object({ opening: z.number().min(0), ...cited }).strict(),
  })
  .strict();

/** A portfolio file (portfolios/*.yaml): scenarios simulated together on one seed's national futures. */
export const portfolioSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    title: z.string().min(1),
    seed: z.string().min(1),
    iterations: z.number().int().min(100).max(10_000_000).default(10_000),
    /** joint: condition on every member's evidence at once (run-portfolio.ts); prior: the unconditioned futures. */
    conditioning: z.enum(["joint", "prior"]).default("joint"),
    /** National futures weighted by all members' evidence; default twice the iterations. */
    pool: z.number().int().min(100).max(10_000_000).optional(),
    /** Local futures drawn for each member under each national future, when conditioning on evidence. */
    localDraws: z.number().int().min(1).max(64).default(8),
    /**
     * How joint conditioning samples the national futures: importance (prior futures weighted by the
     * evidence, resampled once: collapses when the members together point into a tail) or tempered
     * (SMC: particles moved towards the posterior, portfolio/condition-tempered.ts).
     */
    sampler: z.enum(["importance", "tempered"]).default("importance"),
    /** National futures the tempered sampler moves (default a fifth of the iterations, 200 to 2,000). */
    particles: z.number().int().min(100).max(1_000_000).optional(),
    /** Moves of every particle at each temperature (tempered sampler; default 5). */
    moves: z.number().int().min(1).max(50).default(5),
    members: z.array(portfolioMemberSchema).min(1),
    failureRule: failureRuleSchema.default({ overspendShareAbove: 0.15, yearsRunning: 2 }),
    plans: z.array(responsePlanSchema).min(1),
    reservesBands: z.array(reservesBandSchema).min(1),
  })
  .strict()
  .superRefine((p, ctx) => {
    const ids = new Set<string>();
    p.plans.forEach((plan, i) => {
      if (ids.has(plan.id)) ctx.addIssue({ code: "custom", path: ["plans", i, "id"], message: `duplicate plan id '${plan.id}'` });
      ids.add(plan.id);
    });
    for (let i = 1; i < p.reservesBands.length; i++) {
      if (!(p.reservesBands[i].below > p.reservesBands[i - 1].below)) {
        ctx.addIssue({ code: "custom", path: ["reservesBands", i, "below"], message: "bands must be in ascending order of 'below'" });
      }
    }
  });

export type Portfolio = z.infer<typeof portfolioSchema>;
export type PortfolioInput = z.input<typeof portfolioSchema>;
export type ResponsePlan = Portfolio["plans"][number];
export type FailureRule = Portfolio["failureRule"];
export type ReservesBand = Portfolio["reservesBands"][number];
