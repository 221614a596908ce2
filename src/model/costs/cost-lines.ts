/**
 * The cost lines of DESIGN.md, per option and per year, nominal GBP (cash) unless the name says
 * real. Placement types follow these fixed lines as `placement:<type>`.
 */
export const COST_LINES = [
  "placements",
  "workforcePermanent",
  "workforceAgency",
  "workforce",
  "vat",
  "governance",
  "supportServices",
  "clientSide",
  /** A partner council's fee for running the service. */
  "managementFee",
  /** governance + supportServices + clientSide + managementFee. */
  "overheads",
  "other",
  /** placements + workforce + vat + overheads + other: what the budget must meet. */
  "operating",
  "setupGross",
  "setupDfeFunded",
  "setupNet",
  /** One-off cost of a transfer between options (scheduled), in the year it takes effect. */
  "transition",
  /**
   * Green Book optimism bias uplift on set-up and transition: an appraisal adjustment, not cash. It
   * counts in totalCost, npv and councilCost, never in operating cost, budget or reserves.
   */
  "optimismBias",
  /** operating + setupGross + transition + optimismBias: the whole public-sector cost (the Green Book view). */
  "totalCost",
  "budget",
  /** operating - budget. */
  "overspend",
  /** The part of an overspend the council meets by top-up. */
  "councilTopUp",
  /** What the council pays: budget + councilTopUp + setupNet + transition; in-house, totalCost less DfE funding. */
  "councilCost",
  /** Reserves at the end of the year: opening reserves less the overspend the council did not top up. */
  "reserves",
  /** totalCost in base-year prices, deflated by general inflation. */
  "totalCostReal",
] as const;

export type CostLine = (typeof COST_LINES)[number];

/** Index of each fixed line in an option-year row. */
export const LINE = Object.fromEntries(COST_LINES.map((name, i) => [name, i])) as Record<CostLine, number>;

/**
 * Horizon figures per option, after the yearly rows: sums over the horizon (nominal) and npv (real,
 * discounted). totalCost = councilCost + dfeCost + companyCost, the company's share being what its
 * reserves absorbed (negative when it built reserves).
 */
export const HORIZON_FIGURES = ["totalCost", "councilCost", "dfeCost", "companyCost", "npv", "operating", "overspend"] as const;
export type HorizonFigure = (typeof HORIZON_FIGURES)[number];

/**
 * Failure figures per option: the year index it failed (-1 if it did not), its reserves then (NaN
 * if it did not fail: not applicable), then one 0/1 indicator a year, "failed by the end of year t".
 */
export const FAILURE_FIGURES = ["failureYear", "reservesAtFailure"] as const;

/** Per pair of options (a before b): paired differences a - b of the horizon total cost and npv. */
export const PAIR_FIGURES = ["totalCostDifference", "npvDifference"] as const;

/** Per option and contingency plan: horizon costs and who bears them, on the same futures. */
export const PLAN_FIGURES = ["totalCost", "councilCost", "dfeCost", "companyCost"] as const;
export type PlanFigure = (typeof PLAN_FIGURES)[number];

/** Days in a year over seven: the DESIGN.md weekly-to-yearly factor 52.14. */
export const WEEKS_PER_YEAR = 365 / 7;

/** Standard rate of VAT. */
export const VAT_RATE = 0.2;

/**
 * Positions of every output in one iteration's row: option o, year t, line l at
 * (o * years + t) * lineCount + l; then each option's horizon figures, failure figures, and the
 * figures of each (option, plan) pair.
 */
export class OutputLayout {
  readonly lineNames: string[];
  readonly lineCount: number;
  readonly size: number;
  private readonly horizonStart: number;
  private readonly failureStart: number;
  private readonly failureWidth: number;
  private readonly planStart: number;
  private readonly pairStart: number;
  /** Pairs of options (a, b) with a < b, in the order comparisons are reported. */
  readonly pairs: [number, number][] = [];

  constructor(
    readonly optionCount: number,
    readonly years: number,
    placementTypes: readonly string[],
    readonly planCount = 0,
  ) {
    this.lineNames = [...COST_LINES, ...placementTypes.map((p) => `placement:${p}`)];
    this.lineCount = this.lineNames.length;
    for (let a = 0; a < optionCount; a++) for (let b = a + 1; b < optionCount; b++) this.pairs.push([a, b]);
    this.horizonStart = optionCount * years * this.lineCount;
    this.failureStart = this.horizonStart + optionCount * HORIZON_FIGURES.length;
    this.failureWidth = FAILURE_FIGURES.length + years;
    this.planStart = this.failureStart + optionCount * this.failureWidth;
    this.pairStart = this.planStart + optionCount * planCount * PLAN_FIGURES.length;
    this.size = this.pairStart + this.pairs.length * PAIR_FIGURES.length;
  }

  yearly(option: number, year: number, line: number): number {
    return (option * this.years + year) * this.lineCount + line;
  }

  horizon(option: number, figure: number): number {
    return this.horizonStart + option * HORIZON_FIGURES.length + figure;
  }

  failure(option: number, figure: number): number {
    return this.failureStart + option * this.failureWidth + figure;
  }

  /** The 0/1 output "option failed by the end of year t". */
  failedBy(option: number, year: number): number {
    return this.failure(option, FAILURE_FIGURES.length + year);
  }

  pair(pair: number, figure: number): number {
    return this.pairStart + pair * PAIR_FIGURES.length + figure;
  }

  plan(option: number, plan: number, figure: number): number {
    return this.planStart + (option * this.planCount + plan) * PLAN_FIGURES.length + figure;
  }
}
