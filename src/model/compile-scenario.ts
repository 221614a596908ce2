import type { Scenario } from "./scenario-schema.ts";
import { SamplingPlan, type QuantityRef } from "./sampling-plan.ts";
import { OutputLayout } from "./cost-lines.ts";
import { discountFactors } from "./green-book.ts";

/** A placement type with where its numbers live in the value buffer. */
export interface CompiledPlacement {
  name: string;
  children: QuantityRef;
  weeklyUnitCost: QuantityRef;
  unitCostGrowth: QuantityRef;
}

/** An option with where its numbers live; absent blocks compile to constants 0 (or 1 for factors). */
export interface CompiledOption {
  id: string;
  label: string;
  kind: string;
  setupCost: QuantityRef;
  setupSpreadYears: number;
  dfeFundedShare: QuantityRef;
  vatableShare: QuantityRef;
  irrecoverableVatShare: QuantityRef;
  governance: QuantityRef;
  supportServices: QuantityRef;
  clientSide: QuantityRef;
  agencyShareChange: QuantityRef;
  placementCostFactor: QuantityRef;
  rampYears: number;
  budgetAdjustment: QuantityRef;
  openingReserves: QuantityRef;
}

/** A scenario turned into a sampling plan, slot references and an output layout, once per run. */
export interface CompiledScenario {
  scenario: Scenario;
  plan: SamplingPlan;
  layout: OutputLayout;
  years: number;
  /** Index of the price-base year within the horizon. */
  baseYearIndex: number;
  discountFactors: Float64Array;
  generalInflation: QuantityRef;
  childrenGrowth: QuantityRef;
  placements: CompiledPlacement[];
  fte: QuantityRef;
  permanentCostPerFte: QuantityRef;
  agencyShare: QuantityRef;
  agencyPremium: QuantityRef;
  payInflation: QuantityRef;
  otherSpend: QuantityRef;
  budgetAmount: QuantityRef;
  budgetUplift: QuantityRef;
  options: CompiledOption[];
}

/** Compiles a validated scenario; `seed` overrides the scenario's own. */
export function compileScenario(scenario: Scenario, seed = scenario.simulation.seed): CompiledScenario {
  const years = scenario.years;
  const plan = new SamplingPlan(seed, years);
  const b = scenario.baseline;
  const placements = Object.entries(b.placements).map(([name, p]) => ({
    name,
    children: plan.add(`baseline.placements.${name}.children`, p.children),
    weeklyUnitCost: plan.add(`baseline.placements.${name}.weeklyUnitCost`, p.weeklyUnitCost),
    unitCostGrowth: plan.add(`baseline.placements.${name}.unitCostGrowth`, p.unitCostGrowth),
  }));
  const compiled: CompiledScenario = {
    scenario,
    plan,
    layout: new OutputLayout(scenario.options.length, years, placements.map((p) => p.name)),
    years,
    baseYearIndex: (scenario.priceBase.baseYear ?? scenario.startYear) - scenario.startYear,
    discountFactors: discountFactors(years, scenario.discountRate),
    generalInflation: plan.add("baseline.generalInflation", b.generalInflation),
    childrenGrowth: plan.add("baseline.childrenGrowth", b.childrenGrowth),
    placements,
    fte: plan.add("baseline.workforce.fte", b.workforce.fte),
    permanentCostPerFte: plan.add("baseline.workforce.permanentCostPerFte", b.workforce.permanentCostPerFte),
    agencyShare: plan.add("baseline.workforce.agencyShare", b.workforce.agencyShare),
    agencyPremium: plan.add("baseline.workforce.agencyPremium", b.workforce.agencyPremium),
    payInflation: plan.add("baseline.workforce.payInflation", b.workforce.payInflation),
    otherSpend: plan.add("baseline.otherSpend", b.otherSpend),
    budgetAmount: plan.add("baseline.budget.amount", b.budget.amount),
    budgetUplift: plan.add("baseline.budget.uplift", b.budget.uplift),
    options: scenario.options.map((o) => {
      const k = `options.${o.id}`;
      return {
        id: o.id,
        label: o.label,
        kind: o.kind,
        setupCost: plan.add(`${k}.setup.cost`, o.setup?.cost ?? 0),
        setupSpreadYears: o.setup?.spreadYears ?? 1,
        dfeFundedShare: plan.add(`${k}.setup.dfeFundedShare`, o.setup?.dfeFundedShare ?? 0),
        vatableShare: plan.add(`${k}.vat.vatableShare`, o.vat?.vatableShare ?? 0),
        irrecoverableVatShare: plan.add(`${k}.vat.irrecoverableShare`, o.vat?.irrecoverableShare ?? 0),
        governance: plan.add(`${k}.overheads.governance`, o.overheads?.governance ?? 0),
        supportServices: plan.add(`${k}.overheads.supportServices`, o.overheads?.supportServices ?? 0),
        clientSide: plan.add(`${k}.overheads.clientSide`, o.overheads?.clientSide ?? 0),
        agencyShareChange: plan.add(`${k}.effects.agencyShareChange`, o.effects?.agencyShareChange ?? 0),
        placementCostFactor: plan.add(`${k}.effects.placementCostFactor`, o.effects?.placementCostFactor ?? 1),
        rampYears: o.effects?.rampYears ?? 1,
        budgetAdjustment: plan.add(`${k}.budgetAdjustment`, o.budgetAdjustment),
        openingReserves: plan.add(`${k}.openingReserves`, o.openingReserves),
      };
    }),
  };
  plan.seal();
  return compiled;
}
