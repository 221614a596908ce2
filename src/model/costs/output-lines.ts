import { COST_LINE_DEFINITIONS } from "./registry.ts";
import { FINANCE_LINES } from "./finance-lines.ts";

/**
 * The yearly rows every option reports, in order: each cost and income line (placement types
 * after the placements line), then the finance stage's lines.
 */
export function outputLineNames(placementTypes: readonly string[]): string[] {
  return [
    ...COST_LINE_DEFINITIONS.flatMap((l) => (l.name === "placements" ? [l.name, ...placementTypes.map((p) => `placement:${p}`)] : [l.name])),
    ...FINANCE_LINES.map((l) => l.name),
  ];
}
