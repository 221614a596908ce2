import fc from "fast-check";
import { scenarioData } from "./scenarios.ts";

/**
 * POST /runs bodies over the whole input space, as JSON text: valid scenarios with one field
 * replaced by an extreme or arbitrary value, nesting thousands deep, distributions with their
 * bounds far in a tail or ranges that overflow, duplicate and oversized correlations, tiny and
 * huge iteration counts, and arbitrary JSON. Shared by the quick fuzz test and `npm run bench:fuzz`.
 */
const template = scenarioData("template") as unknown as Record<string, unknown>;
const paths: string[][] = [];
const walk = (node: unknown, path: string[]) => {
  if (path.length > 0) paths.push(path);
  if (node && typeof node === "object") for (const [k, v] of Object.entries(node)) walk(v, [...path, k]);
};
walk(template, []);
const quantityPaths = paths.filter((p) => ["children", "weeklyUnitCost", "agencyShare", "otherSpend", "uplift", "generalInflation", "fte", "agencyPremium", "cost"].includes(p[p.length - 1]));

const extremeNumber = fc.oneof(
  fc.constantFrom(1e308, -1e308, 1.7976931348623157e308, 5e-324, -5e-324, 1e15, 1e16, -1, -0.5, 0, 1, 3, 16, 100, 1e-300, 2 ** 53),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);

const nested = (depth: number, leaf: string) => {
  const open = fc.sample(fc.constantFrom("[", '{"a":'), 1)[0];
  return open === "[" ? "[".repeat(depth) + leaf + "]".repeat(depth) : '{"a":'.repeat(depth) + leaf + "}".repeat(depth);
};

const tails = fc.oneof(
  fc.record({ dist: fc.constant("normal"), mean: extremeNumber, sd: fc.oneof(extremeNumber, fc.constant(1)), min: extremeNumber, max: extremeNumber, note: fc.constant("fuzz") }),
  fc.tuple(fc.double({ min: 0, max: 9, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })).map(([a, w]) => ({ dist: "normal", mean: 0, sd: 1, min: a, max: a + w + 1e-9, note: "tail" })),
  fc.record({ dist: fc.constant("lognormal"), mean: extremeNumber, sd: extremeNumber, note: fc.constant("fuzz") }),
  fc.record({ dist: fc.constant("pert"), min: extremeNumber, mode: extremeNumber, max: extremeNumber, lambda: fc.option(extremeNumber, { nil: undefined }), note: fc.constant("fuzz") }),
  fc.record({ dist: fc.constant("beta"), alpha: extremeNumber, beta: extremeNumber, note: fc.constant("fuzz") }),
  fc.record({ dist: fc.constant("uniform"), min: extremeNumber, max: extremeNumber, note: fc.constant("fuzz") }),
);

function setPath(root: Record<string, unknown>, path: string[], value: unknown): void {
  let node = root;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[path[path.length - 1]] = value;
}

const iterations = fc.oneof(fc.constantFrom(1, 2, 3, 50), fc.integer({ min: 1, max: 200 }), fc.constantFrom(0, -1, 1e308, 10_000_000));

/** One request body as JSON text. */
export const fuzzBody: fc.Arbitrary<string> = fc.oneof(
  // a field replaced by an extreme number, arbitrary JSON or a long string
  fc.tuple(fc.constantFrom(...paths), fc.oneof(extremeNumber, fc.jsonValue({ maxDepth: 4 }), fc.constant("x".repeat(20_000))), iterations).map(([path, value, n]) => {
    const copy = structuredClone(template);
    setPath(copy, path, value);
    return JSON.stringify({ scenario: copy, iterations: n });
  }),
  // a quantity replaced by a tail truncation or a range that overflows
  fc.tuple(fc.constantFrom(...quantityPaths), tails, iterations).map(([path, q, n]) => {
    const copy = structuredClone(template);
    setPath(copy, path, q);
    return JSON.stringify({ scenario: copy, iterations: n });
  }),
  // the same through overrides of a shipped scenario
  fc.tuple(fc.constantFrom("baseline.workforce.agencyShare", "baseline.otherSpend", "baseline.budget.uplift", "baseline.generalInflation"), fc.oneof(tails, extremeNumber), iterations).map(
    ([key, value, n]) => JSON.stringify({ scenarioId: "template", overrides: { [key]: value }, iterations: n }),
  ),
  // nesting from a few levels to thousands, under scenario or overrides
  fc.tuple(fc.integer({ min: 20, max: 6000 }), fc.boolean()).map(([depth, inOverrides]) =>
    inOverrides ? `{"scenarioId":"template","overrides":{"baseline.otherSpend":${nested(depth, "1")}}}` : `{"scenario":{"id":"x","baseline":${nested(depth, "1")}},"iterations":5}`,
  ),
  // correlations: an input listed twice, or more inputs than the cap (identity matrix)
  fc.tuple(fc.integer({ min: 2, max: 400 }), fc.boolean(), iterations).map(([k, duplicate, n]) => {
    const copy = structuredClone(template) as { correlations: { inputs: string[]; matrix: number[][] }[] };
    const c = copy.correlations[0];
    if (duplicate) c.inputs[1] = c.inputs[0];
    else {
      c.inputs = Array.from({ length: k }, (_, i) => c.inputs[i % c.inputs.length] + (i >= c.inputs.length ? `#${i}` : ""));
      c.matrix = Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => (i === j ? 1 : 0)));
    }
    return JSON.stringify({ scenario: copy, iterations: n });
  }),
  // arbitrary bodies
  fc.oneof(fc.jsonValue(), fc.dictionary(fc.constantFrom("scenarioId", "scenario", "iterations", "seed", "overrides", "x"), fc.jsonValue())).map((v) => JSON.stringify(v) ?? "null"),
);

/** Statuses POST /runs may answer to any body: accepted, refused, too large, too many. */
export const ALLOWED_STATUSES = [202, 400, 413, 429];
