import { COST_LINE_DEFINITIONS } from "./registry.ts";
import { FINANCE_LINES } from "./finance-lines.ts";

/**
 * The yearly rows every option reports, in order: each cost, income and count line with its
 * sublines after it (placement types after the placements line, children by type after the
 * children line), then the finance stage's lines.
 */
export function outputLineNames(placementTypes: readonly string[]): string[] {
  const baseline = { placements: Object.fromEntries(placementTypes.map((p) => [p, {}])) };
  return [
    ...COST_LINE_DEFINITIONS.flatMap((l) => [l.name, ...(l.sublines?.(baseline) ?? [])]),
    ...FINANCE_LINES.map((l) => l.name),
  ];
}
