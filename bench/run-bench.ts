/**
 * `npm run bench [-- --quick] [-- --iterations N]`: times the reference workload (the scenario in
 * scenarios/ with the most options, its full horizon) and, in the same process, the ceiling: the
 * same number of uniform draws from seedrandom's Alea in a tight loop. Prints one JSON object on
 * stdout and a short summary on stderr. Medians of several repetitions after a warm-up.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import seedrandom from "seedrandom";
import { buildResults, compileScenario, loadScenario, simulateRange, type Scenario } from "../src/model/index.ts";

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const iterationsFlag = args.indexOf("--iterations");
const iterations = iterationsFlag >= 0 ? Number(args[iterationsFlag + 1]) : quick ? 10_000 : 100_000;
const repetitions = quick ? 3 : 5;

async function referenceScenario(): Promise<Scenario> {
  const dir = join(import.meta.dirname, "..", "scenarios");
  const all = await Promise.all(readdirSync(dir).filter((f) => f.endsWith(".yaml")).map((f) => loadScenario(join(dir, f))));
  return all.sort((a, b) => b.options.length - a.options.length || a.id.localeCompare(b.id))[0];
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

function timeEngine(scenario: Scenario): { simulateMs: number; totalMs: number; draws: number } {
  const start = performance.now();
  const compiled = compileScenario(scenario);
  const sim = simulateRange(compiled, 0, iterations);
  const simulated = performance.now();
  buildResults(compiled, sim, scenario.simulation.seed);
  return { simulateMs: simulated - start, totalMs: performance.now() - start, draws: compiled.plan.uniformDraws };
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
timeEngine(scenario); // warm-up
const runs = Array.from({ length: repetitions }, () => timeEngine(scenario));
const draws = runs[0].draws;
timeCeiling(draws);
const ceilingMs = median(Array.from({ length: repetitions }, () => timeCeiling(draws)));
const simulateMs = median(runs.map((r) => r.simulateMs));
const totalMs = median(runs.map((r) => r.totalMs));
const optionYears = iterations * scenario.options.length * scenario.years;

const report = {
  benchmark: "reference-workload",
  mode: quick ? "quick" : "full",
  scenario: scenario.id,
  options: scenario.options.length,
  years: scenario.years,
  iterations,
  repetitions,
  workers: 1,
  wallMs: Math.round(totalMs),
  simulateMs: Math.round(simulateMs),
  iterationsPerSecond: Math.round(iterations / (totalMs / 1000)),
  optionYearsPerSecond: Math.round(optionYears / (totalMs / 1000)),
  uniformDraws: draws,
  ceilingMs: Math.round(ceilingMs * 10) / 10,
  ceilingRatio: Math.round((ceilingMs / simulateMs) * 1000) / 1000,
  peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  node: process.version,
};
process.stdout.write(JSON.stringify(report) + "\n");
process.stderr.write(
  `${scenario.id}: ${iterations} iterations x ${scenario.options.length} options x ${scenario.years} years in ${report.wallMs} ms ` +
    `(${report.iterationsPerSecond}/s); ceiling ratio ${report.ceilingRatio}; peak RSS ${report.peakRssMb} MB\n`,
);
