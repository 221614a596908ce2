import { standardNormal } from "./normal.ts";

/** Lognormal: exp(Normal(meanLog, sdLog)). https://en.wikipedia.org/wiki/Log-normal_distribution */
export function lognormal(source: () => number, meanLog: number, sdLog: number): () => number {
  if (!(Number.isFinite(meanLog) && Number.isFinite(sdLog) && sdLog >= 0)) {
    throw new RangeError("lognormal requires a finite meanLog and sdLog >= 0");
  }
  const standard = standardNormal(source);
  return () => Math.exp(meanLog + sdLog * standard());
}

/** The (meanLog, sdLog) of a lognormal with the given arithmetic mean and standard deviation. */
export function lognormalParametersFromMoments(
  mean: number,
  sd: number,
): { meanLog: number; sdLog: number } {
  if (!(mean > 0 && sd >= 0)) throw new RangeError("lognormal requires mean > 0 and sd >= 0");
  const variance = Math.log(1 + (sd * sd) / (mean * mean));
  return { meanLog: Math.log(mean) - variance / 2, sdLog: Math.sqrt(variance) };
}
