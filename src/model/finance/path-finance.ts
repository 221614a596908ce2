import { LANES, type QuantityRef } from "../inputs/input-sampler.ts";
import type { CompiledContingencyPlan, CompiledOption, CompiledScenario } from "../inputs/compile-scenario.ts";

/** One year's finance lines, a lane each, written by `PathFinance.year` (null where not reported). */
export interface FinanceColumns {
  managementAction: Float64Array;
  operating: Float64Array;
  setupGross: Float64Array;
  setupDfeFunded: Float64Array;
  setupNet: Float64Array;
  transition: Float64Array;
  optimismBias: Float64Array;
  totalCost: Float64Array;
  budget: Float64Array;
  overspend: Float64Array;
  councilTopUp: Float64Array;
  councilCost: Float64Array;
  reserves: Float64Array;
  totalCostReal: Float64Array;
}

/** A transfer taking effect this year: its one-off cost and Green Book uplift (first-year prices). */
export interface TransferCost {
  transitionCost: QuantityRef;
  optimismBias: QuantityRef;
  exitCost: QuantityRef;
}

/**
 * The finance of one option's path through the horizon, year by year over a block of lanes
 * (DESIGN.md, cost lines and budgets): the budget by its rules (uplift, rebasing towards the last
 * outturn, in-year top-ups), management action, the overspend and who meets it, reserves, failure
 * when reserves fall below the threshold, and under a contingency plan what follows failure.
 * State is a lane each; `year` must be called for t = 0, 1, ... in order.
 */
export class PathFinance {
  readonly failureYear = new Int32Array(LANES);
  readonly reservesAtFailure = new Float64Array(LANES);
  readonly total = new Float64Array(LANES);
  readonly council = new Float64Array(LANES);
  readonly dfe = new Float64Array(LANES);
  readonly npv = new Float64Array(LANES);
  readonly operatingSum = new Float64Array(LANES);
  readonly overspendSum = new Float64Array(LANES);
  private readonly reserves = new Float64Array(LANES);
  private readonly budgetBase = new Float64Array(LANES);
  private readonly upliftFactor = new Float64Array(LANES);
  private readonly savingsRate = new Float64Array(LANES);
  private readonly yearsOverTrigger = new Int32Array(LANES);
  /** Overspend of each past year, for rebasing with a lag. */
  private readonly history: Float64Array;

  private opt: CompiledOption;
  /** The plan applied after failure; null: the option as scheduled. */
  private plan: CompiledContingencyPlan | null = null;
  private count = 0;

  constructor(
    private readonly c: CompiledScenario,
    opt: CompiledOption,
    plan: CompiledContingencyPlan | null,
    count: number,
  ) {
    this.history = new Float64Array(c.years * LANES);
    this.opt = opt;
    this.start(opt, plan, count);
  }

  /**
   * Starts a new path (year 0 next) for `opt` under `plan` over `count` lanes, reusing the
   * buffers: a block's paths allocate nothing, so runs make no garbage to collect.
   */
  start(opt: CompiledOption, plan: CompiledContingencyPlan | null, count: number): this {
    this.opt = opt;
    this.plan = plan;
    this.count = count;
    this.failureYear.fill(-1);
    for (const a of [this.reservesAtFailure, this.total, this.council, this.dfe, this.npv, this.operatingSum, this.overspendSum, this.savingsRate]) a.fill(0);
    this.yearsOverTrigger.fill(0);
    const v = this.c.inputs.values;
    const at = opt.openingReserves.slot * LANES;
    for (let i = 0; i < count; i++) this.reserves[i] = v[at + i];
    return this;
  }

  private col(ref: QuantityRef, t: number): number {
    return (ref.slot + ref.stride * t) * LANES;
  }

