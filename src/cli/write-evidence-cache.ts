import { readdirSync, writeFileSync } from "node:fs";
import { EVIDENCE_CACHE_FILE, evidenceCacheOf } from "../model/evidence/evidence-file-data.ts";
import { SEEDS_DIR } from "../model/evidence/evidence-catalog.ts";

/**
 * Run by `npm run build`: writes dist/evidence-cache.json, the seeds/ files parsed, so commands do
 * not parse 110 KB of YAML at every start (a file edited since is parsed as before).
 */
const dir = SEEDS_DIR.replace(/[\\/]$/, "");
const files = readdirSync(dir).filter((f) => f.endsWith(".yaml")).sort();
writeFileSync(EVIDENCE_CACHE_FILE, JSON.stringify(evidenceCacheOf(dir, files)));
