import { join } from "node:path";
import { loadPortfolio, parseStress, runPortfolio, type PortfolioReport } from "../model/index.ts";
import { progressBar } from "./progress-bar.ts";
import { REPOSITORY } from "./repository.ts";
import { portfolioExecutor, portfolioWorker, redisUrl } from "./sweep-executor.ts";

export interface PortfolioFlags {
  iterations?: number;
  /** key:pLO-pHI, inputs to hold in a tail (portfolio command only). */
  stress?: string[];
  format: "table" | "json";
  block?: number;
  redis?: string;
}

/** The portfolio the DfE holds: portfolios/dfe-trusts.yaml. */
export const DEFAULT_PORTFOLIO = join(REPOSITORY, "portfolios", "dfe-trusts.yaml");

/** `trustsim portfolio [file]`: the members on shared national futures, failures, plan costs, reserves. */
export async function portfolioCommand(file: string | undefined, flags: PortfolioFlags): Promise<void> {
  const loaded = await loadPortfolio(file ?? DEFAULT_PORTFOLIO, join(REPOSITORY, "seeds"));
  const bar = progressBar(loaded.portfolio.id);
  let report: PortfolioReport;
  try {
    const stress = flags.stress?.map((text, k) => parseStress(text, `--stress[${k}]`));
    report = await runPortfolio(loaded, { iterations: flags.iterations, blockIterations: flags.block, execute: portfolioExecutor(redisUrl(flags.redis)), onProgress: bar.update, stress });
  } finally {
    bar.stop();
  }
  process.stdout.write(flags.format === "json" ? `${JSON.stringify(report, null, 2)}\n` : portfolioTable(report));
}

/** `trustsim sweep-worker`: runs sweep jobs from the Redis at TRUSTSIM_REDIS_URL until SIGINT or SIGTERM. */
export async function sweepWorkerCommand(flags: { redis?: string }): Promise<void> {
  const url = redisUrl(flags.redis);
  if (url === undefined) throw new Error("sweep-worker needs a Redis: set TRUSTSIM_REDIS_URL or pass --redis redis://host:port");
  const worker = portfolioWorker(url);
  await worker.waitUntilReady();
  process.stderr.write(`trustsim sweep-worker: waiting for jobs on ${url}\n`);
  await new Promise<void>((resolve) => {
    const stop = () => void worker.close().then(resolve);
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}

const pct = (p: number) => `${(100 * p).toFixed(1)}%`.padStart(7);
const gbpM = (x: number) => `${(x / 1e6).toFixed(1)}m`.padStart(9);

/** Plain-text tables of a portfolio report. */
export function portfolioTable(r: PortfolioReport): string {
  const lines: string[] = [`${r.portfolio.title} (${r.portfolio.iterations} iterations, seed ${r.portfolio.seed})`];
  if (r.conditioning) lines.push(`Conditioned jointly on all members' evidence: effective ${r.conditioning.effectiveSampleSize} of ${r.conditioning.pool} national futures`);
  lines.push("", "Year     members  failed by: >=1    >=2    >=3   failing in: >=1    >=2    >=3");
  for (const y of r.years) lines.push(`${y.year}  ${String(y.members).padStart(7)}        ${y.failedBy.map(pct).join("")}              ${y.failingIn.map(pct).join("")}`);
  lines.push("", "Member              fails    first  median year  failure rule");
  for (const m of r.members) lines.push(`${m.id.padEnd(18)} ${pct(m.probabilityFails)}  ${pct(m.probabilityFirst)}  ${(m.medianFailureYear ?? "-").padEnd(11)}  ${m.failure}`);
  lines.push("", "Response plan (all failing members)      DfE mean    DfE P90  council mean  council P90");
  for (const p of r.plans) lines.push(`${p.id.padEnd(38)} ${gbpM(p.dfe.mean)}  ${gbpM(p.dfe.p90)}     ${gbpM(p.council.mean)}    ${gbpM(p.council.p90)}`);
  lines.push("", "Reserves sustainability (CIPFA: years of reserves at the year's drawdown), median and band");
  for (const m of r.reserves) lines.push(`${m.member.padEnd(18)} ${m.years.map((y) => `${y.year} ${y.medianYears === null ? "n/a" : y.medianYears.toFixed(1)}`).join("  ")}`);
  if (r.stress) {
    lines.push("", `Stress: ${r.stress.inputs.map((i) => `${i.key} in its P${+(i.lo * 100).toFixed(2)}-P${+(i.hi * 100).toFixed(2)} tail`).join(", ")} (members: ${r.stress.members.join(", ")}), same futures`);
    lines.push("Plan public cost (DfE + councils)      mean   stressed     P90   stressed    change (1 SE)");
    for (const p of r.stress.plans) {
      lines.push(`${p.id.padEnd(34)} ${[p.unstressed.mean, p.stressed.mean, p.unstressed.p90, p.stressed.p90, p.difference.mean].map(gbpM).join(" ")}  ±${(p.difference.se / 1e6).toFixed(2)}m`);
    }
  }
  return `${lines.join("\n")}\n`;
}
