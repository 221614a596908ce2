/**
 * Streaming mean and variance by Welford's algorithm (Knuth, TAOCP vol. 2, 4.2.2), stable for
 * large sums of money where the naive sum of squares loses precision. O(1) memory.
 */
export class Welford {
  count = 0;
  mean = 0;
  /** Sum of squared deviations from the mean. */
  m2 = 0;

  push(x: number): void {
    if (Number.isNaN(x)) throw new RangeError("welford requires numbers, got NaN");
    this.count++;
    const delta = x - this.mean;
    this.mean += delta / this.count;
    this.m2 += delta * (x - this.mean);
  }

  /**
   * Folds in another accumulator's (count, mean, m2) by Chan, Golub and LeVeque (1979). Merging
   * the same parts in the same order gives the same bits, whoever computed them.
   */
  merge(count: number, mean: number, m2: number): void {
    if (count === 0) return;
    if (this.count === 0) {
      this.count = count;
      this.mean = mean;
      this.m2 = m2;
      return;
    }
    const total = this.count + count;
    const delta = mean - this.mean;
    this.mean += (delta * count) / total;
    this.m2 += m2 + (delta * delta * this.count * count) / total;
    this.count = total;
  }

  /** Sample variance (n - 1 denominator); 0 for fewer than two values. */
  get variance(): number {
    return this.count > 1 ? this.m2 / (this.count - 1) : 0;
  }

  get standardDeviation(): number {
    return Math.sqrt(this.variance);
  }

  /** Standard error of the mean, sd / sqrt(n). */
  get standardError(): number {
    return this.count > 0 ? this.standardDeviation / Math.sqrt(this.count) : 0;
  }
}
