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
  if (!(mean > 0 && sd >= 0 && Number.isFinite(mean) && Number.isFinite(sd))) throw new RangeError("lognormal requires mean > 0 and sd >= 0");
  // The ratio first: sd * sd and mean * mean under- or overflow long before their ratio does.
  const cv = sd / mean;
  const variance = Math.log1p(cv * cv);
  const meanLog = Math.log(mean) - variance / 2;
  if (!(Number.isFinite(meanLog) && Number.isFinite(variance))) throw new RangeError("lognormal requires sd / mean below about 1e154");
  return { meanLog, sdLog: Math.sqrt(variance) };
}
