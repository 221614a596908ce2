import type { Scenario } from "../scenario/scenario-schema.ts";
import type { EvidenceItem } from "../scenario/evidence-item-schema.ts";
import type { Quantity } from "../quantities/quantity-schema.ts";
import { discountFactors } from "../quantities/green-book.ts";
import { evaluationOrder, type ResolvedLine } from "../costs/registry.ts";
import { OutputLayout } from "../costs/output-layout.ts";
import type { CompiledLine } from "../costs/line-definition.ts";
import { InputSampler, type QuantityRef } from "./input-sampler.ts";
import { ScenarioError } from "../quantities/scenario-error.ts";
import { compileFlows, type CompiledFlows } from "./compile-flows.ts";

/** Extra agency share and placement cost for a number of years after a move. */
export interface CompiledDisruption {
  years: number;
  agencyShareChange: QuantityRef;
  placementCostFactor: QuantityRef;
}

/** An option's terms and finance with where its numbers live; absent blocks compile to constants. */
export interface CompiledOption {
  id: string;
  label: string;
  kind: string;
  setupCost: QuantityRef;
  setupSpreadYears: number;
  dfeFundedShare: QuantityRef;
  setupOptimismBias: QuantityRef;
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
  /** Compiled state of each option-scoped line, by index in `lines`. */
  lineState: (CompiledLine | null)[];
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

/** The budget rules (scenario/budget-schema.ts) with where their numbers live. */
export interface CompiledBudget {
  amount: QuantityRef;
  /** Budgets already set, by year index (NaN where the rule applies). */
  known: Float64Array;
  uplift: QuantityRef;
  rebase: { share: QuantityRef; lag: number } | null;
  inYearTopUps: { threshold: number; share: QuantityRef } | null;
  managementAction: { trigger: number; years: number; savingsShare: QuantityRef; delivery: QuantityRef; maxShare: number } | null;
}

/** A piece of evidence with its option resolved. */
export interface CompiledEvidence extends EvidenceItem {
  optionIndex: number;
  yearIndex: number;
}

/** A scenario turned into inputs, line states and an output layout, once per run. */
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
  placementTypes: string[];
  weeklyUnitCost: QuantityRef[];
  unitCostGrowth: QuantityRef[];
  permanentCostPerFte: QuantityRef;
  payInflation: QuantityRef;
  budget: CompiledBudget;
  /** Cost and income lines in evaluation order, with the shared lines' compiled state. */
  lines: ResolvedLine[];
  sharedLineState: (CompiledLine | null)[];
  options: CompiledOption[];
  contingencyPlans: CompiledContingencyPlan[];
  evidence: CompiledEvidence[];
  /** Children as flows and the options' recovery mechanisms (issue 12); null when the scenario has neither. */
  flows: CompiledFlows | null;
}

type Disruption = { years: number; agencyShareChange: Quantity; placementCostFactor: Quantity } | undefined;

/**
 * Compiles a validated scenario; `seed` overrides the scenario's own, and `nationalFutures` where its
 * national shocks come from (a portfolio's seed, several iterations to a national future).
 */
