import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { evidenceFileData } from "./evidence-file-data.ts";
import { ScenarioError, problemsFromZod } from "../quantities/scenario-error.ts";
import { evidenceFileSchema, type EvidenceRecord } from "./evidence-record-schema.ts";

/** The published evidence in seeds/, by id; validates every file and refuses duplicate ids. */
export async function loadEvidence(dir: string): Promise<Map<string, EvidenceRecord>> {
  const files = (await readdir(dir)).filter((f) => f.endsWith(".yaml")).sort();
  const records = new Map<string, EvidenceRecord>();
  for (const f of files) {
    const path = join(dir, f);
    const data = evidenceFileData(path);
    const parsed = evidenceFileSchema.safeParse(data);
    if (!parsed.success) throw new ScenarioError(problemsFromZod(parsed.error.issues, data), path);
    parsed.data.forEach((r, i) => {
      if (records.has(r.id)) throw new ScenarioError([{ path: `[${i}].id`, message: `duplicate seed id '${r.id}'` }], path);
      records.set(r.id, r);
    });
  }
  return records;
}
