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
    // Every array and every loop-invariant field in a local: V8 does not move loads out of a loop,
    // and read through \`this\` and \`out\` each access cost a field load and a bounds check more,
    // about 45 ns a lane-year (a seventh of the reference's run). The arithmetic is unchanged.
    const failureYear = this.failureYear;
    const reservesAtFailure = this.reservesAtFailure;
    const totals = this.total;
    const councils = this.council;
    const dfes = this.dfe;
    const npvs = this.npv;
    const operatingSums = this.operatingSum;
    const overspendSums = this.overspendSum;
    const reservesNow = this.reserves;
    const budgetBase = this.budgetBase;
    const upliftFactor = this.upliftFactor;
    const savingsRate = this.savingsRate;
    const yearsOverTrigger = this.yearsOverTrigger;
    const history = this.history;
    const {
      managementAction: outAction, operating: outOperating, setupGross: outSetupGross, setupDfeFunded: outSetupDfe, setupNet: outSetupNet,
      transition: outTransition, optimismBias: outBias, totalCost: outTotal, budget: outBudget, overspend: outOverspend,
      councilTopUp: outTopUp, councilCost: outCouncil, reserves: outReserves, totalCostReal: outReal,
    } = out;
    const setupSpreadYears = opt.setupSpreadYears;
    const councilTopUpLimit = opt.councilTopUpLimit;
    const topUpThreshold = topUps === null ? 0 : topUps.threshold;
    const actionYears = action === null ? 0 : action.years;
    const actionMaxShare = action === null ? 0 : action.maxShare;
    const actionTrigger = action === null ? 0 : action.trigger;
    const rebaseLag = rebase === null ? 0 : rebase.lag;
    const transitionAt = transfer === null ? -1 : this.col(transfer.transitionCost, t);
    const exitAt = transfer === null ? -1 : this.col(transfer.exitCost, t);
    const transferBiasAt = transfer === null ? -1 : this.col(transfer.optimismBias, t);
    const planTransitionAt = planTransfer === null ? -1 : this.col(planTransfer.transitionCost, t);
    const planExitAt = planTransfer === null ? -1 : this.col(planTransfer.exitCost, t);
    const planBiasAt = planTransfer === null ? -1 : this.col(planTransfer.optimismBias, t);
    const afterwardsPaidBy = plan === null ? null : plan.afterwardsOverspendPaidBy;
    const deficitPaidBy = plan === null ? null : plan.deficitPaidBy;
    const oneOffAt = plan === null ? -1 : this.col(plan.oneOffCost, t);

    for (let i = 0; i < n; i++) {
      const failed = failureYear[i];
      const afterFailure = plan !== null && failed >= 0 && t > failed;

      // Budget: a known amount each year, or last year's grown by the uplift and rebased.
      if (t === 0) {
        upliftFactor[i] = 1;
        budgetBase[i] = v[amount + i];
      } else {
        upliftFactor[i] *= 1 + v[uplift + i];
        if (knownBudgets) budgetBase[i] = v[amount + i];
        else if (known === known) budgetBase[i] = known;
        else {
          budgetBase[i] *= 1 + v[uplift + i];
          if (rebase !== null && t - rebaseLag >= 0) budgetBase[i] += v[rebaseShare + i] * history[(t - rebaseLag) * LANES + i];
        }
      }
      let budget = budgetBase[i] + v[adjustment + i] * upliftFactor[i];

      // Management action: savings build up while overspends persist, frozen after failure.
      if (action !== null && t > 0 && !afterFailure) {
        if (yearsOverTrigger[i] >= actionYears) {
          savingsRate[i] = Math.min(actionMaxShare, savingsRate[i] + v[actionShare + i] * v[actionDelivery + i]);
        }
      }
      const gross = operatingGross[i];
      const savings = gross * savingsRate[i];
      const operating = gross - savings;
      let overspend = operating - budget;
      if (topUps !== null && overspend > topUpThreshold * budget) {
        const added = v[topUpShare + i] * (overspend - topUpThreshold * budget);
        budget += added;
        overspend -= added;
      }
      history[t * LANES + i] = overspend;
      if (action !== null) yearsOverTrigger[i] = overspend > actionTrigger * budget ? yearsOverTrigger[i] + 1 : 0;

      const deflate = deflator[i];
      let transitionBase = 0;
      let transitionBias = 0;
      if (transfer !== null) {
        const cost = v[transitionAt + i] + v[exitAt + i];
        transitionBase += cost;
        transitionBias += cost * v[transferBiasAt + i];
      }
      if (planTransfer !== null && afterFailure && t === failed + 1) {
        const cost = v[planTransitionAt + i] + v[planExitAt + i];
        transitionBase += cost;
        transitionBias += cost * v[planBiasAt + i];
      }
      const setupGross = t < setupSpreadYears ? (v[setupCost + i] * deflate) / setupSpreadYears : 0;
      const setupDfe = setupGross * v[dfeShare + i];
      const transition = transitionBase * deflate;
      const optimismBias = setupGross * v[setupBias + i] + transitionBias * deflate;

      let topUp = 0;
      let dfePays = 0;
      if (!afterFailure) {
        const limit = councilTopUpLimit * upliftFactor[i];
        topUp = overspend > 0 ? Math.min(limit, v[shareOfOverspend + i] * overspend) : 0;
      } else if (afterwardsPaidBy === "council") {
        topUp = overspend > 0 ? overspend : 0;
      } else if (afterwardsPaidBy === "dfe") {
        dfePays = overspend > 0 ? overspend : 0;
      }
      let reserves = reservesNow[i] - (overspend - topUp - dfePays);

      let oneOff = 0;
      let councilRescue = 0;
      let dfeRescue = 0;
      if (failed < 0 && failAt !== null && reserves < failAt) {
        failureYear[i] = t;
        reservesAtFailure[i] = reserves;
        if (plan !== null) {
          oneOff = v[oneOffAt + i] * deflate;
          const rescue = -reserves + oneOff;
          if (deficitPaidBy === "council") councilRescue = rescue;
          else dfeRescue = rescue;
          reserves = 0;
        }
      }
      reservesNow[i] = reserves;

      // The DfE's grants lowered the service's operating cost; to the public purse they are still a cost.
      const grant = dfeFunded[i];
      const totalCost = operating + grant + setupGross + transition + optimismBias + oneOff;
      // In-house, the reserves are the council's own: what it spends is what it pays.
      const councilCost = inHouse
        ? totalCost - grant - setupDfe - dfePays - dfeRescue
        : budget + topUp + setupGross - setupDfe + transition + optimismBias + councilRescue;
      const real = (totalCost * realBase[i]) / deflate;
      totals[i] += totalCost;
      councils[i] += councilCost;
      dfes[i] += grant + setupDfe + dfePays + dfeRescue;
      npvs[i] += real * discount;
      operatingSums[i] += operating;
      overspendSums[i] += overspend;

      outAction[i] = savings;
      outOperating[i] = operating;
      outSetupGross[i] = setupGross;
      outSetupDfe[i] = setupDfe;
      outSetupNet[i] = setupGross - setupDfe;
      outTransition[i] = transition;
      outBias[i] = optimismBias;
      outTotal[i] = totalCost;
      outBudget[i] = budget;
      outOverspend[i] = overspend;
      outTopUp[i] = topUp;
      outCouncil[i] = councilCost;
      outReserves[i] = reserves;
      outReal[i] = real;
    }
  }
}
