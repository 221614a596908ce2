/**
 * The total of `weights` after checking that there is one per value, each finite and >= 0, with a
 * positive total: the shared precondition of the weighted statistics, worded after `name`. O(n).
 */
export function checkedWeights(name: string, weights: ArrayLike<number>, n: number): number {
  if (weights.length !== n) throw new RangeError(`${name} requires one weight per value`);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const w = weights[i];
    if (!(w >= 0 && w < Infinity)) throw new RangeError(`${name} requires finite weights >= 0`);
    total += w;
  }
  if (!(total > 0)) throw new RangeError(`${name} requires a positive total weight`);
  return total;
}
