import { COUNT_PREFIX, type CostLineDefinition } from "./line-definition.ts";
import { CHILDREN_SUBLINE_LABELS, childrenLookedAfter } from "./lines/children-looked-after.ts";
import { highCostPlacements } from "./lines/high-cost-placements.ts";
import { careLeavers } from "./lines/care-leavers.ts";
import { recoveryDelivery } from "./lines/recovery-delivery.ts";
import { placementCostPerChild } from "./lines/placement-cost-per-child.ts";
import { FINANCE_LINES } from "./finance-lines.ts";
import { placements } from "./lines/placements.ts";
import { workforceEmployed } from "./lines/workforce-employed.ts";
import { workforceAgency } from "./lines/workforce-agency.ts";
import { governance } from "./lines/governance.ts";
import { supportServices } from "./lines/support-services.ts";
import { clientSide } from "./lines/client-side.ts";
import { managementFee } from "./lines/management-fee.ts";
import { improvementPartnerFee } from "./lines/improvement-partner-fee.ts";
import { improvementPartnerGrant } from "./lines/improvement-partner-grant.ts";
import { otherSpend } from "./lines/other-spend.ts";
import { legalCosts } from "./lines/legal-costs.ts";
import { uascGrant } from "./lines/uasc-grant.ts";
import { vat } from "./lines/vat.ts";
import { overheads, workforce } from "./lines/subtotals.ts";

/** Every cost and income line, in report order. Adding a line: one file in lines/ and one entry here. */
const LINES = [
  placements,
  workforceEmployed,
  workforceAgency,
  workforce,
  vat,
  governance,
  supportServices,
  clientSide,
  managementFee,
  improvementPartnerFee,
  improvementPartnerGrant,
  overheads,
  otherSpend,
  legalCosts,
  highCostPlacements,
  careLeavers,
  recoveryDelivery,
  uascGrant,
  childrenLookedAfter,
  placementCostPerChild,
] as const;

export const COST_LINE_DEFINITIONS: readonly CostLineDefinition[] = LINES as readonly CostLineDefinition[];

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
type ShapeOf<L, S> = L extends { scope: S; fields: infer F } ? { [K in keyof F]: F[K] extends { schema: infer Z } ? Z : never } : never;

/** The zod shape of the fields the lines of one scope read, as a static type (for the scenario's type). */
export type LineFieldShape<S extends "shared" | "option"> = UnionToIntersection<ShapeOf<(typeof LINES)[number], S>>;


/** A line with its dependencies resolved. */
export interface ResolvedLine {
  definition: CostLineDefinition;
  dependencies: readonly string[];
}

/**
 * The lines in an order that evaluates each after everything it depends on (a topological sort of
 * `dependsOn`, VAT's base included); throws on an unknown dependency or a cycle.
 */
export function evaluationOrder(lines: readonly CostLineDefinition[] = COST_LINE_DEFINITIONS): ResolvedLine[] {
  const byName = new Map(lines.map((l) => [l.name, l]));
  const deps = new Map(
    lines.map((l) => [
      l.name,
      [...l.dependsOn, ...(l.dependsOnSection === "vat-base" ? lines.filter((x) => x.inVatBase).map((x) => x.name) : [])],
    ]),
  );
  const order: ResolvedLine[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (name: string, path: string[]) => {
    if (state.get(name) === "done") return;
    if (state.get(name) === "visiting") throw new RangeError(`cost lines depend on each other in a cycle: ${[...path, name].join(" -> ")}`);
    const line = byName.get(name);
    if (line === undefined) throw new RangeError(`cost line '${path[path.length - 1]}' depends on an unknown line '${name}'`);
    state.set(name, "visiting");
    for (const d of deps.get(name)!) visit(d, [...path, name]);
    state.set(name, "done");
    order.push({ definition: line, dependencies: deps.get(name)! });
  };
  for (const l of lines) visit(l.name, []);
  return order;
}

/** Every line's label by name (cost lines, then the finance stage's), for every report. */
export const LINE_LABELS: ReadonlyMap<string, string> = new Map([
  ...COST_LINE_DEFINITIONS.map((l) => [l.name, l.label] as const),
  ...FINANCE_LINES.map((l) => [l.name, l.label] as const),
]);

/** A line's label; placement sublines read "Placements: residential". */
export function lineLabel(name: string): string {
  if (name.startsWith("placement:")) return `Placements: ${name.slice("placement:".length).replace(/-/g, " ")}`;
  const label = LINE_LABELS.get(name);
  if (label !== undefined) return label;
  if (name.startsWith(COUNT_PREFIX)) return CHILDREN_SUBLINE_LABELS.get(name) ?? `  ${name.slice(COUNT_PREFIX.length).replace(/-/g, " ")}, year end`;
  return name;
}
