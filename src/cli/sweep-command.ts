import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { loadEvidence, loadPortfolio, loadScenario, parseScenarioText, runForecast, runPortfolio } from "../model/index.ts";
import { resultsJson } from "../report/index.ts";
import { progressBar } from "./progress-bar.ts";
import { REPOSITORY } from "./repository.ts";
import { scenarioPath } from "./scenario-path.ts";
import { chunkExecutor, portfolioExecutor, redisUrl } from "./sweep-executor.ts";

export interface SweepFlags {
  iterations?: number;
  block?: number;
  redis?: string;
  /** Scenarios: the seed (default: each scenario's). */
  seed?: string;
  /** Scenarios: the unconditioned futures, as `run --prior`. */
  prior?: boolean;
}

/** Whether a file is a portfolio (it lists members) rather than a scenario; an unreadable one is left to the scenario loader to report. */
async function isPortfolio(path: string): Promise<boolean> {
  try {
    const data = parseScenarioText(await readFile(path, "utf8"), path) as Record<string, unknown> | null;
    return data !== null && typeof data === "object" && Array.isArray(data.members);
  } catch {
    return false;
  }
}

/**
 * `trustsim sweep <file...>`: each portfolio, or scenario x its options, as jobs on the queue (in
 * process without Redis). A scenario's JSON is byte-identical to `trustsim run --format json` for
 * the same seed and iterations (with `--prior`, to `run --prior`): the first block and any
 * conditioning run here, every later block of iterations on the queue. Several files print a JSON
 * array of the same objects.
 */
export async function sweepCommand(files: string[], flags: SweepFlags): Promise<void> {
  const url = redisUrl(flags.redis);
  const where = url === undefined ? "in process" : "queue";
  const outputs: string[] = [];
  for (const file of files) {
    const path = scenarioPath(file);
    if (await isPortfolio(path)) {
      const loaded = await loadPortfolio(path, join(REPOSITORY, "seeds"));
      const bar = progressBar(`${loaded.portfolio.id} (${where})`);
      try {
        outputs.push(resultsJson(await runPortfolio(loaded, { iterations: flags.iterations, blockIterations: flags.block, execute: portfolioExecutor(url), onProgress: bar.update })));
      } finally {
        bar.stop();
      }
      continue;
    }
    const scenario = await loadScenario(path);
    const records = scenario.evidence.length > 0 ? await loadEvidence(join(REPOSITORY, "seeds")) : new Map();
    const bar = progressBar(`${scenario.id} (${where})`);
    try {
      const results = await runForecast(scenario, records, {
        iterations: flags.iterations,
        seed: flags.seed,
        prior: flags.prior,
        execute: chunkExecutor(url),
        blockIterations: flags.block,
        onProgress: bar.update,
      });
      outputs.push(resultsJson(results));
    } finally {
      bar.stop();
    }
  }
  // One file: exactly what `run --format json` or `portfolio --format json` prints; several: an array of them.
  process.stdout.write(outputs.length === 1 ? outputs[0] : `[\n${outputs.map((o) => o.trimEnd().replace(/^/gm, "  ")).join(",\n")}\n]\n`);
}