  /**
   * Year t: `operatingGross` is the cost and income lines' net (before management action),
   * `dfeFunded` the part of that income the DfE pays (counted as the DfE's cost, not the council's),
   * `regime` the option whose budget adjustment applies, `transfer` a transfer taking effect this
   * year (scheduled, for every lane) and `planTransfer` the plan's transfer (for lanes whose
   * failure was last year). `deflator` is the general price level this year, a lane each.
   */
  year(
    t: number,
    operatingGross: Float64Array,
    dfeFunded: Float64Array,
    regime: CompiledOption,
    transfer: TransferCost | null,
    planTransfer: TransferCost | null,
    deflator: Float64Array,
    realBase: Float64Array,
    out: FinanceColumns,
  ): void {
    const c = this.c;
    const opt = this.opt;
    const plan = this.plan;
    const v = c.inputs.values;
    const n = this.count;
    const rules = c.budget;
    const amount = this.col(rules.amount, t);
    const uplift = this.col(rules.uplift, t);
    const adjustment = this.col(regime.budgetAdjustment, t);
    const shareOfOverspend = this.col(opt.councilShareOfOverspend, t);
    const setupCost = this.col(opt.setupCost, 0);
    const dfeShare = this.col(opt.dfeFundedShare, 0);
    const setupBias = this.col(opt.setupOptimismBias, 0);
    const rebase = rules.rebase;
    const rebaseShare = rebase === null ? -1 : this.col(rebase.share, t);
    const topUps = rules.inYearTopUps;
    const topUpShare = topUps === null ? -1 : this.col(topUps.share, t);
    const action = rules.managementAction;
    const actionShare = action === null ? -1 : this.col(action.savingsShare, t);
    const actionDelivery = action === null ? -1 : this.col(action.delivery, t);
    const discount = c.discountFactors[t];
    const knownBudgets = rules.amount.stride === 1;
    const known = rules.known[t];
    const failAt = opt.failWhenReservesBelow;
    const inHouse = opt.kind === "in-house";

    for (let i = 0; i < n; i++) {
      const failed = this.failureYear[i];
      const afterFailure = plan !== null && failed >= 0 && t > failed;

      // Budget: a known amount each year, or last year's grown by the uplift and rebased.
      if (t === 0) {
        this.upliftFactor[i] = 1;
        this.budgetBase[i] = v[amount + i];
      } else {
        this.upliftFactor[i] *= 1 + v[uplift + i];
        if (knownBudgets) this.budgetBase[i] = v[amount + i];
        else if (known === known) this.budgetBase[i] = known;
        else {
          this.budgetBase[i] *= 1 + v[uplift + i];
          if (rebase !== null && t - rebase.lag >= 0) this.budgetBase[i] += v[rebaseShare + i] * this.history[(t - rebase.lag) * LANES + i];
        }
      }
      let budget = this.budgetBase[i] + v[adjustment + i] * this.upliftFactor[i];

      // Management action: savings build up while overspends persist, frozen after failure.
      if (action !== null && t > 0 && !afterFailure) {
        if (this.yearsOverTrigger[i] >= action.years) {
          this.savingsRate[i] = Math.min(action.maxShare, this.savingsRate[i] + v[actionShare + i] * v[actionDelivery + i]);
        }
      }
      const gross = operatingGross[i];
      const savings = gross * this.savingsRate[i];
      const operating = gross - savings;
      let overspend = operating - budget;
      if (topUps !== null && overspend > topUps.threshold * budget) {
        const added = v[topUpShare + i] * (overspend - topUps.threshold * budget);
        budget += added;
        overspend -= added;
      }
      this.history[t * LANES + i] = overspend;
      if (action !== null) this.yearsOverTrigger[i] = overspend > action.trigger * budget ? this.yearsOverTrigger[i] + 1 : 0;

      const deflate = deflator[i];
      let transitionBase = 0;
      let transitionBias = 0;
      if (transfer !== null) {
        const cost = v[this.col(transfer.transitionCost, t) + i] + v[this.col(transfer.exitCost, t) + i];
        transitionBase += cost;
        transitionBias += cost * v[this.col(transfer.optimismBias, t) + i];
      }
      if (planTransfer !== null && afterFailure && t === failed + 1) {
        const cost = v[this.col(planTransfer.transitionCost, t) + i] + v[this.col(planTransfer.exitCost, t) + i];
        transitionBase += cost;
        transitionBias += cost * v[this.col(planTransfer.optimismBias, t) + i];
      }
      const setupGross = t < opt.setupSpreadYears ? (v[setupCost + i] * deflate) / opt.setupSpreadYears : 0;
      const setupDfe = setupGross * v[dfeShare + i];
      const transition = transitionBase * deflate;
      const optimismBias = setupGross * v[setupBias + i] + transitionBias * deflate;

      let topUp = 0;
      let dfePays = 0;
      if (!afterFailure) {
        const limit = opt.councilTopUpLimit * this.upliftFactor[i];
        topUp = overspend > 0 ? Math.min(limit, v[shareOfOverspend + i] * overspend) : 0;
      } else if (plan.afterwardsOverspendPaidBy === "council") {
        topUp = overspend > 0 ? overspend : 0;
      } else if (plan.afterwardsOverspendPaidBy === "dfe") {
        dfePays = overspend > 0 ? overspend : 0;
      }
      let reserves = this.reserves[i] - (overspend - topUp - dfePays);

      let oneOff = 0;
      let councilRescue = 0;
      let dfeRescue = 0;
      if (failed < 0 && failAt !== null && reserves < failAt) {
        this.failureYear[i] = t;
        this.reservesAtFailure[i] = reserves;
        if (plan !== null) {
          oneOff = v[this.col(plan.oneOffCost, t) + i] * deflate;
          const rescue = -reserves + oneOff;
          if (plan.deficitPaidBy === "council") councilRescue = rescue;
          else dfeRescue = rescue;
          reserves = 0;
        }
      }
      this.reserves[i] = reserves;

      // The DfE's grants lowered the service's operating cost; to the public purse they are still a cost.
      const grant = dfeFunded[i];
      const totalCost = operating + grant + setupGross + transition + optimismBias + oneOff;
      // In-house, the reserves are the council's own: what it spends is what it pays.
      const councilCost = inHouse
        ? totalCost - grant - setupDfe - dfePays - dfeRescue
        : budget + topUp + setupGross - setupDfe + transition + optimismBias + councilRescue;
      const real = (totalCost * realBase[i]) / deflate;
      this.total[i] += totalCost;
      this.council[i] += councilCost;
      this.dfe[i] += grant + setupDfe + dfePays + dfeRescue;
      this.npv[i] += real * discount;
      this.operatingSum[i] += operating;
      this.overspendSum[i] += overspend;

      out.managementAction[i] = savings;
      out.operating[i] = operating;
      out.setupGross[i] = setupGross;
      out.setupDfeFunded[i] = setupDfe;
      out.setupNet[i] = setupGross - setupDfe;
      out.transition[i] = transition;
      out.optimismBias[i] = optimismBias;
      out.totalCost[i] = totalCost;
      out.budget[i] = budget;
      out.overspend[i] = overspend;
      out.councilTopUp[i] = topUp;
      out.councilCost[i] = councilCost;
      out.reserves[i] = reserves;
      out.totalCostReal[i] = real;
    }
  }
}
