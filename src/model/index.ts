/** The domain: scenario schema, cost model, simulation and results. Knows nothing of HTTP or terminals. */
export { scenarioSchema, type Scenario, type ScenarioInput, type DeliveryOption } from "./scenario-schema.ts";
export { quantitySchema, type Quantity } from "./quantity-schema.ts";
export { ScenarioError, type InputProblem } from "./scenario-error.ts";
export { loadScenario, parseScenario, parseScenarioText } from "./load-scenario.ts";
export { compileScenario, type CompiledScenario } from "./compile-scenario.ts";
export { CostModel } from "./cost-model.ts";
export { COST_LINES, HORIZON_FIGURES, PLAN_FIGURES, FAILURE_FIGURES, PAIR_FIGURES, LINE, OutputLayout, WEEKS_PER_YEAR, VAT_RATE } from "./cost-lines.ts";
export { discountFactors } from "./green-book.ts";
export { simulateRange, concatColumns, type SimulationColumns, type ProgressListener } from "./simulate.ts";
export { buildResults, type Results, type OptionResult, type Comparison, type MoneySummary, type FailureResult, type PlanResult, type PercentileMethod } from "./results.ts";
export { runScenario, runScenarioAsync, defaultWorkers, PARALLEL_THRESHOLD, BLOCK_SIZE, type RunOptions } from "./run-scenario.ts";
export { Aggregator, planAggregation, EXACT_VALUE_LIMIT, HISTOGRAM_BINS, type AggregationPlan, type BlockPartial } from "./aggregate.ts";
export { runChunk, type ChunkTask } from "./run-chunk.ts";
export { toPence, sumPence, financialYear } from "./money.ts";
export type { Assumption } from "./sampling-plan.ts";
export { calibrate, maxBandWidth, PUBLISHED_ROUNDING, type CalibrationRow } from "./calibrate.ts";
export { loadSeeds } from "./load-seeds.ts";
export { seedRecordSchema, type SeedRecord } from "./seed-schema.ts";
