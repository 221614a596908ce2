/**
 * Writes scenarios/under-direction.yaml: a council under a DfE statutory direction choosing between
 * setting up a new children's trust and an improvement partner (a strong council's leadership
 * alongside, no new company), the DfE's "more cost-effective alternative" (cases.md [S1]). The
 * baseline is `trustsim init`'s national defaults for an illustrative council; the options' figures
 * cite seeds/ or say they are assumptions. Run: npx tsx scripts/direction-scenario.ts
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";
import { initScenario, parseScenario } from "../src/model/index.ts";
import { TRUST_DEFAULTS } from "../src/model/forecast/national-defaults.ts";

const init = initScenario({
  id: "under-direction",
  area: "A council under a DfE statutory direction (illustrative: a mid-sized council, 100m budget, 600 children looked after)",
  startYear: 2025,
  budget: 100_000_000,
  childrenLookedAfter: 600,
  staffFte: 250,
  agencyShare: 0.25,
  staffNote: "assumption: social workers and practice staff of a council this size",
  model: "in-house",
  seed: "under-direction-2025",
});
const s = init.scenario as Record<string, any>;
s.title = "A council under a DfE direction: a new children's trust or an improvement partner, 2025-26 to 2034-35 (national defaults, not calibrated)";
s.illustrative = true;
s.description =
  "Ofsted has judged the council's children's services inadequate and the DfE has directed it to improve. Two ways: set up a " +
  "children's trust (a new company: set-up cost, 12-24 months to go live, VAT it cannot recover, a board, a client team), or an " +
  "improvement partner (a strong council's leadership alongside, as Leeds with Kirklees and Hampshire with the Isle of Wight; no new " +
  "company, a fee part funded by the DfE). Both improve practice by an uncertain amount; the trust's improvement starts at go-live.";
s.baseline.workforce.agencyShare = {
  dist: "pert", min: 0.18, mode: 0.25, max: 0.4, source: "seeds/agency-share-struggling-councils",
  note: "assumption: above the national 16-18% (seeds/agency-share-range), below the 48% seen in struggling councils",
};

// The improvement each model brings: the same distribution for both, drawn independently (nothing
// says one model's improvement predicts the other's), because no published evidence says one improves
// practice faster (cases.md: the Isle of Wight went inadequate to good under Hampshire; Sunderland's
// trust inadequate to outstanding). The trust's starts at go-live. (drawsAs would not share effects:
// it covers an option's line inputs only.)
const effects = {
  agencyShareChange: { dist: "pert", min: -0.08, mode: -0.03, max: 0.01, note: "assumption: fewer agency staff as practice stabilises; could go either way" },
  placementCostFactor: { dist: "pert", min: 0.94, mode: 0.98, max: 1.02, note: "assumption: better sufficiency and step-down; uncertain, could be none" },
  rampYears: 3,
};
const goLive = 2027;
s.options = [
  {
    id: "improvement-partner",
    label: "Improvement partner: a strong council's leadership alongside, no new company",
    kind: "in-house",
    description: "The council keeps the service (and recovers its VAT); a partner council's leaders work alongside for three years, the DfE paying part of their fee.",
    improvementPartner: {
      fee: {
        dist: "pert", min: 600000, mode: 1000000, max: 1640000, source: "seeds/isle-of-wight-partnership-fee",
        note: "assumption: leadership alongside costs less than Hampshire's 1.64m a year for running the Isle of Wight's service outright (the upper bound); no Leeds-Kirklees fee is published (seeds/kirklees-leeds-partnership)",
      },
      years: 3,
      dfeFundedShare: { dist: "uniform", min: 0.3, max: 0.8, note: "assumption: the DfE funds improvement partners in part; no published share (it met 2.5-3.3m of trusts' set-up, seeds/dfe-setup-doncaster)" },
    },
    effects,
  },
  {
    id: "new-trust",
    label: `New children's trust: set up under the direction, live from ${goLive}-${String(goLive + 1).slice(2)}`,
    kind: "in-house",
    description: "The council runs the service while the company is set up (18 months, the likely figure: live April 2027), then the trust's terms apply.",
    setup: {
      cost: { dist: "pert", min: 2500000, mode: 4600000, max: 9000000, source: "seeds/setup-cost-range" },
      spreadYears: 2,
      dfeFundedShare: { dist: "uniform", min: 0.5, max: 0.8, source: "seeds/dfe-setup-doncaster", note: "assumption: the DfE met 2.5-3.3m of set-up in past cases" },
      optimismBias: { dist: "uniform", min: 0.1, max: 0.41, source: "seeds/green-book-optimism-bias-outsourcing", note: "assumption: between the lower and upper bounds" },
    },
    transfer: { year: goLive, to: "trust", transitionCost: 0 },
  },
  {
    id: "trust",
    label: "Children's trust's terms (as if live from the start: what the new trust moves to at go-live)",
    kind: "trust",
    ...TRUST_DEFAULTS,
    effects,
  },
];
parseScenario(s, "under-direction");
const header = [
  "# yaml-language-server: $schema=./scenario.schema.json",
  "# A council under a DfE direction: a new trust against an improvement partner (the DfE's 'more cost-effective",
  "# alternative to trusts', cases.md [S1]). Written by scripts/direction-scenario.ts through `trustsim init`'s national",
  "# defaults; every option figure cites seeds/ or is marked an assumption. Go-live: the likely 18 months of",
  `# seeds/trust-go-live-months-range, so the new trust takes the trust's terms from ${goLive}-${String(goLive + 1).slice(2)} (a transfer needs a whole year).`,
  `# Other spend is a labelled balancing item for the 100m budget (${(init.balancing.nationalShare * 100).toFixed(1)}% national average overspend).`,
  "",
].join("\n");
writeFileSync(join(import.meta.dirname, "..", "scenarios", "under-direction.yaml"), header + stringify(s, { lineWidth: 0 }));
console.log(`under-direction: other spend ${(init.balancing.otherSpend / 1e6).toFixed(1)}m, placements ${(init.balancing.expectedPlacements / 1e6).toFixed(1)}m, staff ${(init.balancing.expectedWorkforce / 1e6).toFixed(1)}m`);
