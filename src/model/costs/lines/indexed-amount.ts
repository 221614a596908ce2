import type { CostLineDefinition, InputColumn, LineContext } from "../line-definition.ts";

/**
 * Evaluation shared by lines that are an amount a year at first-year prices, grown by general
 * inflation: out = amount x deflator.
 */
export function indexedAmount(field: string): CostLineDefinition["evaluate"] {
  return (ctx: LineContext, state, out) => {
    const at = ctx.column(state[field] as InputColumn);
    const v = ctx.values;
    const deflator = ctx.shared.deflator;
    for (let i = 0; i < ctx.count; i++) out[i] = v[at + i] * deflator[i];
  };
}

/** An indexed amount is zero when the scenario fixes its amount at 0 (or leaves it out). */
export function indexedAmountZero(field: string): NonNullable<CostLineDefinition["zeroWhen"]> {
  return (state, zero) => zero.input(state[field] as InputColumn);
}
