/** The domain-free Monte Carlo engine: seeded streams, distributions and statistics. */
export * from "./distributions/index.ts";
export { KeyedStream } from "./rng/keyed-stream.ts";
export { fnv1a32, fmix32 } from "./rng/hash.ts";
export { Welford } from "./statistics/welford.ts";
export { quantileSorted } from "./statistics/quantile-sorted.ts";
export { quantileIntervalRanks } from "./statistics/quantile-interval.ts";
export { binIndex, quantileFromBins } from "./statistics/binned-quantiles.ts";
export { exactStats, binnedStats, type OutputStats } from "./statistics/output-stats.ts";
export { averageRanks, pearson, spearman } from "./statistics/rank-correlation.ts";
export { summarize, binomialProbability, type Summary, type Probability } from "./statistics/summarize.ts";
export { imanConover, correlationRoot, smallestEigenvalue } from "./iman-conover.ts";
export { betaCdf, betaQuantile, normalCdf, normalQuantile, tabulatedQuantile } from "./quantile-functions.ts";
export * from "./runner/aggregate.ts";
export { workerModule, type WorkerModule } from "./runner/worker-module.ts";
