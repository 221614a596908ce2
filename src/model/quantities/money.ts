import { Decimal } from "decimal.js";

/**
 * Rounds a float64 amount of GBP to pence, half away from zero, once, with decimal.js. The float
 * is first snapped to 13 significant digits (at most 6 decimals): float64 holds 15-16, and the
 * cost model's few dozen operations leave noise in the last one or two, which would otherwise turn
 * an exact half-penny (as a decimal ledger computes it) into 0.4999... and round it the other way.
 */
export function toPence(amount: number): number {
  if (!Number.isFinite(amount)) throw new RangeError(`toPence requires a finite amount, got ${amount}`);
  // Whole pounds (zero above all: a line an option does not have) are pence already, exactly.
  if (Number.isSafeInteger(amount)) return amount === 0 ? 0 : amount;
  const exact = new Decimal(amount);
  // Digits of the whole pounds: the float's integer part is exact, and printed plainly below 1e21
  // (above that decimal.js counts the digits itself).
  const whole = Math.floor(Math.abs(amount));
  const integerDigits = whole < 1e21 ? String(whole).length : exact.abs().floor().toString().length;
  const snapDecimals = Math.min(6, Math.max(2, 13 - integerDigits));
  const rounded = exact
    .toDecimalPlaces(snapDecimals, Decimal.ROUND_HALF_EVEN)
    .toDecimalPlaces(2, Decimal.ROUND_HALF_UP)
    .toNumber();
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
