/**
 * Bradford's recovery plan as mechanisms (issue 12), written from its published description: "investing
 * in early help and kinship care to reduce demand for residential placements; reducing agency staff; on
 * target for savings in 2024-25" (Community Care, autumn 2024, reporting the DfE annual report 2023-24;
 * cases.md [S1]). The description gives no sizes: each size, ramp, delivery cost and chance of
 * under-delivery below is sourced from a seeds/ record or marked `assumption` with its reasoning.
 * "On target for 2024-25" is not used to make delivery more likely: 2024-25 is a year the scenario forecasts.
 */

const PLAN = "Community Care, autumn 2024 (DfE annual report 2023-24)";

/** The chance each mechanism under-delivers and what it then delivers: the national default for savings plans. */
const delivery = {
  underDelivery: {
    dist: "bernoulli", p: 0.5,
    note:
      "assumption: savings plans deliver part of their plan (management action's national default delivers 0.2-0.8, half on average); " +
      "a named mechanism with money behind it: an even chance of falling short",
  },
  deliveredShareIfShort: { dist: "pert", min: 0.2, mode: 0.5, max: 0.8, note: "assumption: as management action's delivery, the share delivered when the plan falls short" },
} as const;

/** The mechanisms, in the plan's own order: early help, kinship care, step-down from residential, fewer agency staff. */
export const BRADFORD_MECHANISMS = [
  {
    id: "early-help",
    kind: "fewer-entries",
    size: {
      dist: "pert", min: 0, mode: 0.05, max: 0.12,
      note: `assumption: entries into care avoided at full effect by early help (${PLAN}: "investing in early help ... to reduce demand"); no size is published: a twentieth of entries most likely, none to an eighth`,
    },
    rampYears: 3,
    deliveryCost: { dist: "pert", min: 500_000, mode: 1_000_000, max: 2_000_000, note: "assumption: early help workers and family support a year, 2023-24 prices (half the 1-4m of extra support the plan was first given)" },
    ...delivery,
  },
  {
    id: "kinship-care",
    kind: "more-kinship",
    from: ["residential", "independent-fostering"],
    to: "kinship",
    size: {
      dist: "pert", min: 0, mode: 0.03, max: 0.06,
      note: `assumption: extra share of children in residential and agency fostering moving to kinship care a year at full effect (${PLAN}: "kinship care to reduce demand for residential placements"); three times the national assumption of 0.01 a year from agency fostering`,
    },
    rampYears: 3,
    deliveryCost: { dist: "pert", min: 300_000, mode: 750_000, max: 1_500_000, note: "assumption: kinship assessments and support workers a year, 2023-24 prices (allowances are in the kinship placement cost)" },
    ...delivery,
  },
  {
    id: "step-down",
    kind: "faster-step-down",
    from: ["residential"],
    to: "in-house-fostering",
    size: {
      dist: "pert", min: 0, mode: 0.08, max: 0.15,
      source: "seeds/bradford-2023-24-residential-overspend, seeds/bradford-2023-24-residential-cost-per-child",
      note:
        "extra share of residential children stepping down to council fostering a year at full effect. The 32.8m residential overspend at about " +
        "312,000 a child is about 105 placements beyond the budget; 0.08 a year on about 190 residential children moves about 15 a year, " +
        "so the plan closes a fraction of that gap (0.15: about 28 a year); the sizes are assumptions",
    },
    rampYears: 3,
    deliveryCost: { dist: "pert", min: 200_000, mode: 500_000, max: 1_000_000, note: "assumption: a step-down team and foster carer recruitment a year, 2023-24 prices" },
    ...delivery,
  },
  {
    id: "fewer-agency-staff",
    kind: "fewer-agency-staff",
    size: {
      dist: "pert", min: 0, mode: 0.05, max: 0.1,
      source: "seeds/agency-share-national-2023, seeds/national-2024-25-agency-fte, seeds/bradford-2023-24-agency-overspend",
      note:
        `fall in the agency share at full effect (${PLAN}: "reducing agency staff"): from the assumed 22% to about the national 17.8% is 4-5 points; ` +
        "agency FTE fell 9% nationally in 2024; 5.5m of the first-year overspend was agency staffing; up to 10 points",
    },
    rampYears: 3,
    deliveryCost: { dist: "pert", min: 200_000, mode: 500_000, max: 1_000_000, note: "assumption: recruitment and retention payments for permanent social workers a year, 2023-24 prices" },
    ...delivery,
  },
] as const;

/** Bradford's `trust-recovery` option: the trust's own costs (drawn as the trust) with the plan as mechanisms in place of a placement cost factor. */
export function bradfordRecoveryOption(old: Record<string, unknown>): Record<string, unknown> {
  const { effects: _effects, overheads, recovery: _recovery, ...rest } = old as { effects?: unknown; overheads?: Record<string, unknown>; recovery?: unknown };
  const { supportServices: _support, ...ownOverheads } = overheads ?? {};
  return {
    ...rest,
    label: "Children's trust with its recovery plan (early help, kinship care, step-down, fewer agency staff)",
    overheads: ownOverheads,
    recovery: { mechanisms: BRADFORD_MECHANISMS },
  };
}
