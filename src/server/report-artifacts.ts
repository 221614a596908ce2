import { sensitivity, type Results, type Scenario, type SensitivityResult } from "../model/index.ts";
import { resultsCsv, resultsDocx, resultsHtml, resultsXlsx, type ReportMeta } from "../report/index.ts";
import type { Artifact } from "./run-store.ts";

/** The downloads of a finished run, each built once (in the run's worker) and served as stored. */
export const ARTIFACT_KINDS = ["report", "csv", "xlsx", "docx"] as const;
export type ArtifactKind = (typeof ARTIFACT_KINDS)[number];

export const CONTENT_TYPES: Record<ArtifactKind, string> = {
  report: "text/html; charset=utf-8",
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
};

/** What a report needs besides the results: the run's meta and the tornado's pair ("a,b"). */
export type ArtifactMeta = ReportMeta & { between?: string };

/** Below this many iterations a tornado's rank correlations say nothing (and below 2 they do not exist). */
export const TORNADO_MIN_ITERATIONS = 100;

/** The pairs a report can explain ("a,b"), the first being the default. */
export const comparisonPairs = (results: Results): string[] => results.comparisons.map((c) => `${c.a},${c.b}`);

/** The tornado for one pair of options at the run's own iterations and seed; none for tiny runs. */
export function tornadoFor(scenario: Scenario, pair: string, iterations: number, seed: string): SensitivityResult | undefined {
  if (iterations < TORNADO_MIN_ITERATIONS) return undefined;
  const [a, b] = pair.split(",");
  return sensitivity(scenario, { a, b }, { iterations, seed });
}

/** Own (unpooled) bytes, so that a worker can transfer them rather than copy them. */
function own(bytes: Uint8Array): Uint8Array {
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  return copy;
}
const text = (s: string) => own(Buffer.from(s, "utf8"));

/** One download of a run, built from its results and meta. */
export async function buildArtifact(kind: ArtifactKind, results: Results, meta: ArtifactMeta): Promise<Artifact> {
  const contentType = CONTENT_TYPES[kind];
  switch (kind) {
    case "report":
      return { kind, contentType, data: text(resultsHtml(results, meta)) };
    case "csv":
      return { kind, contentType, data: text(resultsCsv(results)) };
    case "xlsx":
      return { kind, contentType, data: own(await resultsXlsx(results, meta)) };
    case "docx":
      return { kind, contentType, data: own(await resultsDocx(results, meta)) };
  }
}

/** Every download of a run. */
export async function buildArtifacts(results: Results, meta: ArtifactMeta): Promise<Artifact[]> {
  const artifacts: Artifact[] = [];
  for (const kind of ARTIFACT_KINDS) artifacts.push(await buildArtifact(kind, results, meta));
  return artifacts;
}
