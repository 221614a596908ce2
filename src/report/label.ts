import { LINE_LABELS } from "../model/index.ts";

/**
 * Words for the model's names: yearly lines come from the cost-line registry (each line declares
 * its label); the horizon, plan and comparison figures, which are not lines, are named here.
 */
const FIGURE_LABELS: Record<string, string> = {
  dfeCost: "Cost to the DfE",
  companyCost: "Absorbed by the company's reserves",
  npv: "Net present value (real)",
  totalCostDifference: "Difference in total cost",
  npvDifference: "Difference in net present value",
  probabilityACheaper: "Probability the first is cheaper",
};

/** A person's words for a line or figure name; an unknown name is split into words rather than shown raw. */
export function label(name: string): string {
  const known = LINE_LABELS.get(name) ?? FIGURE_LABELS[name];
  if (known !== undefined) return known;
  if (name.startsWith("placement:")) return `Placements: ${words(name.slice("placement:".length))}`;
  return sentence(words(name));
}

/**
 * An assumption's key ("baseline.placements.residential.weeklyUnitCost") in words, most specific
 * last: "Placements, residential: weekly unit cost". Options keep their id, which the reader knows.
 */
export function assumptionLabel(key: string): string {
  const parts = key.split(".");
  const head = parts[0] === "baseline" ? parts.slice(1) : parts[0] === "options" ? [`${parts[1]} option`, ...parts.slice(2)] : parts;
  if (head.length === 1) return sentence(words(head[0]));
  const context = head.slice(0, -1).map(words).join(", ");
  return `${sentence(context)}: ${words(head[head.length - 1])}`;
}

function words(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[-_]/g, " ")
    .toLowerCase()
    .replace(/\bfte\b/g, "FTE")
    .replace(/\bvat\b/g, "VAT")
    .replace(/\bdfe\b/g, "DfE");
}

function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
