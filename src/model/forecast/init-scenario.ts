import { quantitySchema } from "../quantities/quantity-schema.ts";
import { quantityMean } from "../quantities/quantity-mean.ts";
import { WEEKS_PER_YEAR } from "../costs/lines/placements.ts";
import { financialYear } from "../quantities/money.ts";
import { BUDGET_RULE_DEFAULTS, DEFAULTS_PRICE_YEAR, DRIVER_DEFAULTS, FLOW_DEFAULTS, LOCAL_OVERSPEND_SD, NATIONAL_RATIOS, PLACEMENT_DEFAULTS, TRUST_DEFAULTS, WORKFORCE_DEFAULTS } from "./national-defaults.ts";
import { nationalOverspendShare } from "./national-overspend-share.ts";

/** What a finance director knows about their council, for `trustsim init`. */
export interface CouncilFacts {
  id: string;
  area: string;
  /** Calendar year the first financial year starts (2025 = 2025-26). */
  startYear: number;
  years?: number;
  /** The service's budget (or trust contract sum) in the first year, GBP; absent (not published): expected spend less the national average overspend. */
  budget?: number;
  /** Children looked after at the start: a total (split by the national mix) or a count by placement type; absent: estimated from the budget by national ratios. */
  childrenLookedAfter?: number | Record<string, number>;
  /** Staff FTE the workforce line covers (all staff, or social workers only: say which in `staffNote`); absent: estimated from the budget. */
  staffFte?: number;
  /** Agency share of those FTE, 0 to 1. */
  agencyShare: number;
  staffNote?: string;
  /** "trust": the service runs through a trust (with an in-house counterfactual); "in-house": the council runs it (with a trust to compare). */
  model?: "trust" | "in-house";
  /** Known budgets for later years (a published contract sum), GBP, from the second year. */
  laterBudgets?: Record<number, number>;
  seed?: string;
  /** Write children as stocks and flows at national defaults (default: children x a demand driver). */
  flows?: boolean;
}

/** A scenario for a council from its own facts and national defaults, and what was balanced. */
export interface InitialScenario {
  scenario: Record<string, unknown>;
  /** The labelled balancing item: other spend, and how it was computed. */
  balancing: { otherSpend: number; sd: number; nationalShare: number; expectedPlacements: number; expectedWorkforce: number; records: string };
}

/**
 * Writes a scenario for a council (issue 11: a new area in minutes). Placement types follow the
 * national mix unless given; unit costs, growth drivers, pay and the budget rules are national
 * defaults with their sources; other spend is a labelled balancing item computed for this
 * council's own first-year budget: budget x (1 + the national average overspend share of the year
 * before) less expected placements and staff, uncertain by the spread of councils' overspends.
 * No figure from another council carries over.
 */