export function compileScenario(
  scenario: Scenario,
  seed = scenario.simulation.seed,
  nationalFutures: { seed?: string; lanesPerFuture?: number } = {},
): CompiledScenario {
  const years = scenario.years;
  const inputs = new InputSampler(seed, years, scenario.simulation.sampling, scenario.startYear, nationalFutures);
  // One slot per (path, quantity): lines reading the same field (both workforce lines) share it;
  // an option drawn as another (drawsAs) reads that option's streams even where its values differ.
  const registered = new Map<string, QuantityRef>();
  const add = (key: string, q: Quantity, streamKey = key): QuantityRef => {
    const id = `${key}\u0000${JSON.stringify(q)}`;
    let ref = registered.get(id);
    if (ref === undefined) registered.set(id, (ref = inputs.add(key, q, streamKey)));
    return ref;
  };
  const firstYearOnly = (key: string, q: Quantity): QuantityRef => {
    const ref = add(key, q);
    if (ref.stride !== 0) throw new ScenarioError([{ path: key, message: "expected one value for the whole horizon: only its first year would be read, so a value a year is refused" }]);
    return ref;
  };
  const b = scenario.baseline;
  const optionIndex = (id: string) => scenario.options.findIndex((o) => o.id === id);
  const disruption = (key: string, d: Disruption): CompiledDisruption | null =>
    d === undefined
      ? null
      : { years: d.years, agencyShareChange: add(`${key}.agencyShareChange`, d.agencyShareChange), placementCostFactor: add(`${key}.placementCostFactor`, d.placementCostFactor) };
  const lines = evaluationOrder();
  const placementTypes = Object.keys(b.placements);
  const rules = b.budget;
  const compiled: CompiledScenario = {
    scenario,
    inputs,
    layout: new OutputLayout(scenario.options.length, years, placementTypes, scenario.contingencyPlans.length),
    years,
    baseYearIndex: (scenario.priceBase.baseYear ?? scenario.startYear) - scenario.startYear,
    discountFactors: discountFactors(years, scenario.discountRate),
    generalInflation: add("baseline.generalInflation", b.generalInflation),
    childrenGrowth: add("baseline.childrenGrowth", b.childrenGrowth),
    placementTypes,
    weeklyUnitCost: placementTypes.map((p) => firstYearOnly(`baseline.placements.${p}.weeklyUnitCost`, b.placements[p].weeklyUnitCost)),
    unitCostGrowth: placementTypes.map((p) => add(`baseline.placements.${p}.unitCostGrowth`, b.placements[p].unitCostGrowth)),
    permanentCostPerFte: firstYearOnly("baseline.workforce.permanentCostPerFte", b.workforce.permanentCostPerFte),
    payInflation: add("baseline.workforce.payInflation", b.workforce.payInflation),
    budget: {
      amount: add("baseline.budget.amount", rules.amount),
      known: Float64Array.from({ length: years }, (_, t) => rules.known.find((k) => k.year === scenario.startYear + t)?.amount ?? Number.NaN),
      uplift: add("baseline.budget.uplift", rules.uplift),
      rebase: rules.rebase === undefined ? null : { share: add("baseline.budget.rebase.share", rules.rebase.share), lag: rules.rebase.lag },
      inYearTopUps:
        rules.inYearTopUps === undefined ? null : { threshold: rules.inYearTopUps.threshold, share: add("baseline.budget.inYearTopUps.share", rules.inYearTopUps.share) },
      managementAction:
        rules.managementAction === undefined
          ? null
          : {
              trigger: rules.managementAction.trigger,
              years: rules.managementAction.years,
              savingsShare: add("baseline.budget.managementAction.savingsShare", rules.managementAction.savingsShare),
              delivery: add("baseline.budget.managementAction.delivery", rules.managementAction.delivery),
              maxShare: rules.managementAction.maxShare,
            },
    },
    lines,
    sharedLineState: lines.map((l) => (l.definition.scope === "shared" ? l.definition.compile(b as Record<string, unknown>, "baseline", add) : null)),
    options: scenario.options.map((o) => {
      const k = `options.${o.id}`;
      return {
        id: o.id,
        label: o.label,
        kind: o.kind,
        setupCost: firstYearOnly(`${k}.setup.cost`, o.setup?.cost ?? 0),
        setupSpreadYears: o.setup?.spreadYears ?? 1,
        dfeFundedShare: firstYearOnly(`${k}.setup.dfeFundedShare`, o.setup?.dfeFundedShare ?? 0),
        setupOptimismBias: firstYearOnly(`${k}.setup.optimismBias`, o.setup?.optimismBias ?? 0),
        agencyShareChange: add(`${k}.effects.agencyShareChange`, o.effects?.agencyShareChange ?? 0),
        placementCostFactor: add(`${k}.effects.placementCostFactor`, o.effects?.placementCostFactor ?? 1),
        rampYears: o.effects?.rampYears ?? 1,
        budgetAdjustment: add(`${k}.budgetAdjustment`, o.budgetAdjustment),
        exitCost: add(`${k}.exitCost`, o.exitCost),
        transfer:
          o.transfer === undefined
            ? null
            : {
                year: o.transfer.year - scenario.startYear,
                to: optionIndex(o.transfer.to),
                transitionCost: add(`${k}.transfer.transitionCost`, o.transfer.transitionCost),
                optimismBias: add(`${k}.transfer.optimismBias`, o.transfer.optimismBias),
                disruption: disruption(`${k}.transfer.disruption`, o.transfer.disruption),
              },
        openingReserves: firstYearOnly(`${k}.finance.openingReserves`, o.finance?.openingReserves ?? 0),
        councilShareOfOverspend: add(`${k}.finance.councilShareOfOverspend`, o.finance?.councilShareOfOverspend ?? 1),
        councilTopUpLimit: o.finance?.councilTopUpLimit ?? Infinity,
        failWhenReservesBelow: o.finance?.failWhenReservesBelow ?? null,
        lineState: lines.map((l) => (l.definition.scope === "option" ? l.definition.compile(o as Record<string, unknown>, k, drawnAs(o, add)) : null)),
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
        transitionCost: add(`${k}.transitionCost`, p.transitionCost),
        optimismBias: add(`${k}.optimismBias`, p.optimismBias),
        disruption: disruption(`${k}.disruption`, p.disruption),
        oneOffCost: add(`${k}.oneOffCost`, p.oneOffCost),
      };
    }),
    evidence: scenario.evidence.map((e) => ({ ...e, optionIndex: optionIndex(e.option), yearIndex: e.year - scenario.startYear })),
    flows: compileFlows(scenario, add),
  };
  scenario.correlations.forEach((c, i) => inputs.correlate(c.inputs, c.matrix, `correlations[${i}]`));
  inputs.seal();
  return compiled;
}

/**
 * Registration for an option's line inputs: listed under the option's own path, drawn from the
 * stream of the option it is drawn as (DESIGN.md: "trust" and "trust with recovery plan" are the
 * same trust), so variants share draws and the assumptions still say whose input each is.
 */
function drawnAs(o: Scenario["options"][number], add: (key: string, q: Quantity, streamKey?: string) => QuantityRef) {
  if (o.drawsAs === undefined) return add;
  const own = `options.${o.id}.`;
  return (key: string, q: Quantity) => add(key, q, key.startsWith(own) ? `options.${o.drawsAs}.${key.slice(own.length)}` : key);
}
