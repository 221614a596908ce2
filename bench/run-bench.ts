/**
 * `npm run bench [-- --quick]`: issue 10's targets, measured side by side in one run.
 *
 * - The reference workload: bench/bradford-reference.yaml, trustsim's migrated copy of the peer's
 *   frozen ../shared/peers/reference-bradford.yaml (3 options x 10 years, every output summarised),
 *   on one worker in a plain-node process (bench/timed-runs.mjs; start-up excluded) and, in the same run, the numpy peer
 *   (`numpy_full.py --timing`, its compute_s) at the same iteration count: the headline ratio. Both
 *   are pinned to the same CPU, each CPU in turn, where taskset works (`pinned`).
 * - Two workers against one at 100,000 iterations: with the pool kept from an earlier run (as the
 *   service, sweeps and run-to-precision run) and, once, with the pool started by the run (cold, as
 *   a command-line run pays it).
 * - Wall time of `npm start` and of `validate` in fresh processes (start-up included).
 * - Peak RSS of 1,000,000 iterations on two workers, in a fresh plain-node process.
 * - The uniform-draw ceiling (the same number of Alea draws in a tight loop), for reference only.
 *
 * The simulation is loaded from dist/ (built by `npm ci`), so workers start as compiled JavaScript,
 * as they do for users; run `npm run build` after changing src/. Timings are medians of
 * `--repetitions` after a warm-up; each is also given as [min, max] because the machine is shared.
 * `--quick` (CI) runs 20,000 iterations, fewer repetitions and no million-iteration run (about half
 * a minute on an idle two-core machine).
 * Prints one JSON object on stdout and a short summary on stderr.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import seedrandom from "seedrandom";
import type * as Model from "../src/model/index.ts";

const root = join(import.meta.dirname, "..");
const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const quick = args.includes("--quick");
const iterations = Number(flag("--iterations") ?? (quick ? 20_000 : 100_000));
const parallelIterations = Number(flag("--parallel-iterations") ?? (quick ? 20_000 : 100_000));
const repetitions = Number(flag("--repetitions") ?? (quick ? 3 : 5));
const scenarioFile = flag("--scenario") ?? join(root, "bench", "bradford-reference.yaml");
// The peer lives beside the repository (../shared/peers); a clone elsewhere (CI's) finds it through
// TRUSTSIM_PEER or the workplace's shared folder.
const peerScript =
  flag("--peer") ??
  process.env.TRUSTSIM_PEER ??
  [join(root, "..", "shared", "peers", "numpy_full.py"), "/work/shared/peers/numpy_full.py"].find((p) => existsSync(p)) ??
  join(root, "..", "shared", "peers", "numpy_full.py");

const distIndex = join(root, "dist", "model", "index.js");
if (!existsSync(distIndex)) throw new Error("bench requires dist/: run `npm run build` (npm ci does it through prepare)");
const model = (await import(pathToFileURL(distIndex).href)) as typeof Model;
const { BLOCK_SIZE, compileScenario, loadScenario, simulateRange } = model;

interface Timing {
  medianMs: number;
  rangeMs: [number, number];
}

function timing(samples: number[]): Timing {
  const s = [...samples].sort((a, b) => a - b);
  const median = s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  return { medianMs: round(median), rangeMs: [round(s[0]), round(s[s.length - 1])] };
}

function round(x: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** Wall time of a command in a fresh process, start-up included. */
function wall(command: string, argv: string[]): number {
  const start = performance.now();
  const r = spawnSync(command, argv, { cwd: root, stdio: ["ignore", "ignore", "pipe"] });
  const ms = performance.now() - start;
  if (r.status !== 0) throw new Error(`${command} ${argv.join(" ")} failed: ${r.stderr.toString()}`);
  return ms;
}

/**
 * A command pinned to one CPU (`taskset -c`), or as it is where taskset is missing (cpu null). This
 * machine's two vCPUs run at different speeds at times (the reference's 100,000 iterations took
 * 1.5 s on one and 1.05 s on the other in the same minute), so trustsim and the peer are timed on
 * the same CPU, each CPU in turn: every pair is like for like.
 */
function pinned(cpu: number | null, command: string, argv: string[]): [string, string[]] {
  return cpu === null ? [command, argv] : ["taskset", ["-c", String(cpu), command, ...argv]];
}

/**
 * The CPUs the headline is timed on: the first two this process may be pinned to (taskset tried on
 * each of the machine's CPUs, so a container's CPU set is respected), else one unpinned run (null).
 */
