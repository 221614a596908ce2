/** GBP millions with one decimal, thousands separated: 174,0 -> "174.0". */
export function millions(amount: number, decimals = 1): string {
  const m = amount / 1e6;
  const text = m.toLocaleString("en-GB", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  return text === "-0.0" ? "0.0" : text;
}

/** A share as a percentage with one decimal: 0.1234 -> "12.3%". */
export function percent(share: number, decimals = 1): string {
  return `${(share * 100).toFixed(decimals)}%`;
}
