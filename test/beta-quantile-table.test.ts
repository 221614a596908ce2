import { describe, expect, it } from "vitest";
import { betaQuantileTable } from "../src/engine/distributions/beta-quantile-table.ts";

/** FNV-1a over a table's bits. */
function bitsHash(table: Float64Array): string {
  const words = new Int32Array(table.buffer, table.byteOffset, table.length * 2);
  let h = 0x811c9dc5;
  for (let i = 0; i < words.length; i++) h = Math.imul(h ^ words[i], 0x01000193);
  return (h >>> 0).toString(16);
}

describe("betaQuantileTable(alpha, beta)", () => {
  // Hashes of the tables the ninth round's code built (closures; the same arithmetic written as
  // plain loops since): a PERT draw is a table lookup, so a table that moved by one bit would move
  // every figure drawn from it. Their accuracy is checked in test/distributions.test.ts.
  it.each([
    [1, 1, "d13e6b31"], [1, 5, "884dba7d"], [5, 1, "4f3ddd44"], [1.5, 3.5, "ee059d49"], [2.2, 4.8, "8f391ac5"],
    [3, 3, "e320b035"], [4.6, 1.4, "44094cd0"], [1.0000001, 9.9, "a034d7a3"], [27, 2, "f535bd3e"],
  ])("Beta(%d, %d) is the table it was, bit for bit", (alpha, beta, hash) => {
    expect(bitsHash(betaQuantileTable(alpha, beta))).toBe(hash);
  });
});
