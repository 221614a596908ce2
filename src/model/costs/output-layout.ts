import { outputLineNames } from "./output-lines.ts";

/**
 * Horizon figures per option: sums over the horizon (nominal) and npv (real, discounted).
 * totalCost = councilCost + dfeCost + companyCost, the company's share being what its reserves
 * absorbed (negative when it built reserves).
 */
export const HORIZON_FIGURES = ["totalCost", "councilCost", "dfeCost", "companyCost", "npv", "operating", "overspend"] as const;
export type HorizonFigure = (typeof HORIZON_FIGURES)[number];

/** Per option that can fail: the year index it failed (-1 if not) and its reserves then (NaN if not). */
export const FAILURE_FIGURES = ["failureYear", "reservesAtFailure"] as const;
export type FailureFigure = (typeof FAILURE_FIGURES)[number];

/**
 * CIPFA's reserves sustainability (years of reserves left at the year's drawdown), per option with
 * finance and year: the measure itself, capped at RESERVES_NOT_DRAWING when reserves do not fall,
 * then 0/1 "below k years" for each bound (assumption: CIPFA's index gives the measure, not bands;
 * the bounds are those portfolios/dfe-trusts.yaml states), and 0/1 "not drawing down".
 */
export const RESERVES_BAND_YEARS = [1, 3, 5] as const;
/** The measure's value when reserves do not fall in the year (no drawdown): the reports say "not drawing down". */
export const RESERVES_NOT_DRAWING = 1000;
const RESERVES_WIDTH = 2 + RESERVES_BAND_YEARS.length;

/** Per pair of options (a before b): paired differences a - b of the horizon total cost and npv. */
export const PAIR_FIGURES = ["totalCostDifference", "npvDifference"] as const;
export type PairFigure = (typeof PAIR_FIGURES)[number];

/** Per option and contingency plan: horizon costs and who bears them, on the same futures. */
export const PLAN_FIGURES = ["totalCost", "councilCost", "dfeCost", "companyCost"] as const;
export type PlanFigure = (typeof PLAN_FIGURES)[number];

/**
 * The output contract: every output of one iteration by name, resolved to an offset once, before
 * the hot loop. Yearly lines of option o and year t, then each option's horizon figures, failure
 * figures (with one 0/1 "failed by the end of year t" a year), the (option, contingency plan)
 * figures and the pairs' differences.
 */
export class OutputLayout {
  readonly lineNames: readonly string[];
  readonly lineCount: number;
  readonly size: number;
  /** Pairs of options (a, b) with a < b, in the order comparisons are reported. */
  readonly pairs: [number, number][] = [];
  private readonly lineIndex: Map<string, number>;
  private readonly horizonStart: number;
  private readonly failureStart: number;
  private readonly failureWidth: number;
  private readonly planStart: number;
  private readonly pairStart: number;

  constructor(
    readonly optionCount: number,
    readonly years: number,
    placementTypes: readonly string[],
    readonly planCount = 0,
  ) {
    this.lineNames = outputLineNames(placementTypes);
    this.lineCount = this.lineNames.length;
    this.lineIndex = new Map(this.lineNames.map((n, i) => [n, i]));
    for (let a = 0; a < optionCount; a++) for (let b = a + 1; b < optionCount; b++) this.pairs.push([a, b]);
    this.horizonStart = optionCount * years * this.lineCount;
    this.failureStart = this.horizonStart + optionCount * HORIZON_FIGURES.length;
    this.failureWidth = FAILURE_FIGURES.length + years * (1 + RESERVES_WIDTH);
    this.planStart = this.failureStart + optionCount * this.failureWidth;
    this.pairStart = this.planStart + optionCount * planCount * PLAN_FIGURES.length;
    this.size = this.pairStart + this.pairs.length * PAIR_FIGURES.length;
  }

  /** Index of a yearly line; throws on a name the contract does not have. */
  line(name: string): number {
    const i = this.lineIndex.get(name);
    if (i === undefined) throw new RangeError(`no output line '${name}'`);
    return i;
  }

  hasLine(name: string): boolean {
    return this.lineIndex.has(name);
  }

  yearly(option: number, year: number, line: string): number {
    return (option * this.years + year) * this.lineCount + this.line(line);
  }

  /** Offset of the first yearly line of option o in year t (lines follow in lineNames order). */
  yearlyBase(option: number, year: number): number {
    return (option * this.years + year) * this.lineCount;
  }

  horizon(option: number, figure: HorizonFigure): number {
    return this.horizonStart + option * HORIZON_FIGURES.length + HORIZON_FIGURES.indexOf(figure);
  }

  failure(option: number, figure: FailureFigure): number {
    return this.failureStart + option * this.failureWidth + FAILURE_FIGURES.indexOf(figure);
  }

  /** The 0/1 output "option failed by the end of year t". */
  failedBy(option: number, year: number): number {
    return this.failureStart + option * this.failureWidth + FAILURE_FIGURES.length + year;
  }

  /** Years of reserves left at the drawdown of year t (reserves sustainability). */
  reservesYears(option: number, year: number): number {
    return this.failedBy(option, this.years) + year * RESERVES_WIDTH;
  }

  /** 0/1: the measure in year t is below RESERVES_BAND_YEARS[band] years. */
  reservesBelow(option: number, year: number, band: number): number {
    return this.reservesYears(option, year) + 1 + band;
  }

  /** 0/1: reserves did not fall in year t. */
  reservesNotDrawing(option: number, year: number): number {
    return this.reservesYears(option, year) + 1 + RESERVES_BAND_YEARS.length;
  }

  pair(pair: number, figure: PairFigure): number {
    return this.pairStart + pair * PAIR_FIGURES.length + PAIR_FIGURES.indexOf(figure);
  }

  plan(option: number, plan: number, figure: PlanFigure): number {
    return this.planStart + (option * this.planCount + plan) * PLAN_FIGURES.length + PLAN_FIGURES.indexOf(figure);
  }
}
