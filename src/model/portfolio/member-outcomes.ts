import type { FailureRule, ResponsePlan } from "./portfolio-schema.ts";
import type { MemberYears } from "./portfolio-member.ts";

/**
 * The per-iteration outcome columns of one member, by name: the year index it failed (-1 if not),
 * the DfE's and the council's cost under each response plan, and the years of reserves left at the
 * end of each year (CIPFA's reserves sustainability measure: reserves / this year's drawdown;
 * Infinity when not drawing down).
 */
export class OutcomeLayout {
  readonly size: number;
  constructor(
    readonly planCount: number,
    readonly years: number,
  ) {
    this.size = 1 + 2 * planCount + years;
  }
  failureYear(): number {
    return 0;
  }
  planCost(plan: number, side: "dfe" | "council"): number {
    return 1 + 2 * plan + (side === "dfe" ? 0 : 1);
  }
  reservesYears(year: number): number {
    return 1 + 2 * this.planCount + year;
  }
}

/** What turns a member's yearly figures into outcomes: the portfolio's failure rule, plans and the member's reserves. */
export interface OutcomeRules {
  failureRule: FailureRule;
  plans: readonly ResponsePlan[];
  /** GBP at the start of the member's first year. */
  openingReserves: number;
}

/** Year index the member fails in position j: its option's own finance rule when it has one, else the portfolio's overspend rule. */
export function failureYear(y: MemberYears, j: number, rule: FailureRule): number {
  const years = y.overspend.length;
  if (y.failedBy !== null) {
    for (let t = 0; t < years; t++) if (y.failedBy[t][j] === 1) return t;
    return -1;
  }
  let running = 0;
  for (let t = 0; t < years; t++) {
    running = y.overspend[t][j] > rule.overspendShareAbove * Math.abs(y.budget[t][j]) ? running + 1 : 0;
    if (running >= rule.yearsRunning) return t;
  }
  return -1;
}

/** Outcome columns (OutcomeLayout) of every position of `y`. */
export function memberOutcomes(y: MemberYears, rules: OutcomeRules): Float64Array[] {
  const years = y.overspend.length;
  const count = years === 0 ? 0 : y.overspend[0].length;
  const layout = new OutcomeLayout(rules.plans.length, years);
  const columns = Array.from({ length: layout.size }, () => new Float64Array(count));
  for (let j = 0; j < count; j++) {
    const f = failureYear(y, j, rules.failureRule);
    columns[layout.failureYear()][j] = f;
    if (f >= 0) {
      // The deficit at failure: negative reserves where the option keeps them, else the failing years' overspend.
      let deficit = 0;
      if (y.reserves !== null) deficit = Math.max(0, -y.reserves[f][j]);
      else for (let t = Math.max(0, f - rules.failureRule.yearsRunning + 1); t <= f; t++) deficit += Math.max(0, y.overspend[t][j]);
      rules.plans.forEach((plan, p) => {
        let dfe = plan.oneOff.dfe + (plan.deficitPaidBy === "dfe" ? deficit : 0);
        let council = plan.oneOff.council + (plan.deficitPaidBy === "council" ? deficit : 0);
        for (let t = f + 1; t < years; t++) {
          const later = Math.max(0, y.overspend[t][j]) * plan.afterwards.overspendFactor;
          dfe += plan.afterwards.dfeShare * later + plan.yearly.dfe;
          council += plan.afterwards.councilShare * later + plan.yearly.council;
        }
        columns[layout.planCost(p, "dfe")][j] = dfe;
        columns[layout.planCost(p, "council")][j] = council;
      });
    }
    let reserves = rules.openingReserves;
    for (let t = 0; t < years; t++) {
      const drawdown = y.overspend[t][j];
      reserves -= drawdown;
      columns[layout.reservesYears(t)][j] = drawdown > 0 ? Math.max(0, reserves) / drawdown : Infinity;
    }
  }
  return columns;
}
