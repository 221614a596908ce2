/** GBP as millions on an axis: 1 decimal below 10m, none above; never "-0". */
export function millionsTick(value: number): string {
  const m = value / 1e6;
  const text = m.toLocaleString("en-GB", { maximumFractionDigits: Math.abs(m) < 10 && m !== 0 ? 1 : 0 });
  return /^-0(\.0)?$/.test(text) ? "0" : text;
}

/** A share as a whole percentage on an axis. */
export function percentTick(value: number): string {
  return `${Math.round(value * 100)}%`;
}

/**
 * Round bounds that contain [lo, hi], so that charts compared side by side share one scale:
 * the step is 1, 2 or 5 times a power of ten, about a fifth of the span.
 */
export function niceBounds(lo: number, hi: number): { min: number; max: number } {
  if (!(hi > lo)) return { min: lo - 1, max: hi + 1 };
  const raw = (hi - lo) / 5;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((k) => k * power).find((s) => s >= raw)!;
  return { min: Math.floor(lo / step) * step, max: Math.ceil(hi / step) * step };
}

/** Axis name styling shared by every chart: titles sit along the axis, units in the words. */
export const AXIS_NAME = { nameLocation: "middle" as const, nameTextStyle: { fontSize: 12, color: "#222" } };
