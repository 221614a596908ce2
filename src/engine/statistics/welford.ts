/**
 * Streaming mean and variance by Welford's algorithm (Knuth, TAOCP vol. 2, 4.2.2), stable for
 * large sums of money where the naive sum of squares loses precision. O(1) memory.
 */
export class Welford {
  count = 0;
  mean = 0;
  private m2 = 0;

  push(x: number): void {
    if (Number.isNaN(x)) throw new RangeError("welford requires numbers, got NaN");
    this.count++;
    const delta = x - this.mean;
    this.mean += delta / this.count;
    this.m2 += delta * (x - this.mean);
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
