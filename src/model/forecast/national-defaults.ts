/** The financial year (by its starting calendar year) the unit-cost and pay ranges are stated in. */
export const DEFAULTS_PRICE_YEAR = 2023;

/**
 * National ratios for a council that cannot give its own children or staff counts: placements were
 * 4.7bn of 12.2bn children's social care spend in 2022-23 (seeds/national-2022-23-placement-spend,
 * seeds/national-2022-23-csc-spend), about GBP 56,000 a child looked after (4.7bn over 83,760,
 * seeds/national-2022-23-children-looked-after), at 2022-23 prices.
 */
export const NATIONAL_RATIOS = {
  placementShareOfSpend: 4.7 / 12.2,
  placementSpendPerChild: 4.7e9 / 83760,
  /** Assumption: about half of the rest is staff pay. */
  staffShareOfOtherSpend: 0.5,
  ratioYear: 2022,
  source: "seeds/national-2022-23-placement-spend, seeds/national-2022-23-csc-spend, seeds/national-2022-23-children-looked-after",
} as const;

/**
 * National defaults for a council's scenario (`trustsim init`): every number with the seeds/
 * record it comes from, or marked as an assumption. Nothing here comes from one council.
 */
export const PLACEMENT_DEFAULTS = {
  residential: {
    mix: 0.114,
    mixSource: "seeds/placement-mix-residential",
    weeklyUnitCost: { dist: "pert", min: 4600, mode: 6100, max: 10000, source: "seeds/residential-weekly-range" },
    unitCostGrowth: {
      dist: "driver", family: "placement-prices", mean: 0.09, localSd: 0.03, source: "seeds/residential-real-growth-range",
      note: "7% a year real (NAO 2019-24) plus 2% inflation; national price shock plus a local one",
    },
  },
  "independent-fostering": {
    mix: 0.248,
    mixSource: "seeds/placement-mix-ifa",
    weeklyUnitCost: { dist: "pert", min: 750, mode: 820, max: 970, source: "seeds/ifa-weekly-range" },
    unitCostGrowth: { dist: "driver", family: "placement-prices", nationalLoading: 0.5, mean: 0.045, localSd: 0.015, note: "assumption: inflation plus about 2%, half the national price shock" },
  },
  "in-house-fostering": {
    mix: 0.279,
    mixSource: "seeds/placement-mix-in-house-fostering",
    weeklyUnitCost: { dist: "pert", min: 450, mode: 600, max: 750, source: "seeds/council-fostering-weekly-range" },
    unitCostGrowth: {
      dist: "driver", family: "placement-prices", nationalLoading: 0.5, mean: 0.045, localSd: 0.015, source: "seeds/fostering-allowance-uplift-2023-24",
      note: "allowances rose 3.6-12.4% a year 2023-26",
    },
  },
  kinship: {
    mix: 0.156,
    mixSource: "seeds/placement-mix-kinship",
    weeklyUnitCost: { dist: "pert", min: 0, mode: 190, max: 300, source: "seeds/kinship-weekly-range" },
    unitCostGrowth: { dist: "driver", family: "placement-prices", nationalLoading: 0.3, mean: 0.04, localSd: 0.01, note: "assumption: allowances follow fostering" },
  },
  "supported-accommodation": {
    mix: 0.098,
    mixSource: "seeds/placement-mix-supported",
    weeklyUnitCost: { dist: "pert", min: 600, mode: 1200, max: 3300, source: "seeds/supported-accommodation-weekly-range" },
    unitCostGrowth: { dist: "driver", family: "placement-prices", nationalLoading: 0.7, mean: 0.05, localSd: 0.02, note: "assumption" },
  },
} as const;

/** The yearly drivers every council shares the national part of. */
export const DRIVER_DEFAULTS = {
  generalInflation: { dist: "driver", family: "general-inflation", mean: 0.025, localSd: 0, source: "seeds/general-inflation-target", note: "2% target plus the national shock" },
  childrenGrowth: {
    dist: "driver", family: "demand", mean: 0.01, localSd: 0.04, localPersistence: 0.5, source: "seeds/cla-growth-range",
    note: "national -2% to +3% a year; local jumps as at Sandwell (+16% in 2018-19) and Reading (+14% in nine months, seeds/reading-2023-24-children-looked-after-growth)",
  },
  payInflation: { dist: "driver", family: "pay", mean: 0.035, localSd: 0.01, note: "assumption: pay awards, with the national pay shock" },
} as const;

export const WORKFORCE_DEFAULTS = {
  permanentCostPerFte: { dist: "triangular", min: 42000, mode: 46000, max: 52000, note: "assumption: all staff, salary plus on-costs, 2023-24 prices" },
  agencyPremium: { dist: "pert", min: 0.25, mode: 0.4, max: 1.0, source: "seeds/agency-premium-range" },
} as const;

/**
 * Budget rules from what councils did: rebasing after overspends (Northamptonshire 130m to 143m
 * after 20.9m, of which about 8m beyond the usual uplift; Sunderland +4m after 8m), and savings
 * programmes that deliver part of their plan (Sandwell: 0.6m planned for 2019-20 rising to 7.3m).
 */
