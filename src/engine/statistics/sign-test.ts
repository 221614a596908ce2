/**
 * Two-sided exact sign test: the p-value of `successes` in `n` trials under Binomial(n, 1/2),
 * 2 P(X <= min(k, n - k)) capped at 1, which is R's binom.test(k, n)$p.value (for p = 1/2 the
 * binomial is symmetric, so doubling one tail equals summing the outcomes no likelier than k). Use it
 * for "is the outturn above the median more often than chance". O(min(k, n - k)).
 * https://en.wikipedia.org/wiki/Sign_test
 */
export function signTest(successes: number, n: number): number {
  if (!(Number.isInteger(n) && n >= 1 && Number.isInteger(successes) && successes >= 0 && successes <= n)) {
    throw new RangeError("signTest requires integers 0 <= successes <= n, n >= 1");
  }
  const m = Math.min(successes, n - successes);
  // P(X = m) = C(n, m) / 2^n as a product, halving whenever it passes 1 so that it neither overflows
  // nor underflows early; halving is exact, so the m ratios are the only roundings. The tail is then
  // summed from that largest term down, each term the last times j / (n - j + 1).
  let top = 1;
  let halvings = n;
  for (let j = 1; j <= m; j++) {
    top *= (n - m + j) / j;
    for (; top > 1 && halvings > 0; halvings--) top *= 0.5;
  }
  top *= 2 ** -halvings;
  let term = 1;
  let tail = 1;
  for (let j = m; j > 0; j--) {
    term *= j / (n - j + 1);
    tail += term;
  }
  return Math.min(1, 2 * tail * top);
}
