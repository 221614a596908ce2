import { formatPath, type InputProblem } from "../quantities/scenario-error.ts";
import type { Quantity } from "../quantities/quantity-schema.ts";
import { fieldRange, type FieldRange } from "./field-ranges.ts";
import { distributionProblems, quantitySupport } from "./quantity-support.ts";
import type { Scenario } from "./scenario-schema.ts";

/** What the checks need of a cited seeds/ record (an EvidenceRecord has it). */
export interface CitedRecord {
  unit: string;
  priceBase?: string;
}

/** What the authoring checks found: mistakes (refused) and likely mistakes (warned). */
export interface AuthoringFindings {
  problems: InputProblem[];
  warnings: InputProblem[];
}

const SEED_PREFIX = "seeds/";

/** The seeds/ record ids a source cites: every `seeds/<id>` in it ("seeds/a, seeds/b" cites two). */
export function citedSeeds(source: string): string[] {
  return [...source.matchAll(/seeds\/([a-z0-9][a-z0-9-]*)/g)].map((m) => m[1]);
}

function isQuantity(v: unknown): v is Quantity {
  if (typeof v === "number") return true;
  if (Array.isArray(v)) return v.length > 0 && v.every((x) => typeof x === "number");
  return v !== null && typeof v === "object" && typeof (v as { dist?: unknown }).dist === "string";
}

const fmt = (x: number) => (Math.abs(x) >= 1e6 || (Math.abs(x) < 1e-4 && x !== 0) ? x.toExponential(3) : String(x));

function rangeText(r: FieldRange): string {
  return r.minExclusive ? `above ${fmt(r.min)} and at most ${fmt(r.max)}` : `from ${fmt(r.min)} to ${fmt(r.max)}`;
}

/** The financial year a record's price base names ("nominal 2023-24" -> 2023), if any. */
export function priceBaseYear(priceBase: string | undefined): number | undefined {
  const m = priceBase?.match(/(\d{4})-(\d{2})/);
  return m ? Number(m[1]) : undefined;
}

/**
 * Checks a validated scenario for what a careful reader would query: shares written as
 * percentages, rates out of any sensible range, values outside plausible ranges, parameters that
 * make a distribution unsampleable, `source: seeds/<id>` naming no record, and money cited from a
 * record at another year's prices than the scenario's first year; and, unless `evidenceItems` is
 * false, `evidence:` items naming no record.
 */
export function authoringChecks(scenario: Scenario, evidence: ReadonlyMap<string, CitedRecord>, options: { evidenceItems?: boolean } = {}): AuthoringFindings {
  const problems: InputProblem[] = [];
  const warnings: InputProblem[] = [];
  const fy = (y: number) => `${y}-${String((y + 1) % 100).padStart(2, "0")}`;

  const visitQuantity = (q: Quantity, path: PropertyKey[]) => {
    const at = (field?: string) => formatPath(field ? [...path, field] : path);
    for (const [field, message] of distributionProblems(q)) problems.push({ path: at(field), message });
    const range = fieldRange(path);
    if (range) {
      const [lo, hi] = quantitySupport(q);
      const whole = typeof q === "number" ? fmt(q) : lo === hi ? fmt(lo) : `values from ${fmt(lo)} to ${fmt(hi)}`;
      const below = range.minExclusive ? lo <= range.min : lo < range.min;
      if (below || hi > range.max) {
        const unbounded = typeof q === "object" && !Array.isArray(q) && q.dist === "normal" && (q.min === undefined || q.max === undefined);
        problems.push({
          path: at(),
          message:
            `expected ${range.kind} ${rangeText(range)}, got ${whole}` +
            (unbounded ? " (mean ± 8 sd; add min and max bounds)" : "") +
            (range.hint ? `; ${range.hint}` : ""),
        });
      } else if ((range.plausibleMin !== undefined && lo < range.plausibleMin && lo !== 0) || (range.plausibleMax !== undefined && hi > range.plausibleMax)) {
        warnings.push({
          path: at(),
          message: `unusual value for ${range.kind}: ${whole}, outside the usual ${fmt(range.plausibleMin ?? range.min)} to ${fmt(range.plausibleMax ?? range.max)}` + (range.hint ? `; ${range.hint}` : ""),
        });
      }
    }
    if (typeof q !== "object" || Array.isArray(q) || q.source === undefined) return;
    // A source may cite several records ("seeds/a, seeds/b"), as calibration reads it: each must exist.
    for (const id of citedSeeds(q.source)) {
      const record = evidence.get(id);
      if (record === undefined) {
        problems.push({ path: at("source"), message: `no seeds/ record with id '${id}' (records are in seeds/*.yaml)` });
        continue;
      }
      const cited = priceBaseYear(record.priceBase);
      if (range?.money && record.unit.startsWith("GBP") && cited !== undefined && cited !== scenario.startYear) {
        warnings.push({
          path: at("source"),
          message: `cites ${SEED_PREFIX}${id}, at ${fy(cited)} prices (${record.priceBase}); this scenario's money is at ${fy(scenario.startYear)} prices: uprate the figure or say so in a note`,
        });
      }
    }
  };

  // The validated scenario is a tree a few levels deep (the input contract has bounded it).
  const walk = (node: unknown, path: PropertyKey[]) => {
    if (path[0] === "correlations" || path[0] === "targets" || path[0] === "evidence" || path[0] === "simulation" || path[0] === "priceBase") return;
    if (path.length > 0 && isQuantity(node) && (fieldRange(path) || typeof node === "object")) {
      visitQuantity(node, path);
      return;
    }
    if (Array.isArray(node)) node.forEach((v, i) => walk(v, [...path, i]));
    else if (node !== null && typeof node === "object") for (const [k, v] of Object.entries(node)) walk(v, [...path, k]);
  };
  walk(scenario, []);

  scenario.targets.forEach((t, i) => {
    if (!evidence.has(t.seed)) problems.push({ path: formatPath(["targets", i, "seed"]), message: `no seeds/ record with id '${t.seed}' (records are in seeds/*.yaml)` });
  });
  // The published figures a run conditions on: a run refuses a record it cannot find, so validation does too.
  if (options.evidenceItems !== false) scenario.evidence.forEach((e, i) => {
    if (!evidence.has(e.record)) problems.push({ path: formatPath(["evidence", i, "record"]), message: `no seeds/ record with id '${e.record}' (records are in seeds/*.yaml)` });
  });
  return { problems, warnings };
}
