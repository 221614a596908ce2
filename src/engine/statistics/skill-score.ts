/**
 * Skill of a forecast against a reference under a negatively oriented score such as mean CRPS:
 * 1 - model / reference. 1 is perfect, 0 no better than the reference, negative worse (Gneiting and
 * Raftery 2007, eq. 27). O(1).
 * https://doi.org/10.1198/016214506000001437
 */
export function skillScore(scoreModel: number, scoreReference: number): number {
  if (!(scoreReference > 0 && scoreReference < Infinity)) {
    throw new RangeError("skillScore requires a finite reference score > 0");
  }
  if (!(scoreModel >= 0 && scoreModel < Infinity)) throw new RangeError("skillScore requires a finite model score >= 0");
  return 1 - scoreModel / scoreReference;
}