export const BUDGET_RULE_DEFAULTS = {
  uplift: { dist: "pert", min: 0.02, mode: 0.035, max: 0.06, per: "year", note: "assumption: yearly uplift before rebasing" },
  rebase: {
    share: {
      dist: "pert", min: 0, mode: 0.4, max: 0.7,
      source: "seeds/northamptonshire-2023-24-budget, seeds/sunderland-2018-19-contract-addition, seeds/reading-2023-24-contract",
      note:
        "Northamptonshire's contract rose 13m after a 20.9m overspend, about 8m beyond a 3.5% uplift (0.4); Sunderland added 4m " +
        "after 8m (0.5); Reading's contract fell after an overspend (below 0)",
    },
    lag: 1,
  },
  managementAction: {
    trigger: 0.05,
    years: 1,
    savingsShare: { dist: "pert", min: 0.005, mode: 0.015, max: 0.03, source: "seeds/sandwell-2019-20-savings-plan", note: "savings planned a year, share of spend" },
    delivery: { dist: "pert", min: 0.2, mode: 0.5, max: 0.8, note: "assumption: plans under-deliver" },
    maxShare: 0.08,
  },
} as const;

/** The trust's own costs (from the template's evidence). */
export const TRUST_DEFAULTS = {
  vat: {
    vatableShare: { dist: "uniform", min: 0.08, max: 0.15, note: "assumption: agency, IT, property and fees" },
    irrecoverableShare: { dist: "pert", min: 0.5, mode: 0.85, max: 1.0, source: "seeds/vat-share-of-contract-range", note: "exempt welfare supply" },
  },
  overheads: {
    governance: { dist: "pert", min: 200000, mode: 500000, max: 1000000, source: "seeds/trust-governance-range" },
    clientSide: { dist: "pert", min: 150000, mode: 300000, max: 500000, note: "assumption: council client team" },
  },
} as const;

/**
 * Spread of a council's first-year overspend around the national average, as a share of budget:
 * trusts' first years ran from 7% (Doncaster) to 24% (Bradford) against national averages of
 * 10-14% (reference figures), a spread of about 6 points.
 */
export const LOCAL_OVERSPEND_SD = 0.06;

/**
 * Children as flows (issue 12), national rates: 33,050 children started and 33,620 ceased to be
 * looked after in 2023-24 against 83,760 looked after on 31 March 2023 (0.395 and 0.401 a child a
 * year); about 33,000 started in 2022-23 against 82,090 (0.402). Rates by type and moves are
 * assumptions: no national figure splits ceasings by placement or counts step-downs.
 */
export const FLOW_DEFAULTS = {
  entries: {
    // A driver, as childrenGrowth is: the national demand shock (conditioned on the DfE's 31 March
    // counts) and a local one move the entry rate, so a year's growth in children moves one for one
    // with them; exits at their own rates. Mean 0.40: with exits at about 0.39 the stock grows about
    // 1% a year, the demand driver's mean (seeds/cla-growth-range).
    ratePerChild: {
      dist: "driver", family: "demand", mean: 0.4, localSd: 0.04, localPersistence: 0.5,
      source: "seeds/national-2023-24-children-starting-care, seeds/national-2022-23-children-starting-care, seeds/national-2022-23-children-looked-after, seeds/cla-growth-range",
      note:
        "starts a year over the stock at the start of the year: 33,050 / 83,760 (2023-24), 33,000 / 82,090 (2022-23); the national demand shock " +
        "and a local one as childrenGrowth (local jumps as at Sandwell and Reading)",
    },
  },
  exitRate: Object.fromEntries(
    (["residential", "independent-fostering", "in-house-fostering", "kinship", "supported-accommodation"] as const).map((t) => [
      t,
      {
        dist: "pert", min: 0.36, mode: 0.39, max: 0.43,
        source: "seeds/national-2023-24-children-ceasing-care, seeds/national-2022-23-children-looked-after, seeds/national-2018-19-children-looked-after",
        note:
          "ceasings a year over the stock: 33,620 / 83,760 = 0.401 in 2023-24, a year the stock fell; the stock grew 1.7% a year 2019-23 " +
          "(78,140 to 83,760), so ceasings then ran below starts: mode 0.39, range spanning both; assumption: the same rate in every placement type",
      },
    ]),
  ),
  moves: [
    { from: "residential", to: "in-house-fostering", rate: { dist: "pert", min: 0, mode: 0.03, max: 0.08, note: "assumption: step-down from children's homes to fostering a year" } },
    { from: "independent-fostering", to: "kinship", rate: { dist: "pert", min: 0, mode: 0.01, max: 0.03, note: "assumption: fostered children moving to kinship care a year" } },
  ],
  shareOfExitsAt18: { dist: "pert", min: 0.25, mode: 0.3, max: 0.35, note: "assumption: young people ceasing care at 18 as a share of all ceasings" },
} as const;
