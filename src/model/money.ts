import { Decimal } from "decimal.js";

/** Rounds a float64 amount of GBP to pence, half away from zero, once, with decimal.js. */
export function toPence(amount: number): number {
  if (!Number.isFinite(amount)) throw new RangeError(`toPence requires a finite amount, got ${amount}`);
  const rounded = new Decimal(amount).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toNumber();
  return rounded === 0 ? 0 : rounded;
}

/** Sums amounts already rounded to pence exactly, as a ledger would. */
export function sumPence(amounts: readonly number[]): number {
  return amounts.reduce((acc, x) => acc.plus(x), new Decimal(0)).toDecimalPlaces(2).toNumber();
}

/** "2025-26" for the financial year starting in April 2025. */
export function financialYear(startYear: number): string {
  return `${startYear}-${String((startYear + 1) % 100).padStart(2, "0")}`;
}
