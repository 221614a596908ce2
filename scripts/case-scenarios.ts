/**
 * Writes the case scenarios' baselines from `initScenario` (each council's own first-year facts,
 * national defaults for the rest, other spend as a labelled balancing item), keeping each existing
 * case's options, contingency plans and description, and listing its published outturns as
 * evidence. Run: npx tsx scripts/case-scenarios.ts. Nothing here is tuned to an outturn: the
 * facts below are budgets, staff and children, and where a figure is not published it says so.
 */
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { parse, stringify } from "yaml";
import { initScenario, parseScenario, type CouncilFacts } from "../src/model/index.ts";
import { bradfordRecoveryOption } from "./bradford-recovery-plan.ts";

interface Case {
  facts: CouncilFacts;
  title?: string;
  header: string[];
  evidence: { record: string; option?: string; year: number; output?: string; negate?: boolean }[];
  targets?: unknown[];
  /** Rewrites the old file's options (keeps them as they are when absent). */
  options?: (old: Record<string, unknown>[]) => Record<string, unknown>[];
}

/**
 * Children as stocks and flows at national defaults (issue 12): the entry rate carries the demand
 * shocks the national series conditions, and the entry mix holds the placement mix at the rates'
 * means (init-scenario.ts, stationaryEntryMix). Every case is written with flows, one model for all:
 * choosing case by case from the backtest would tune the cases to the years they forecast.
 * CASE_FLOWS=0 writes them on the demand driver instead (Bradford keeps flows: its recovery plan acts
 * on them), for the comparison in the README.
 */
const FLOWS = process.env.CASE_FLOWS !== "0";

const dir = join(import.meta.dirname, "..", "scenarios");

