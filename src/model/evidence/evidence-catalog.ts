import { readdirSync } from "node:fs";
import { join, sep } from "node:path";
import { REPOSITORY } from "../locations.ts";
import { evidenceFileData } from "./evidence-file-data.ts";
import { evidenceFileSchema, type EvidenceRecord } from "./evidence-record-schema.ts";

/** The repository's seeds/ folder, from the sources, tsc's output or the bundle alike. */
export const SEEDS_DIR = join(REPOSITORY, "seeds") + sep;

const cache = new Map<string, ReadonlyMap<string, EvidenceRecord>>();

/**
 * The evidence records in `dir` by id, read once per process (synchronously: scenario validation
 * is synchronous). Files that do not validate are skipped here; `loadEvidence` reports them.
 */
export function evidenceCatalog(dir = SEEDS_DIR): ReadonlyMap<string, EvidenceRecord> {
  const known = cache.get(dir);
  if (known) return known;
  const records = new Map<string, EvidenceRecord>();
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith(".yaml")).sort();
  } catch {
    files = [];
  }
  for (const f of files) {
    let data: unknown;
    try {
      data = evidenceFileData(join(dir, f));
    } catch {
      continue;
    }
    const parsed = evidenceFileSchema.safeParse(data);
    if (parsed.success) for (const r of parsed.data) records.set(r.id, r);
  }
  cache.set(dir, records);
  return records;
}
