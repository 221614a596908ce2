import { readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { parseScenarioText } from "../scenario/parse-scenario-text.ts";
import { ScenarioError, problemsFromZod } from "../quantities/scenario-error.ts";
import { loadScenario } from "../inputs/load-scenario.ts";
import { loadEvidence } from "../evidence/load-evidence.ts";
import { portfolioSchema, type Portfolio } from "./portfolio-schema.ts";
import type { LoadedPortfolio } from "./loaded-portfolio.ts";

/** Validates parsed portfolio data (a file or an HTTP body); throws ScenarioError with zod's issues. */
export function parsePortfolio(data: unknown, name = "portfolio"): Portfolio {
  const result = portfolioSchema.safeParse(data);
  if (!result.success) throw new ScenarioError(problemsFromZod(result.error.issues, data), name);
  return result.data;
}

/**
 * Reads a portfolio file, its members' scenarios (paths relative to the file) and the evidence
 * records they cite from `seedsDir`; checks each member's option exists.
 */
export async function loadPortfolio(file: string, seedsDir: string): Promise<LoadedPortfolio> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ScenarioError([{ path: "", message: `cannot read '${file}': ${code === "ENOENT" ? "no such file" : (code ?? "unreadable")}` }], "portfolio file");
  }
  const portfolio = parsePortfolio(parseScenarioText(text, file), file);
  return resolvePortfolio(portfolio, dirname(resolve(file)), seedsDir);
}

/** Resolves a validated portfolio's members against a directory (where relative scenario paths start). */
export async function resolvePortfolio(portfolio: Portfolio, baseDir: string, seedsDir: string): Promise<LoadedPortfolio> {
  const scenarios = await Promise.all(portfolio.members.map((m) => loadScenario(resolve(baseDir, m.scenario))));
  const records = scenarios.some((s) => s.evidence.length > 0) ? await loadEvidence(seedsDir) : new Map();
  const problems = portfolio.members.flatMap((m, i) =>
    scenarios[i].options.some((o) => o.id === m.option) ? [] : [{ path: `members[${i}].option`, message: `scenario '${scenarios[i].id}' has no option '${m.option}'` }],
  );
  const ids = scenarios.map((s) => s.id);
  ids.forEach((id, i) => {
    if (ids.indexOf(id) !== i) problems.push({ path: `members[${i}].scenario`, message: `scenario '${id}' is listed twice` });
  });
  if (problems.length > 0) throw new ScenarioError(problems, portfolio.id);
  return {
    portfolio,
    sources: scenarios.map((scenario, i) => ({
      kind: "scenario" as const,
      scenario,
      option: portfolio.members[i].option,
      records: scenario.evidence.flatMap((e) => (records.has(e.record) ? [records.get(e.record)!] : [])),
    })),
    openingReserves: portfolio.members.map((m) => m.reserves.opening),
  };
}