const CASES: Record<string, Case> = {
  bradford: {
    facts: { id: "bradford", area: "City of Bradford Metropolitan District Council", startYear: 2023, budget: 174_000_000, childrenLookedAfter: 1650, staffFte: 1500, agencyShare: 0.22, staffNote: "seeds/bradford-staff: about 1,500 staff transferred", seed: "bradford-2023", flows: true },
    header: [
      "Bradford Children and Families Trust, live from April 2023, against the council keeping the service.",
      "Facts: the 174.0m net budget (seeds/bradford-2023-24-net-budget), about 1,500 staff (seeds/bradford-staff);",
      "1,650 children looked after and a 22% agency share are assumptions (Bradford's rate is among England's highest;",
      "its council agency spend rose from 4.25m to 29.81m in five years, seeds/bradford-2022-23-council-agency-spend).",
      "Evidence: the 42.3m first-year overspend; `run` conditions on it and forecasts 2024-25 onwards.",
      "Children as flows; the recovery plan as mechanisms (scripts/bradford-recovery-plan.ts, from its published description).",
    ],
    evidence: [{ record: "bradford-2023-24-overspend", option: "trust", year: 2023 }],
    options: (old) => old.map((o) => (o.id === "trust-recovery" ? bradfordRecoveryOption(o) : o)),
  },
  sandwell: {
    facts: { id: "sandwell", area: "Sandwell Metropolitan Borough Council (Sandwell Children's Trust)", startYear: 2018, budget: 58_000_000, childrenLookedAfter: 778, staffFte: 550, agencyShare: 0.16, staffNote: "seeds/sandwell-2018-19-staff", seed: "sandwell-2018" },
    header: [
      "Sandwell Children's Trust from April 2018: a 58m first-year allocation (seeds/sandwell-2018-19-budget), 550 staff",
      "(seeds/sandwell-2018-19-staff) and 778 children looked after at the start (seeds/sandwell-2018-19-children-looked-after-start).",
      "Agency share 16% is the national figure (assumption). Evidence: the 6.9m first-year overspend (outturn) and the",
      "2.3m forecast for 2019-20 (in-year).",
    ],
    evidence: [
      { record: "sandwell-2018-19-overspend", year: 2018 },
      { record: "sandwell-2019-20-overspend-forecast", year: 2019 },
    ],
  },
  northamptonshire: {
    facts: { id: "northamptonshire", area: "North and West Northamptonshire (Northamptonshire Children's Trust)", startYear: 2022, budget: 130_000_000, agencyShare: 0.18, laterBudgets: { 2023: 143_000_000 }, seed: "northamptonshire-2022" },
    header: [
      "Northamptonshire Children's Trust from 2022-23: contract 130m (seeds/northamptonshire-2022-23-budget), 143m in 2023-24",
      "(seeds/northamptonshire-2023-24-budget, set before that year). Children and staff are not published in the reference",
      "figures: estimated from the budget by national ratios. Agency share 18% (national, seeds/national-2022-23-agency-share).",
      "Evidence: 20.9m over in 2022-23 and 19.6m forecast for 2025-26 (both in-year figures).",
    ],
    evidence: [
      { record: "northamptonshire-2022-23-overspend", year: 2022 },
      { record: "northamptonshire-2025-26-overspend", year: 2025 },
    ],
  },
  reading: {
    facts: { id: "reading", area: "Reading Borough Council (Brighter Futures for Children)", startYear: 2021, budget: 47_400_000, agencyShare: 0.18, laterBudgets: { 2022: 47_800_000, 2023: 44_900_000 }, seed: "reading-2021" },
    header: [
      "Brighter Futures for Children (Reading) from 2021-22: contracts 47.4m, 47.8m and 44.9m (seeds/reading-2021-22-contract,",
      "seeds/reading-2022-23-contract, seeds/reading-2023-24-contract), each set before its year. Children and staff are",
      "estimated from the budget by national ratios. Evidence: an overspend above 1.7m in 2022-23 (a lower bound) and 9.2m",
      "in 2023-24 (in-year).",
    ],
    evidence: [
      { record: "reading-2022-23-overspend", year: 2022 },
      { record: "reading-2023-24-overspend", year: 2023 },
    ],
  },
  sunderland: {
    facts: { id: "sunderland", area: "Sunderland City Council (Together for Children)", startYear: 2017, childrenLookedAfter: 534, staffFte: 828, agencyShare: 0.16, staffNote: "seeds/sunderland-2017-18-staff", seed: "sunderland-2017" } as CouncilFacts,
    header: [
      "Together for Children (Sunderland) from April 2017: 828 staff (seeds/sunderland-2017-18-staff) and 534 children",
      "looked after (seeds/sunderland-2017-18-children-looked-after-start). No contract sum is published: the budget is an",
      "estimate (expected first-year spend less the national average overspend), so only levels can be checked.",
      "Evidence: the 8m year-end deficit of 2017-18 and the 7.6m expected for 2018-19 (in-year).",
    ],
    evidence: [
      { record: "sunderland-2017-18-overspend", year: 2017 },
      { record: "sunderland-2018-19-overspend-forecast", year: 2018 },
    ],
  },
  worcestershire: {
    facts: { id: "worcestershire", area: "Worcestershire County Council (Worcestershire Children First)", startYear: 2019, budget: 123_000_000, staffFte: 942, agencyShare: 0.16, laterBudgets: { 2023: 148_400_000 }, staffNote: "seeds/worcestershire-2023-09-fte, held at the September 2023 figure", seed: "worcestershire-2019" },
    header: [
      "Worcestershire Children First, 2019 to 2024, then back in-house. The 2023-24 budget is published (148.4m,",
      "seeds/worcestershire-2023-24-gross-budget); the 2019-20 contract is not: 123m is an assumption, 148.4m back-cast by",
      "national children's social care spend growth (10.5bn in 2020-21 to 12.1bn in 2023-24). Children estimated from the",
      "budget by national ratios. Evidence: small surpluses 2019-20 to 2021-22, a 7.6m overspend in 2022-23.",
    ],
    evidence: [
      { record: "worcestershire-2019-22-surplus", year: 2019 },
      { record: "worcestershire-2019-22-surplus", year: 2020 },
      { record: "worcestershire-2019-22-surplus", year: 2021 },
      { record: "worcestershire-2022-23-overspend", year: 2022 },
    ],
    targets: [{ seed: "worcestershire-governance-saving", option: "renew-contract", year: 2024, output: "governance" }],
  },
  doncaster: {
    facts: { id: "doncaster", area: "Doncaster Metropolitan Borough Council (Doncaster Children's Services Trust)", startYear: 2014, budget: 41_000_000, childrenLookedAfter: 500, staffFte: 350, agencyShare: 0.16, laterBudgets: { 2017: 46_300_000 }, staffNote: "assumption: all staff", seed: "doncaster-2014" },
    header: [
      "Doncaster Children's Services Trust, 2014 to 2022. The 2017-18 trust budget is published (46.3m,",
      "seeds/doncaster-2017-18-trust-budget); the 2014-15 budget (41m), 500 children and 350 staff are assumptions.",
      "Evidence: the 2.9-3.0m overspend forecast in 2017-18; check: the council's 6.6m top-up in 2018-19.",
    ],
    evidence: [{ record: "doncaster-2017-18-forecast-overspend", year: 2017 }],
    targets: [{ seed: "doncaster-2018-19-council-top-up", option: "trust-run-on", year: 2018, output: "councilTopUp" }],
  },
  slough: {
    facts: { id: "slough", area: "Slough Borough Council (Slough Children's Services Trust)", startYear: 2016, budget: 24_500_000, childrenLookedAfter: 200, staffFte: 270, agencyShare: 0.2, laterBudgets: { 2019: 27_000_000 }, staffNote: "assumption: all staff of a trust of this size", seed: "slough-2016", years: 8 },
    header: [
      "Slough Children's Services Trust from 2015: never balanced its budget, a financial crisis in 2019. The 2019-20 budget",
      "is published (27m, seeds/slough-2019-20-budget); 24.5m in 2016-17, 200 children and 270 staff are assumptions.",
      "Evidence: the 4.3m deficit carried into 2019-20 and the 3.7m projected 2019-20 overspend; check: 22.5m of",
      "overspends over 2016-22.",
    ],
    evidence: [
      { record: "slough-2019-20-existing-deficit", year: 2018, output: "reserves", negate: true },
      { record: "slough-2019-20-overspend", year: 2019 },
    ],
    targets: [{ seed: "slough-2016-22-overspends", option: "trust", year: 2016, toYear: 2021, output: "overspend" }],
  },
};

