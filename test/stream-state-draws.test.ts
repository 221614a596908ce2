import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { KeyedStream, gamma, gammaShape, normalsThenGammaInto, standardNormal, studentT, studentTInto, studentTShape } from "../src/engine/index.ts";

// The written-out draws must give the closures' numbers bit for bit, leave the stream where the
// closures leave it, and count the same uniforms (the bench's draw ceiling reads them).
describe("draws stepped from a stream's state", () => {
  const iterationAndKey = fc.record({ key: fc.string({ maxLength: 12 }), iteration: fc.nat({ max: 2 ** 31 - 1 }) });

  it("studentTInto gives studentT(stream.source, df)'s draws, in order (fast-check)", () => {
    fc.assert(
      fc.property(iterationAndKey, fc.double({ min: 2.05, max: 60, noNaN: true }), fc.integer({ min: 1, max: 12 }), ({ key, iteration }, df, count) => {
        const closures = new KeyedStream("state-draws", key);
        const draw = studentT(closures.source, df);
        closures.reset(iteration);
        const expected = Array.from({ length: count }, () => draw());
        const stepped = new KeyedStream("state-draws", key);
        const out = new Float64Array(2 * count + 1).fill(7);
        studentTInto(stepped, iteration, studentTShape(df), out, 1, 2, count);
        for (let k = 0; k < count; k++) expect(Object.is(out[1 + 2 * k], expected[k]), `draw ${k}`).toBe(true);
        expect(out[0]).toBe(7); // only the strided slots are written
        expect(stepped.draws).toBe(closures.draws);
        expect(stepped.source()).toBe(closures.source());
      }),
      { numRuns: 400, seed: 20261207 },
    );
  });

  it("normalsThenGammaInto gives standardNormal's draws then gamma's, as a national year draws them (fast-check)", () => {
    fc.assert(
      fc.property(iterationAndKey, fc.double({ min: 1, max: 40, noNaN: true }), fc.integer({ min: 0, max: 6 }), ({ key, iteration }, shape, normals) => {
        const closures = new KeyedStream("state-draws", key);
        const z = standardNormal(closures.source);
        const g = gamma(closures.source, shape);
        closures.reset(iteration);
        const expected = [...Array.from({ length: normals }, () => z()), g()];
        const stepped = new KeyedStream("state-draws", key);
        const out = new Float64Array(normals + 1);
        normalsThenGammaInto(stepped, iteration, normals, gammaShape(shape), out, 0);
        expect([...out].map((x, k) => Object.is(x, expected[k]))).toEqual(expected.map(() => true));
        expect(stepped.draws).toBe(closures.draws);
        expect(stepped.source()).toBe(closures.source());
      }),
      { numRuns: 400, seed: 20261208 },
    );
  });

  it("take the shapes' domains from the closures", () => {
    expect(() => studentTShape(2)).toThrow(RangeError);
    expect(() => gammaShape(0.5)).toThrow(RangeError); // the boost for shapes below 1 is not written out
  });
});
