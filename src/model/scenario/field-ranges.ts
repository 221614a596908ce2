/**
 * What kind of number each scenario field holds, by its name, and the range it must stay in (hard:
 * refused) and the range a careful author would expect (plausible: a warning outside it). Fields
 * are matched by name so that new cost lines using the same words get the same checks.
 */
export interface FieldRange {
  /** Words for messages, with their article: "a share", "a yearly rate", ... */
  kind: string;
  min: number;
  /** True when `min` itself is refused (a rate of -1 would divide by zero). */
  minExclusive?: boolean;
  max: number;
  plausibleMin?: number;
  plausibleMax?: number;
  /** How to write the value, said when it is out of range: "write 0.16 for 16%". */
  hint?: string;
  /** Money at first-year prices: a cited record's price base is compared with the scenario's. */
  money?: boolean;
}

const share: FieldRange = { kind: "a share", min: 0, max: 1, hint: "a share is a fraction from 0 to 1: write 0.16 for 16%" };
const shareChange: FieldRange = { kind: "a change in share points", min: -1, max: 1, plausibleMin: -0.3, plausibleMax: 0.3, hint: "share points are fractions: write -0.05 for five points fewer" };
const rate: FieldRange = {
  kind: "a yearly rate", min: -0.5, minExclusive: true, max: 1, plausibleMin: -0.1, plausibleMax: 0.2,
  hint: "a yearly rate is a fraction: write 0.03 for 3%",
};
const uplift: FieldRange = { kind: "an uplift", min: 0, max: 3, plausibleMax: 1, hint: "an uplift is a fraction: write 0.41 for 41%" };
const premium: FieldRange = { kind: "a premium", min: 0, max: 5, plausibleMax: 1.5, hint: "a premium is a fraction: write 0.4 for 40% dearer" };
const factor: FieldRange = { kind: "a multiplier", min: 0, minExclusive: true, max: 10, plausibleMin: 0.5, plausibleMax: 2, hint: "a multiplier of 1 changes nothing: write 0.97 for 3% cheaper" };
const count: FieldRange = { kind: "a count", min: 0, max: 100_000, hint: "England has about 84,000 children looked after in all" };
const weekly: FieldRange = { kind: "a weekly cost in GBP", min: 0, max: 1_000_000, plausibleMax: 50_000, money: true };
const perFte: FieldRange = { kind: "a cost per FTE in GBP a year", min: 0, max: 1_000_000, plausibleMin: 10_000, plausibleMax: 250_000, money: true };
const money: FieldRange = { kind: "an amount in GBP", min: 0, max: 1e11, hint: "GBP 100 bn is more than England spends on children's social care", money: true };
const signedMoney: FieldRange = { ...money, min: -1e11 };

/** Field name -> range. Fields not listed get only the input contract's magnitude limit. */
export const FIELD_RANGES: Readonly<Record<string, FieldRange>> = {
  agencyShare: share,
  vatableShare: share,
  irrecoverableShare: share,
  dfeFundedShare: share,
  councilShareOfOverspend: share,
  // Budget rules: rebase.share and inYearTopUps.share (0 is a rule that never rebases), savings planned and delivered.
  share,
  savingsShare: share,
  delivery: share,
  agencyShareChange: shareChange,
  generalInflation: rate,
  childrenGrowth: rate,
  unitCostGrowth: rate,
  payInflation: rate,
  rateGrowth: rate,
  uplift: rate,
  optimismBias: uplift,
  agencyPremium: premium,
  placementCostFactor: factor,
  children: count,
  fte: count,
  weeklyUnitCost: weekly,
  permanentCostPerFte: perFte,
  amount: money,
  otherSpend: money,
  governance: money,
  supportServices: money,
  clientSide: money,
  managementFee: money,
  exitCost: money,
  cost: money,
  costPerProceeding: money,
  transitionCost: money,
  oneOffCost: money,
  councilTopUpLimit: money,
  budgetAdjustment: signedMoney,
  openingReserves: signedMoney,
  failWhenReservesBelow: signedMoney,
};

/** The range for the field a path ends in, if it is one of ours. */
export function fieldRange(path: readonly PropertyKey[]): FieldRange | undefined {
  const last = path[path.length - 1];
  return typeof last === "string" && Object.hasOwn(FIELD_RANGES, last) ? FIELD_RANGES[last] : undefined;
}
