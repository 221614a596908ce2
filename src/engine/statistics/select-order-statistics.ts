/** Below this many values a range is finished by insertion sort. */
const SMALL = 24;

/**
 * Rearranges `values` in place so that values[r] is the r-th smallest (0-based) for every rank in
 * `ranks` (ascending), as if sorted, without sorting the rest: Hoare's multiple selection (FIND
 * generalised to several ranks; Prodinger 1995, "Multiple Quickselect"), recursing only into the
 * parts that hold a wanted rank. Expected O(n log m) for m ranks, against O(n log n) for a sort;
 * the values at the ranks are the sort's, bit for bit (NaN not allowed).
 */
export function selectOrderStatisticsInPlace(values: Float64Array, ranks: ArrayLike<number>): void {
  if (ranks.length > 0) select(values, 0, values.length - 1, ranks, 0, ranks.length - 1);
}

function select(a: Float64Array, left: number, right: number, ranks: ArrayLike<number>, first: number, last: number): void {
  for (;;) {
    while (first <= last && ranks[first] < left) first++;
    while (first <= last && ranks[last] > right) last--;
    if (first > last) return;
    if (right - left < SMALL) {
      insertionSort(a, left, right);
      return;
    }
    // Median of three as pivot, then Hoare's partition into [left, j] <= pivot <= [j + 1, right].
    const mid = (left + right) >>> 1;
    let x = a[left];
    let y = a[mid];
    let z = a[right];
    if (x > y) [x, y] = [y, x];
    if (y > z) y = z < x ? x : z;
    const pivot = y;
    let i = left - 1;
    let j = right + 1;
    for (;;) {
      do i++;
      while (a[i] < pivot);
      do j--;
      while (a[j] > pivot);
      if (i >= j) break;
      const t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
    // Ranks at or below j lie in the left part; the loop continues with the right part.
    let split = first;
    while (split <= last && ranks[split] <= j) split++;
    if (split > first) select(a, left, j, ranks, first, split - 1);
    left = j + 1;
    first = split;
  }
}

function insertionSort(a: Float64Array, left: number, right: number): void {
  for (let i = left + 1; i <= right; i++) {
    const x = a[i];
    let j = i - 1;
    while (j >= left && a[j] > x) {
      a[j + 1] = a[j];
      j--;
    }
    a[j + 1] = x;
  }
}