export function initScenario(facts: CouncilFacts): InitialScenario {
  const years = facts.years ?? 10;
  const mean = (q: unknown) => quantityMean(quantitySchema.parse(q));
  // National prices are stated at 2023-24; a scenario starting another year moves them by the defaults' mean growth.
  const shift = facts.startYear - DEFAULTS_PRICE_YEAR;
  const priced = (q: { dist: string; min: number; mode: number; max: number; source?: string }, growth: number) => {
    const f = (1 + growth) ** shift;
    const round = (x: number) => Math.round(x * f);
    return shift === 0 ? q : { ...q, min: round(q.min), mode: round(q.mode), max: round(q.max), note: `${DEFAULTS_PRICE_YEAR}-24 range moved to ${financialYear(facts.startYear)} prices at ${(growth * 100).toFixed(1)}% a year` };
  };
  const ratioPrices = (1 + mean(PLACEMENT_DEFAULTS.residential.unitCostGrowth) * 0.5) ** (facts.startYear - NATIONAL_RATIOS.ratioYear);
  const estimatedChildren = Math.round(((facts.budget ?? 0) * NATIONAL_RATIOS.placementShareOfSpend) / (NATIONAL_RATIOS.placementSpendPerChild * ratioPrices));
  const childrenGiven = facts.childrenLookedAfter;
  const total = childrenGiven ?? estimatedChildren;
  const types = Object.keys(PLACEMENT_DEFAULTS) as (keyof typeof PLACEMENT_DEFAULTS)[];
  const counts: Record<string, number> =
    typeof total === "number" ? Object.fromEntries(types.map((t) => [t, Math.round(PLACEMENT_DEFAULTS[t].mix * total)])) : total;
  const placements = Object.fromEntries(
    Object.entries(counts).map(([type, children]) => {
      const d = PLACEMENT_DEFAULTS[type as keyof typeof PLACEMENT_DEFAULTS] ?? PLACEMENT_DEFAULTS["supported-accommodation"];
      const note =
        childrenGiven === undefined
          ? `estimate: ${(d.mix * 100).toFixed(1)}% of ${total} children, from the budget by national ratios (${NATIONAL_RATIOS.source})`
          : typeof childrenGiven === "number"
            ? `${(d.mix * 100).toFixed(1)}% of ${childrenGiven} children looked after (national mix)`
            : "council figure";
      return [type, { children: { dist: "constant", value: children, source: d.mixSource, note }, weeklyUnitCost: priced(d.weeklyUnitCost, mean(d.unitCostGrowth)), unitCostGrowth: d.unitCostGrowth }];
    }),
  );
  const expectedPlacements = Object.values(placements).reduce((s, p) => s + mean(p.children) * mean(p.weeklyUnitCost) * WEEKS_PER_YEAR, 0);
  const payRange = priced({ ...WORKFORCE_DEFAULTS.permanentCostPerFte, source: "assumption" }, mean(DRIVER_DEFAULTS.payInflation));
  const pay = mean(payRange);
  const premium = mean(WORKFORCE_DEFAULTS.agencyPremium);
  const perFte = pay * (1 - facts.agencyShare + (1 + premium) * facts.agencyShare);
  const staffFte = facts.staffFte ?? Math.round(((facts.budget ?? 0) * (1 - NATIONAL_RATIOS.placementShareOfSpend) * NATIONAL_RATIOS.staffShareOfOtherSpend) / perFte);
  const expectedWorkforce = staffFte * perFte;
  const national = nationalOverspendShare(facts.startYear - 1);
  const budgetGiven = facts.budget;
  const budget = budgetGiven ?? Math.round(expectedPlacements / NATIONAL_RATIOS.placementShareOfSpend / (1 + national.share));
  const otherSpend = Math.max(0, Math.round(budget * (1 + national.share) - expectedPlacements - expectedWorkforce));
  const sd = Math.round(LOCAL_OVERSPEND_SD * budget);
  const known = Object.entries(facts.laterBudgets ?? {}).map(([year, amount]) => ({ year: Number(year), amount }));
  const model = facts.model ?? "trust";
  const trust = { id: "trust", label: "Children's trust", kind: "trust", ...TRUST_DEFAULTS };
  const inHouse = { id: "in-house", label: model === "trust" ? "Council runs the service (counterfactual)" : "Council runs the service", kind: "in-house" };
  const scenario = {
    id: facts.id,
    title: `${facts.area}: ${model === "trust" ? "children's trust against the council running the service" : "in-house against a children's trust"}, ${financialYear(facts.startYear)} to ${financialYear(facts.startYear + years - 1)}`,
    area: facts.area,
    startYear: facts.startYear,
    years,
    priceBase: { basis: "nominal", baseYear: facts.startYear },
    discountRate: 0.035,
    simulation: { iterations: 10000, seed: facts.seed ?? `${facts.id}-${facts.startYear}` },
    baseline: {
      generalInflation: DRIVER_DEFAULTS.generalInflation,
      // With flows the entry rate carries the demand shocks (FLOW_DEFAULTS): a growth rate beside it would be read by nothing.
      ...(facts.flows ? {} : { childrenGrowth: DRIVER_DEFAULTS.childrenGrowth }),
      placements,
      // Flows are opt-in for a new council (init --flows); the case scenarios all use them (scripts/case-scenarios.ts).
      ...(facts.flows ? { flows: nationalFlows(Object.fromEntries(Object.entries(placements).map(([t, p]) => [t, mean(p.children)]))) } : {}),
      workforce: {
        fte: {
          dist: "constant", value: staffFte,
          note: facts.staffFte === undefined ? "assumption: half the non-placement budget is staff pay (no staff count given)" : (facts.staffNote ?? "council figure: staff FTE"),
        },
        permanentCostPerFte: { ...payRange, source: undefined, note: `${WORKFORCE_DEFAULTS.permanentCostPerFte.note}${shift === 0 ? "" : `; moved to ${financialYear(facts.startYear)} pay`}` },
        agencyShare: { dist: "constant", value: facts.agencyShare, note: "council figure" },
        agencyPremium: WORKFORCE_DEFAULTS.agencyPremium,
        payInflation: DRIVER_DEFAULTS.payInflation,
      },
      otherSpend: {
        dist: "normal", mean: otherSpend, sd, min: 0, balancing: true, source: national.records,
        note:
          `balancing item for this council's own budget: ${financialYear(facts.startYear)} budget x (1 + national average overspend ` +
          `${(national.share * 100).toFixed(1)}%) less expected placements and staff; sd ${(LOCAL_OVERSPEND_SD * 100).toFixed(0)}% of budget, ` +
          "the spread of councils' overspends around the national average",
      },
      budget: {
        amount: budgetGiven ?? { dist: "constant", value: budget, note: "assumption: no budget published; expected first-year spend (placements over their national share of spend) less the national average overspend" },
        ...(known.length > 0 ? { known } : {}),
        uplift: BUDGET_RULE_DEFAULTS.uplift,
        rebase: BUDGET_RULE_DEFAULTS.rebase,
        managementAction: BUDGET_RULE_DEFAULTS.managementAction,
      },
    },
    options: model === "trust" ? [trust, inHouse] : [inHouse, trust],
  };
  return { scenario, balancing: { otherSpend, sd, nationalShare: national.share, expectedPlacements, expectedWorkforce, records: national.records } };
}

