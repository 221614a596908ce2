import { describe, expect, it } from "vitest";
import { decodeTyped, encodeTyped } from "../src/engine/runner/sweep-codec.ts";

/** A chunk task crosses the sweep queue as JSON (sweep-queue.ts): its plan's typed arrays must come back as the same kind with the same bytes. */
describe("typed arrays through the sweep queue's JSON (sweep-codec.ts)", () => {
  it("come back as the same kind, bit for bit, the aggregation plan's fixed flags (Uint8Array) among them", () => {
    const plan = {
      exact: false,
      lo: Float64Array.from([-0, Number.NaN, 1e-300, -Infinity]),
      aliasOf: Int32Array.from([-1, 0, 7]),
      counts: Uint32Array.from([0, 4294967295]),
      fixed: Uint8Array.from([0, 1, 1, 0, 255]),
      nested: [{ x: Uint8Array.from([3]) }],
    };
    const back = decodeTyped(JSON.parse(JSON.stringify(encodeTyped(plan)))) as typeof plan;
    expect(back.fixed).toBeInstanceOf(Uint8Array);
    expect([...back.fixed]).toEqual([0, 1, 1, 0, 255]);
    expect(back.nested[0].x).toBeInstanceOf(Uint8Array);
    expect(back.lo).toBeInstanceOf(Float64Array);
    expect(Buffer.from(back.lo.buffer).equals(Buffer.from(plan.lo.buffer))).toBe(true);
    expect(back.aliasOf).toBeInstanceOf(Int32Array);
    expect([...back.aliasOf]).toEqual([-1, 0, 7]);
    expect([...back.counts]).toEqual([0, 4294967295]);
  });
});
