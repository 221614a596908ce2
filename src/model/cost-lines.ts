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
  "overheads",
  "other",
  /** placements + workforce + vat + overheads + other: what the budget must meet. */
  "operating",
  "setupGross",
  "setupDfeFunded",
  "setupNet",
  /** operating + setupGross: the whole public-sector cost (the Green Book view). */
  "totalCost",
  /** operating + setupNet: the cost to the council after DfE set-up funding. */
  "councilCost",
  "budget",
  /** operating - budget. */
  "overspend",
  /** Reserves at the end of the year: opening reserves less cumulative overspend. */
  "reserves",
  /** totalCost in base-year prices, deflated by general inflation. */
  "totalCostReal",
] as const;

export type CostLine = (typeof COST_LINES)[number];

/** Index of each fixed line in an option-year row. */
export const LINE = Object.fromEntries(COST_LINES.map((name, i) => [name, i])) as Record<CostLine, number>;

/** Horizon figures per option, after the yearly rows. */
export const HORIZON_FIGURES = ["totalCost", "councilCost", "npv", "operating", "overspend"] as const;
export type HorizonFigure = (typeof HORIZON_FIGURES)[number];

/** Days in a year over seven: the DESIGN.md weekly-to-yearly factor 52.14. */
export const WEEKS_PER_YEAR = 365 / 7;

/** Standard rate of VAT. */
export const VAT_RATE = 0.2;

/**
 * Positions of every output in one iteration's row: option o, year t, line l at
 * (o * years + t) * lineCount + l; option o's horizon figure h after all yearly rows.
 */
export class OutputLayout {
  readonly lineNames: string[];
  readonly lineCount: number;
  readonly size: number;

  constructor(
    readonly optionCount: number,
    readonly years: number,
    placementTypes: readonly string[],
  ) {
    this.lineNames = [...COST_LINES, ...placementTypes.map((p) => `placement:${p}`)];
    this.lineCount = this.lineNames.length;
    this.size = optionCount * years * this.lineCount + optionCount * HORIZON_FIGURES.length;
  }

  yearly(option: number, year: number, line: number): number {
    return (option * this.years + year) * this.lineCount + line;
  }

  horizon(option: number, figure: number): number {
    return this.optionCount * this.years * this.lineCount + option * HORIZON_FIGURES.length + figure;
  }
}
