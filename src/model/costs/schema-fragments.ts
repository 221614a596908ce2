import type { ZodType } from "zod";
import { COST_LINE_DEFINITIONS, type LineFieldShape } from "./registry.ts";

/**
 * The scenario fields the cost lines of one scope read, as a zod shape to spread into the baseline
 * (shared) or option (per option) schema; lines reading the same field (the workforce lines) share it.
 */
export function lineFieldShape<S extends "shared" | "option">(scope: S): LineFieldShape<S> {
  const shape: Record<string, ZodType> = {};
  for (const line of COST_LINE_DEFINITIONS) {
    if (line.scope !== scope) continue;
    for (const [key, field] of Object.entries(line.fields)) shape[key] ??= field.schema.describe(field.description);
  }
  return shape as LineFieldShape<S>;
}
