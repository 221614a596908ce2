import { writeFile } from "node:fs/promises";
import { stringify } from "yaml";
import { initScenario, parseScenario, financialYear } from "../model/index.ts";
import { millions } from "../report/format-money.ts";
import { UsageError } from "./usage-error.ts";

export interface InitFlags {
  id: string;
  area: string;
  startYear: number;
  budget: number;
  children?: string;
  staff?: number;
  agencyShare: number;
  model: "trust" | "in-house";
  years?: number;
  out?: string;
  flows?: boolean;
}

/** "600" or "residential=68,independent-fostering=149,...": a total or counts by placement type. */
function childrenArgument(value: string): number | Record<string, number> {
  if (/^\d+$/.test(value.trim())) return Number(value);
  const pairs = value.split(",").map((p) => p.split("="));
  if (pairs.some((p) => p.length !== 2 || !/^[a-z0-9-]+$/.test(p[0]) || !/^\d+$/.test(p[1]))) {
    throw new UsageError(`--children: expected a total (600) or counts by type (residential=68,kinship=94), got '${value}'`);
  }
  return Object.fromEntries(pairs.map(([k, v]) => [k, Number(v)]));
}

/**
 * `trustsim init`: a scenario for a council from what its finance director knows, national
 * defaults (with sources) for the rest, and other spend as a labelled balancing item.
 */
export async function initCommand(flags: InitFlags): Promise<void> {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(flags.id)) throw new UsageError(`--id: expected lower-case letters, digits and hyphens, got '${flags.id}'`);
  if (!(flags.agencyShare >= 0 && flags.agencyShare <= 1)) throw new UsageError(`--agency-share: expected a share from 0 to 1 (write 0.16 for 16%), got '${flags.agencyShare}'`);
  const init = initScenario({
    id: flags.id,
    area: flags.area,
    startYear: flags.startYear,
    years: flags.years,
    budget: flags.budget,
    childrenLookedAfter: flags.children === undefined ? undefined : childrenArgument(flags.children),
    staffFte: flags.staff,
    agencyShare: flags.agencyShare,
    model: flags.model,
    flows: flags.flows,
  });
  parseScenario(init.scenario, flags.id); // what init writes must validate
  const b = init.balancing;
  const header = [
    "# yaml-language-server: $schema=./scenario.schema.json",
    `# Written by \`trustsim init\` for ${flags.area}: the council's own budget, children looked after and staff;`,
    "# national defaults (each with its seeds/ record or marked as an assumption) for everything else.",
    `# Balancing item: other spend ${millions(b.otherSpend)}m = ${financialYear(flags.startYear)} budget ${millions(flags.budget)}m x (1 + national average`,
    `# overspend ${(b.nationalShare * 100).toFixed(1)}%) - expected placements ${millions(b.expectedPlacements)}m - expected staff ${millions(b.expectedWorkforce)}m.`,
    "# Add the council's published outturns under `evidence:` (records in seeds/) and `run` conditions on them.",
    "",
  ].join("\n");
  const text = header + stringify(init.scenario, { lineWidth: 0 });
  if (flags.out) {
    await writeFile(flags.out, text);
    process.stderr.write(`wrote ${flags.out} (balancing item: other spend GBP ${millions(b.otherSpend)}m)\n`);
  } else process.stdout.write(text);
}