function headlineCpus(): (number | null)[] {
  const usable: number[] = [];
  for (let cpu = 0; cpu < os.cpus().length && usable.length < 2; cpu++) {
    const probe = spawnSync("taskset", ["-c", String(cpu), "true"], { stdio: "ignore" });
    if (probe.error !== undefined) break; // no taskset
    if (probe.status === 0) usable.push(cpu);
  }
  return usable.length > 0 ? usable : [null];
}

/** The peer's compute time in seconds (the last line of its --timing output), or why it was skipped. */
function peerRun(n: number, cpu: number | null = null): { computeS: number } | { skipped: string } {
  if (!existsSync(peerScript)) return { skipped: `peer not found at ${peerScript}` };
  const numpy = spawnSync("python3", ["-c", "import numpy"], { stdio: "ignore" });
  if (numpy.error !== undefined || numpy.status !== 0) return { skipped: "python3 with numpy is not available: peer skipped, no ratio" };
  const r = spawnSync(...pinned(cpu, "python3", [peerScript, "--scenario", scenarioFile, "--iterations", String(n), "--out", "-", "--timing"]), {
    cwd: root, stdio: ["ignore", "ignore", "pipe"], maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) return { skipped: `peer failed: ${r.stderr.toString().slice(-400)}` };
  const lines = r.stderr.toString().trim().split("\n");
  return { computeS: (JSON.parse(lines[lines.length - 1]) as { compute_s: number }).compute_s };
}

/** The uniforms one run draws, counted on an untimed pass over the same blocks. */
function uniformDraws(scenario: Model.Scenario): number {
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

/** One 1,000,000-iteration run on `workers` threads in a fresh plain-node process, so its peak memory is its own. */
function millionRun(workers: number): { iterations: number; workers: number; wallMs: number; peakRssMb: number } {
  const script = `
    const m = await import(${JSON.stringify(pathToFileURL(distIndex).href)});
    const s = await m.loadScenario(${JSON.stringify(scenarioFile)});
    const start = performance.now();
    await m.runScenarioAsync(s, { iterations: 1000000, workers: ${workers} });
    const wallMs = Math.round(performance.now() - start);
    process.stdout.write(JSON.stringify({ iterations: 1000000, workers: ${workers}, wallMs, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));`;
  return JSON.parse(execFileSync(process.execPath, ["--input-type=module", "-e", script], { cwd: root }).toString());
}

const scenario = await loadScenario(scenarioFile);

type TimedRuns = { single: { wall: number[]; cpu: number[] }; oneWorker: number[]; coldPool: number[]; twoWorkers: number[] };

/** bench/timed-runs.mjs in a plain-node process (it says why), pinned to `cpu` when given. */
function timedRuns(cpu: number | null, n: number, reps: number, parallelN: number, parallelReps: number): TimedRuns {
  const [command, argv] = pinned(cpu, process.execPath, [join(root, "bench", "timed-runs.mjs"), distIndex, scenarioFile, String(n), String(reps), String(parallelN), String(parallelReps)]);
  return JSON.parse(execFileSync(command, argv, { cwd: root }).toString()) as TimedRuns;
}

// The headline: on each CPU in turn, trustsim's timed runs on one worker, then the peer's, both
// pinned to it; the medians are over every CPU's samples (as many from each).
const cpus = headlineCpus();
const peerRepetitions = quick ? 1 : 3;
const byCpu = cpus.map((cpu) => ({ cpu, trustsim: timedRuns(cpu, iterations, repetitions, 0, 0).single, peer: Array.from({ length: peerRepetitions }, () => peerRun(iterations, cpu)) }));
const single = timing(byCpu.flatMap((c) => c.trustsim.wall));
const singleCpu = timing(byCpu.flatMap((c) => c.trustsim.cpu));
const trustsimPerSecond = Math.round(iterations / (single.medianMs / 1000));

const peerRuns = byCpu.flatMap((c) => c.peer);
const peerTimes = peerRuns.flatMap((r) => ("computeS" in r ? [r.computeS * 1000] : []));
const peer =
  peerTimes.length > 0
    ? (() => {
        const t = timing(peerTimes);
        const perSecond = Math.round(iterations / (t.medianMs / 1000));
        return { computeMs: t, iterationsPerSecond: perSecond, ratio: round(trustsimPerSecond / perSecond, 2) };
      })()
    : { skipped: (peerRuns[0] as { skipped: string }).skipped };
/** Each CPU's own pair: trustsim's and the peer's medians there, and their ratio. */
const headlineByCpu = byCpu.map((c) => {
  const trustsimMs = timing(c.trustsim.wall).medianMs;
  const peerMs = c.peer.flatMap((r) => ("computeS" in r ? [r.computeS * 1000] : []));
  const peerMedian = peerMs.length > 0 ? timing(peerMs).medianMs : null;
  return {
    cpu: c.cpu === null ? "unpinned" : c.cpu,
    trustsimIterationsPerSecond: Math.round(iterations / (trustsimMs / 1000)),
    peerIterationsPerSecond: peerMedian === null ? null : Math.round(iterations / (peerMedian / 1000)),
    ratio: peerMedian === null ? null : round(peerMedian / trustsimMs, 2),
  };
});

// Two workers against one, unpinned (they need both CPUs), in a process of their own, after one
// untimed run on one worker there, so that one worker's runs are as warm as before.
const parallelRuns = quick ? 2 : repetitions;
const runs = timedRuns(null, parallelIterations, 1, parallelIterations, parallelRuns);

const oneWorker = timing(runs.oneWorker);
const coldPool = timing(runs.coldPool);
const twoWorkers = timing(runs.twoWorkers);

const startRuns = quick ? 2 : 5;
const npmStart = timing(Array.from({ length: startRuns }, () => wall("npm", ["start", "--silent"])));
const nodeStart = timing(Array.from({ length: startRuns }, () => wall(process.execPath, ["dist/bin/main.js", "run", "scenarios/bradford.yaml", "--iterations", "10000"])));
const validate = timing(Array.from({ length: startRuns }, () => wall(process.execPath, ["dist/bin/main.js", "validate", "scenarios/bradford.yaml"])));

const draws = uniformDraws(scenario);
timeCeiling(draws);
const ceiling = timing(Array.from({ length: repetitions }, () => timeCeiling(draws)));

const million = quick ? "skipped in quick mode" : millionRun(2);

const report = {
  benchmark: "reference-workload",
  mode: quick ? "quick" : "full",
  scenario: "bench/bradford-reference.yaml",
  options: scenario.options.length,
  years: scenario.years,
  iterations,
  repetitions,
  node: process.version,
  headline: {
    trustsimOneWorkerIterationsPerSecond: trustsimPerSecond,
    peerIterationsPerSecond: "iterationsPerSecond" in peer ? peer.iterationsPerSecond : null,
    ratio: "ratio" in peer ? peer.ratio : null,
    target: "ratio >= 1.5; >= 80,000 iterations per second per core",
    method: cpus[0] === null
      ? "trustsim's runs, then the peer's, unpinned (taskset not available)"
      : `trustsim's runs, then the peer's, both pinned to one CPU (taskset), on each of CPUs ${cpus.join(" and ")} in turn: the two vCPUs here run at different speeds at times`,
    byCpu: headlineByCpu,
  },
  oneWorker: {
    wallMs: single,
    iterationsPerSecond: trustsimPerSecond,
    // CPU time of this process over the same runs: less sensitive than wall time to other work on a shared machine.
    cpuMs: singleCpu,
    iterationsPerCpuSecond: Math.round(iterations / (singleCpu.medianMs / 1000)),
    loadAverage: os.loadavg().map((x) => round(x, 2)),
    cores: os.availableParallelism(),
  },
  peer,
  parallel: {
    iterations: parallelIterations,
    oneWorker,
    twoWorkers,
    speedup: round(oneWorker.medianMs / twoWorkers.medianMs, 2),
    twoWorkersColdPool: coldPool,
    speedupColdPool: round(oneWorker.medianMs / coldPool.medianMs, 2),
    target: ">= 1.7",
  },
  startup: { npmStartWallMs: npmStart, nodeRunWallMs: nodeStart, validateWallMs: validate, targets: "npm start < 1000 ms; validate < 300 ms" },
  memory: { millionIterationsTwoWorkers: million, target: "peakRssMb < 250" },
  ceiling: { uniformDraws: draws, ms: ceiling, ratioToOneWorker: round(ceiling.medianMs / single.medianMs, 3), note: "reference only: it rewards spending draws, not speed" },
};
process.stdout.write(JSON.stringify(report) + "\n");
process.stderr.write(
  `${iterations} iterations x ${scenario.options.length} options x ${scenario.years} years: trustsim ${trustsimPerSecond}/s on one worker` +
    ("ratio" in peer ? `, peer ${peer.iterationsPerSecond}/s, ratio ${peer.ratio}` : `, peer skipped (${peer.skipped})`) +
    `; two workers ${report.parallel.speedup}x one at ${parallelIterations} (${report.parallel.speedupColdPool}x starting the pool); npm start ${npmStart.medianMs} ms, validate ${validate.medianMs} ms` +
    (typeof million === "string" ? "" : `; 1M on two workers peak ${million.peakRssMb} MB`) +
    "\n",
);
