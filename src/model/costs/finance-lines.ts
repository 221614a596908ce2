import type { LineSection } from "./line-definition.ts";

/** A line the finance stage writes (src/model/finance), declared here so reports read its label. */
export interface FinanceLineDeclaration {
  name: string;
  label: string;
  section: Extract<LineSection, "operating" | "one-off" | "finance">;
}

/**
 * The finance stage's lines, in report order, nominal GBP (cash) unless the name says real.
 * operating = operating lines - income - management action savings: what the budget must meet.
 */
export const FINANCE_LINES = [
  { name: "managementAction", label: "Management action savings", section: "operating" },
  { name: "operating", label: "Operating cost", section: "finance" },
  { name: "setupGross", label: "Set-up, gross", section: "one-off" },
  { name: "setupDfeFunded", label: "Set-up funded by the DfE", section: "one-off" },
  { name: "setupNet", label: "Set-up, net of DfE funding", section: "one-off" },
  { name: "transition", label: "Transition (transfer between models)", section: "one-off" },
  { name: "optimismBias", label: "Optimism bias (Green Book)", section: "one-off" },
  { name: "totalCost", label: "Total cost", section: "finance" },
  { name: "budget", label: "Budget", section: "finance" },
  { name: "overspend", label: "Overspend", section: "finance" },
  { name: "councilTopUp", label: "Council top-up", section: "finance" },
  { name: "councilCost", label: "Cost to the council", section: "finance" },
  { name: "reserves", label: "Reserves, end of year", section: "finance" },
  { name: "totalCostReal", label: "Total cost, real", section: "finance" },
] as const satisfies readonly FinanceLineDeclaration[];

export type FinanceLine = (typeof FINANCE_LINES)[number]["name"];
