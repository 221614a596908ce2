import { z } from "zod";
import { quantitySchema } from "../quantities/quantity-schema.ts";

const zero = quantitySchema.default(0);
const share = (description: string) => quantitySchema.describe(description);

/**
 * How each year's budget is set (DESIGN.md, Budgets follow rules): the first year's amount (or a
 * known amount every year), a yearly uplift, and optionally rebasing towards the last outturn,
 * in-year top-ups and management action. Councils do rebase: Northamptonshire's contract went
 * from 130m to 143m after a 20.9m overspend, Sunderland added 4m permanently after an 8m deficit,
 * Worcestershire 10.5m after its 2017-18 overspend (seeds/).
 */
export const budgetSchema = z.strictObject({
  amount: quantitySchema.describe("Budget (or contract sum) in the first year, GBP; a list gives a known budget every year."),
  uplift: zero.describe("Yearly uplift of the budget before any rebasing, as a fraction (0.03 = 3%)."),
  known: z
    .array(z.strictObject({ year: z.number().int(), amount: z.number().finite().positive().max(1e11) }))
    .max(60)
    .default([])
    .describe("Budgets already set for later years (a published contract sum): they replace the rule in those years."),
  rebase: z
    .strictObject({
      share: share("Share of an overspend (or underspend) added to (or taken from) the budget for good, `lag` years later."),
      lag: z.number().int().min(1).max(3).default(1).describe("Years between an outturn and the budget that follows it."),
    })
    .optional()
    .describe("Rebasing towards the previous outturn (absent: a fixed uplift only)."),
  inYearTopUps: z
    .strictObject({
      threshold: z.number().min(0).max(1).describe("Overspend as a share of budget beyond which the council tops up the budget in year."),
      share: share("Share of the overspend beyond the threshold added to that year's budget."),
    })
    .optional()
    .describe("In-year top-ups agreed when an overspend passes a threshold (absent: none)."),
  managementAction: z
    .strictObject({
      trigger: z.number().min(0).max(1).describe("Overspend as a share of budget that starts a savings programme."),
      years: z.number().int().min(1).max(5).default(1).describe("Consecutive years over the trigger before savings start."),
      savingsShare: share("Savings planned each year the programme runs, as a share of operating cost."),
      delivery: share("Share of planned savings delivered, 0 to 1 (uncertain: plans under-deliver)."),
      maxShare: z.number().min(0).max(0.5).default(0.1).describe("Most the savings can reach, as a share of operating cost."),
    })
    .optional()
    .describe("Management action: savings that start when overspends persist, with uncertain delivery (absent: none)."),
});

export type BudgetRules = z.output<typeof budgetSchema>;
