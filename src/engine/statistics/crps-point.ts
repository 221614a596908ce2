/**
 * CRPS of a point forecast: |forecast - observed|, the CRPS of a point mass, so that a naive
 * forecast is scored on the same scale as a sample forecast (Gneiting and Raftery 2007, section 4.2:
 * the CRPS reduces to the absolute error). O(1).
 * https://doi.org/10.1198/016214506000001437
 */
export function crpsPoint(forecast: number, observed: number): number {
  if (!(Number.isFinite(forecast) && Number.isFinite(observed))) {
    throw new RangeError("crpsPoint requires a finite forecast and observed value");
  }
  return Math.abs(forecast - observed);
}
