/**
 * The bench's timed trustsim runs, in a plain node process: `npm run bench` itself runs under tsx,
 * whose loader made the same runs about 15% slower than users' `node dist/...` runs them.
 * Usage: node bench/timed-runs.mjs <dist/model/index.js> <scenario> <iterations> <repetitions> <parallel iterations> <parallel runs>
 * Prints one JSON object of samples in milliseconds.
 */
import { pathToFileURL } from "node:url";

const [distIndex, scenarioFile, ...numbers] = process.argv.slice(2);
const [iterations, repetitions, parallelIterations, parallelRuns] = numbers.map(Number);
const m = await import(pathToFileURL(distIndex).href);
const scenario = await m.loadScenario(scenarioFile);

async function timed(n, run) {
  const wall = [];
  const cpu = [];
  for (let r = 0; r < n; r++) {
    const start = performance.now();
    const before = process.cpuUsage();
    await run();
    const used = process.cpuUsage(before);
    wall.push(performance.now() - start);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wall, cpu };
}

// One worker, in this thread, start-up excluded: the like-for-like figure against the peer's compute_s.
m.runScenario(scenario, { iterations: 4 * m.BLOCK_SIZE }); // warm-up
const single = await timed(repetitions, () => m.runScenario(scenario, { iterations }));

// Two workers against one (none when parallelRuns is 0: a run pinned to one CPU). The first
// two-worker run starts its pool (cold: what a command-line run pays); the later ones reuse it, as
// the service, sweeps and run-to-precision do (pools are kept between runs in a process).
const none = { wall: [] };
const oneWorker = parallelRuns > 0 ? await timed(parallelRuns, () => m.runScenarioAsync(scenario, { iterations: parallelIterations, workers: 1 })) : none;
await m.closeSimulationPools();
const coldPool = parallelRuns > 0 ? await timed(1, () => m.runScenarioAsync(scenario, { iterations: parallelIterations, workers: 2 })) : none;
const twoWorkers = parallelRuns > 0 ? await timed(parallelRuns, () => m.runScenarioAsync(scenario, { iterations: parallelIterations, workers: 2 })) : none;
await m.closeSimulationPools();

process.stdout.write(JSON.stringify({ single, oneWorker: oneWorker.wall, coldPool: coldPool.wall, twoWorkers: twoWorkers.wall }));