/**
 * The national flow defaults for the scenario's placement types (types without a default: the
 * residential rates), with the entry mix that holds the opening placement mix at the rates' means.
 */
function nationalFlows(children: Record<string, number>): Record<string, unknown> {
  const types = Object.keys(children);
  const exitRate = Object.fromEntries(types.map((t) => [t, FLOW_DEFAULTS.exitRate[t] ?? FLOW_DEFAULTS.exitRate.residential]));
  const moves = FLOW_DEFAULTS.moves.filter((m) => types.includes(m.from) && types.includes(m.to));
  const entryMix = stationaryEntryMix(children, exitRate, moves);
  return { entries: FLOW_DEFAULTS.entries, entryMix, exitRate, moves, shareOfExitsAt18: FLOW_DEFAULTS.shareOfExitsAt18 };
}

/**
 * Shares of entries by placement type such that, at the rates' means, every type grows at the same
 * rate and the placement mix holds: entries into a type replace its exits and the moves out of it
 * beyond its share of growth, less the moves in (mix_p = s_p (g + exit_p + out_p) - in_p, over the
 * entry rate; g = entry rate - mean exit rate). With entries in the opening mix, the default
 * step-downs alone moved children out of residential care every year, so a scenario's placements
 * drifted cheaper although nationally the residential share rose (reference figures: children in
 * children's homes +10% 2020-24 against +4% in all). The entries then stand for what the model has
 * no moves for (step-ups after a placement breaks down). Types whose share would be negative get none.
 */
export function stationaryEntryMix(
  children: Record<string, number>,
  exitRate: Record<string, unknown>,
  moves: readonly { from: string; to: string; rate: unknown }[],
): Record<string, number> {
  const mean = (q: unknown) => quantityMean(quantitySchema.parse(q));
  const types = Object.keys(children);
  const total = types.reduce((sum, t) => sum + children[t], 0);
  const share = Object.fromEntries(types.map((t) => [t, total > 0 ? children[t] / total : 1 / types.length]));
  const entry = mean(FLOW_DEFAULTS.entries.ratePerChild);
  const exits = Object.fromEntries(types.map((t) => [t, mean(exitRate[t])]));
  const growth = entry - types.reduce((sum, t) => sum + share[t] * exits[t], 0);
  const raw = types.map((t) => {
    const out = moves.filter((m) => m.from === t).reduce((sum, m) => sum + mean(m.rate), 0);
    const into = moves.filter((m) => m.to === t).reduce((sum, m) => sum + mean(m.rate) * share[m.from], 0);
    return Math.max(0, share[t] * (growth + exits[t] + out) - into);
  });
  const sum = raw.reduce((a, b) => a + b, 0);
  return Object.fromEntries(types.map((t, k) => [t, Number((raw[k] / sum).toFixed(4))]));
}
