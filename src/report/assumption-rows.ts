import type { Assumption, EvidenceRecord, Results } from "../model/index.ts";
import { assumptionLabel } from "./label.ts";

/** An assumption as numbers with its evidence, for a spreadsheet or an annex. */
export interface AssumptionRow {
  label: string;
  key: string;
  /** The distribution's name: constant, pert, triangular, uniform, normal, ... or "by year". */
  distribution: string;
  low: number | null;
  central: number | null;
  high: number | null;
  /** The whole description, for the parameters that have no column (sd, autocorrelation, yearly lists). */
  detail: string;
  per: "iteration" | "year";
  sourceTitle: string;
  publisher: string;
  date: string;
  /** The seeds/ record id, or the free-text source when it names no record. */
  reference: string;
  note: string;
}

const NUMBER = String.raw`(-?\d+(?:\.\d+)?(?:e[-+]?\d+)?)`;

/**
 * The numbers of a quantity from its description (the model's describeQuantity: "pert(4600, 6100,
 * 10000)", "normal(mean 0.025, sd 0.01, min -0.01, ...)", "beta(2, 5) on [0, 1]", "188"), so that
 * a spreadsheet holds numbers, not text.
 */
export function quantityNumbers(description: string): Pick<AssumptionRow, "distribution" | "low" | "central" | "high"> {
  const n = (s: string | undefined) => (s === undefined ? null : Number(s));
  if (new RegExp(`^${NUMBER}$`).test(description)) return { distribution: "constant", low: null, central: Number(description), high: null };
  if (description.startsWith("by year")) return { distribution: "by year", low: null, central: null, high: null };
  const name = /^(\w+)\(/.exec(description)?.[1] ?? description;
  const all = [...description.matchAll(new RegExp(NUMBER, "g"))].map((m) => m[1]);
  const named = (key: string) => n(new RegExp(`${key} ${NUMBER}`).exec(description)?.[1]);
  switch (name) {
    case "pert":
    case "triangular":
      return { distribution: name, low: n(all[0]), central: n(all[1]), high: n(all[2]) };
    case "uniform":
      return { distribution: name, low: n(all[0]), central: null, high: n(all[1]) };
    case "normal":
    case "lognormal":
      return { distribution: name, low: named("min"), central: named("mean"), high: named("max") };
    case "beta":
      return { distribution: name, low: n(all[2]), central: null, high: n(all[3]) };
    case "bernoulli":
      return { distribution: name, low: null, central: n(all[0]), high: null };
    default:
      return { distribution: name, low: null, central: null, high: null };
  }
}

/** Every assumption of a run with its numbers and, where its source is a seeds/ record, that record's title and date. */
export function assumptionRows(r: Results, evidence?: Map<string, EvidenceRecord>): AssumptionRow[] {
  return r.assumptions.map((a: Assumption) => {
    const id = a.source?.startsWith("seeds/") ? a.source.slice("seeds/".length) : null;
    const record = id === null ? undefined : evidence?.get(id);
    return {
      label: assumptionLabel(a.key),
      key: a.key,
      ...quantityNumbers(a.distribution),
      detail: a.distribution,
      per: a.per,
      sourceTitle: record?.source.title ?? (id === null ? (a.source ?? "") : ""),
      publisher: record?.source.publisher ?? "",
      date: record?.source.date ?? "",
      reference: id ?? a.source ?? "",
      note: a.note ?? "",
    };
  });
}
