/**
 * `npm run bench [-- --quick]`: times the reference workload (the scenario in scenarios/ with the
 * most options, ties to the longest horizon then by id) on one worker and on all cores and, in
 * the same process, the ceiling: the same number of uniform draws from seedrandom's Alea in a
 * tight loop. Full mode also runs 1,000,000 iterations in a child process to measure peak memory.
 * Prints one JSON object on stdout and a short summary on stderr; medians after a warm-up.
 */
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import seedrandom from "seedrandom";
import {
  BLOCK_SIZE, compileScenario, defaultWorkers, loadScenario, runScenario, runScenarioAsync, simulateRange, type Scenario,
} from "../src/model/index.ts";

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const quick = args.includes("--quick");
const memoryOnly = args.includes("--memory-only");
const iterations = Number(flag("--iterations") ?? (quick ? 10_000 : 100_000));
const repetitions = Number(flag("--repetitions") ?? (quick ? 3 : 5));
const workers = Number(flag("--workers") ?? defaultWorkers(Infinity));

/** The reference scenario; a child process is told its id, so it loads that file alone, as a user's run would. */
async function referenceScenario(): Promise<Scenario> {
  const dir = join(import.meta.dirname, "..", "scenarios");
  const id = flag("--scenario");
  if (id !== undefined) return loadScenario(join(dir, `${id}.yaml`));
  const all = await Promise.all(readdirSync(dir).filter((f) => f.endsWith(".yaml")).map((f) => loadScenario(join(dir, f))));
  return all.sort((a, b) => b.options.length - a.options.length || b.years - a.years || a.id.localeCompare(b.id))[0];
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

async function timed(run: () => unknown): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

/** The uniforms one run draws, counted on an untimed pass over the same blocks. */
function uniformDraws(scenario: Scenario): number {
  const compiled = compileScenario(scenario);
  for (let from = 0; from < iterations; from += BLOCK_SIZE) simulateRange(compiled, from, Math.min(iterations, from + BLOCK_SIZE));
  return compiled.inputs.uniformDraws;
}

function timeCeiling(draws: number): number {
  const next = seedrandom.alea("ceiling");
  const start = performance.now();
  let sum = 0;
  for (let i = 0; i < draws; i++) sum += next();
  const ms = performance.now() - start;
  if (sum < 0) throw new Error("unreachable: keeps the loop from being optimised away");
  return ms;
}

const scenario = await referenceScenario();
const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

if (memoryOnly) {
  const ms = await timed(() => runScenarioAsync(scenario, { iterations, workers }));
  process.stdout.write(JSON.stringify({ iterations, workers, wallMs: Math.round(ms), peakRssMb: peakRssMb() }) + "\n");
  process.exit(0);
}

runScenario(scenario, { iterations: Math.min(iterations, 4 * BLOCK_SIZE) }); // warm-up
const singleRuns: number[] = [];
for (let r = 0; r < repetitions; r++) singleRuns.push(await timed(() => runScenario(scenario, { iterations })));
const single = median(singleRuns);
const parallelRuns: number[] = [];
for (let r = 0; r < repetitions; r++) parallelRuns.push(await timed(() => runScenarioAsync(scenario, { iterations, workers })));
const parallel = median(parallelRuns);
const draws = uniformDraws(scenario);
timeCeiling(draws);
const ceilingMs = median(Array.from({ length: repetitions }, () => timeCeiling(draws)));
const optionYears = iterations * scenario.options.length * scenario.years;

/** One 1,000,000-iteration run in a fresh process, so its peak memory is its own. */
function millionRun(threads: number): { iterations: number; workers: number; wallMs: number; peakRssMb: number } {
  const out = execFileSync(process.execPath, ["--import", "tsx", join(import.meta.dirname, "run-bench.ts"), "--memory-only", "--scenario", scenario.id, "--iterations", "1000000", "--workers", String(threads)]);
  return JSON.parse(out.toString());
}

let million: unknown = "skipped in quick mode";
if (!quick) {
  const all = millionRun(workers);
  const one = millionRun(1);
  million = { ...all, singleWorkerWallMs: one.wallMs, singleWorkerPeakRssMb: one.peakRssMb, parallelSpeedup: Math.round((one.wallMs / all.wallMs) * 100) / 100 };
}

const report = {
  benchmark: "reference-workload",
  mode: quick ? "quick" : "full",
  scenario: scenario.id,
  options: scenario.options.length,
  years: scenario.years,
  iterations,
  repetitions,
  workers,
  wallMs: Math.round(parallel),
  iterationsPerSecond: Math.round(iterations / (parallel / 1000)),
  optionYearsPerSecond: Math.round(optionYears / (parallel / 1000)),
  singleWorkerWallMs: Math.round(single),
  singleWorkerIterationsPerSecond: Math.round(iterations / (single / 1000)),
  parallelSpeedup: Math.round((single / parallel) * 100) / 100,
  uniformDraws: draws,
  ceilingMs: Math.round(ceilingMs * 10) / 10,
  ceilingRatio: Math.round((ceilingMs / single) * 1000) / 1000,
  peakRssMb: peakRssMb(),
  millionIterations: million,
  node: process.version,
};
process.stdout.write(JSON.stringify(report) + "\n");
process.stderr.write(
  `${scenario.id}: ${iterations} iterations x ${scenario.options.length} options x ${scenario.years} years: ` +
    `${report.wallMs} ms on ${workers} workers (${report.parallelSpeedup}x one worker's ${report.singleWorkerWallMs} ms); ` +
    `ceiling ratio ${report.ceilingRatio}; peak RSS ${report.peakRssMb} MB\n`,
);