for (const [id, c] of Object.entries(CASES)) {
  // A case whose facts ask for flows (Bradford: its recovery plan acts on them) always has them.
  const flows = c.facts.flows === true || FLOWS;
  const init = initScenario({ ...c.facts, flows });
  const file = join(dir, `${id}.yaml`);
  const old = existsSync(file) ? parse(readFileSync(file, "utf8")) : null;
  const s = init.scenario as Record<string, any>;
  if (old !== null) {
    s.title = old.title;
    if (old.description) s.description = old.description;
    s.options = c.options ? c.options(old.options) : old.options;
    if (old.contingencyPlans) s.contingencyPlans = old.contingencyPlans;
    if (old.years) s.years = old.years;
    if (old.priceBase) s.priceBase = old.priceBase;
    s.simulation = old.simulation;
  }
  if (c.facts.budget === undefined) s.baseline.budget.amount.note ??= "assumption";
  const trust = (s.options as { id: string; kind: string }[]).find((o) => o.kind === "trust")!.id;
  s.evidence = c.evidence.map((e) => ({ record: e.record, option: e.option ?? trust, year: e.year, output: e.output ?? "overspend", ...(e.negate ? { negate: true } : {}) }));
  if (c.targets) s.targets = c.targets;
  parseScenario(s, id);
  const b = init.balancing;
  const header = [
    "# yaml-language-server: $schema=./scenario.schema.json",
    ...c.header.map((l) => `# ${l}`),
    `# Written by scripts/case-scenarios.ts through \`trustsim init\`: national defaults with sources; other spend is a`,
    `# labelled balancing item for this council's own first-year budget (${(b.nationalShare * 100).toFixed(1)}% national average overspend, not this council's outturn).`,
    "",
  ].join("\n");
  writeFileSync(file, header + stringify(s, { lineWidth: 0, aliasDuplicateObjects: false }));
  console.log(`${id}: other spend ${(b.otherSpend / 1e6).toFixed(1)}m, placements ${(b.expectedPlacements / 1e6).toFixed(1)}m, staff ${(b.expectedWorkforce / 1e6).toFixed(1)}m`);
}
