import type { Scenario } from "../scenario/scenario-schema.ts";
import { InputSampler, type QuantityRef } from "./input-sampler.ts";
import { OutputLayout } from "../costs/cost-lines.ts";
import { discountFactors } from "../quantities/green-book.ts";
import type { Quantity } from "../quantities/quantity-schema.ts";

/** A placement type with where its numbers live in the value buffer. */
export interface CompiledPlacement {
  name: string;
  children: QuantityRef;
  weeklyUnitCost: QuantityRef;
  unitCostGrowth: QuantityRef;
}

/** Extra agency share and placement cost for a number of years after a move. */
export interface CompiledDisruption {
  years: number;
  agencyShareChange: QuantityRef;
  placementCostFactor: QuantityRef;
}

/** An option with where its numbers live; absent blocks compile to constants 0 (or 1 for factors). */
export interface CompiledOption {
  id: string;
  label: string;
  kind: string;
  setupCost: QuantityRef;
  setupSpreadYears: number;
  dfeFundedShare: QuantityRef;
  setupOptimismBias: QuantityRef;
  vatableShare: QuantityRef;
  irrecoverableVatShare: QuantityRef;
  governance: QuantityRef;
  supportServices: QuantityRef;
  clientSide: QuantityRef;
  managementFee: QuantityRef;
  agencyShareChange: QuantityRef;
  placementCostFactor: QuantityRef;
  rampYears: number;
  budgetAdjustment: QuantityRef;
  exitCost: QuantityRef;
  /** A scheduled move: from year index `year` the option runs under option `to`'s terms. */
  transfer: { year: number; to: number; transitionCost: QuantityRef; optimismBias: QuantityRef; disruption: CompiledDisruption | null } | null;
  openingReserves: QuantityRef;
  councilShareOfOverspend: QuantityRef;
  /** GBP a year at first-year prices; Infinity when there is no limit. */
  councilTopUpLimit: number;
  /** Reserves below this fail the option; null when it is never judged to fail. */
  failWhenReservesBelow: number | null;
}

/** A contingency plan with its option references resolved to indices. */
export interface CompiledContingencyPlan {
  id: string;
  label: string;
  deficitPaidBy: "council" | "dfe";
  afterwardsOverspendPaidBy: "council" | "dfe" | "company";
  transferTo: number | null;
  transitionCost: QuantityRef;
  optimismBias: QuantityRef;
  disruption: CompiledDisruption | null;
  oneOffCost: QuantityRef;
}

/** A scenario turned into a sampling plan, slot references and an output layout, once per run. */
export interface CompiledScenario {
  scenario: Scenario;
  inputs: InputSampler;
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
  contingencyPlans: CompiledContingencyPlan[];
}

type Disruption = { years: number; agencyShareChange: Quantity; placementCostFactor: Quantity } | undefined;

/** Compiles a validated scenario; `seed` overrides the scenario's own. */
export function compileScenario(scenario: Scenario, seed = scenario.simulation.seed): CompiledScenario {
  const years = scenario.years;
  const plan = new InputSampler(seed, years, scenario.simulation.sampling);
  const b = scenario.baseline;
  const optionIndex = (id: string) => scenario.options.findIndex((o) => o.id === id);
  const disruption = (key: string, d: Disruption): CompiledDisruption | null =>
    d === undefined
      ? null
      : {
          years: d.years,
          agencyShareChange: plan.add(`${key}.agencyShareChange`, d.agencyShareChange),
          placementCostFactor: plan.add(`${key}.placementCostFactor`, d.placementCostFactor),
        };
  const placements = Object.entries(b.placements).map(([name, p]) => ({
    name,
    children: plan.add(`baseline.placements.${name}.children`, p.children),
    weeklyUnitCost: plan.add(`baseline.placements.${name}.weeklyUnitCost`, p.weeklyUnitCost),
    unitCostGrowth: plan.add(`baseline.placements.${name}.unitCostGrowth`, p.unitCostGrowth),
  }));
  const compiled: CompiledScenario = {
    scenario,
    inputs: plan,
    layout: new OutputLayout(scenario.options.length, years, placements.map((p) => p.name), scenario.contingencyPlans.length),
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
        setupOptimismBias: plan.add(`${k}.setup.optimismBias`, o.setup?.optimismBias ?? 0),
        vatableShare: plan.add(`${k}.vat.vatableShare`, o.vat?.vatableShare ?? 0),
        irrecoverableVatShare: plan.add(`${k}.vat.irrecoverableShare`, o.vat?.irrecoverableShare ?? 0),
        governance: plan.add(`${k}.overheads.governance`, o.overheads?.governance ?? 0),
        supportServices: plan.add(`${k}.overheads.supportServices`, o.overheads?.supportServices ?? 0),
        clientSide: plan.add(`${k}.overheads.clientSide`, o.overheads?.clientSide ?? 0),
        managementFee: plan.add(`${k}.managementFee`, o.managementFee),
        agencyShareChange: plan.add(`${k}.effects.agencyShareChange`, o.effects?.agencyShareChange ?? 0),
        placementCostFactor: plan.add(`${k}.effects.placementCostFactor`, o.effects?.placementCostFactor ?? 1),
        rampYears: o.effects?.rampYears ?? 1,
        budgetAdjustment: plan.add(`${k}.budgetAdjustment`, o.budgetAdjustment),
        exitCost: plan.add(`${k}.exitCost`, o.exitCost),
        transfer:
          o.transfer === undefined
            ? null
            : {
                year: o.transfer.year - scenario.startYear,
                to: optionIndex(o.transfer.to),
                transitionCost: plan.add(`${k}.transfer.transitionCost`, o.transfer.transitionCost),
                optimismBias: plan.add(`${k}.transfer.optimismBias`, o.transfer.optimismBias),
                disruption: disruption(`${k}.transfer.disruption`, o.transfer.disruption),
              },
        openingReserves: plan.add(`${k}.finance.openingReserves`, o.finance?.openingReserves ?? 0),
        councilShareOfOverspend: plan.add(`${k}.finance.councilShareOfOverspend`, o.finance?.councilShareOfOverspend ?? 1),
        councilTopUpLimit: o.finance?.councilTopUpLimit ?? Infinity,
        failWhenReservesBelow: o.finance?.failWhenReservesBelow ?? null,
      };
    }),
    contingencyPlans: scenario.contingencyPlans.map((p) => {
      const k = `contingencyPlans.${p.id}`;
      return {
        id: p.id,
        label: p.label,
        deficitPaidBy: p.deficitPaidBy,
        afterwardsOverspendPaidBy: p.afterwardsOverspendPaidBy,
        transferTo: p.transferTo === undefined ? null : optionIndex(p.transferTo),
        transitionCost: plan.add(`${k}.transitionCost`, p.transitionCost),
        optimismBias: plan.add(`${k}.optimismBias`, p.optimismBias),
        disruption: disruption(`${k}.disruption`, p.disruption),
        oneOffCost: plan.add(`${k}.oneOffCost`, p.oneOffCost),
      };
    }),
  };
  scenario.correlations.forEach((c, i) => plan.correlate(c.inputs, c.matrix, `correlations[${i}]`));
  plan.seal();
  return compiled;
}
