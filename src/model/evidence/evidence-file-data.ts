import { readFileSync, statSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { parseScenarioText } from "../scenario/parse-scenario-text.ts";
import { BUILD_DIR } from "../locations.ts";

/**
 * Parsed seeds/ files as the build left them: `npm run build` writes each file's parsed YAML with
 * its size and modification time (src/cli/write-evidence-cache.ts), because parsing the 110 KB of
 * seeds/ YAML was about a third of every command's start-up. Used only for a file whose size and
 * time still match; any other file (edited since, or no cache: tests running the sources) is parsed.
 */
export interface EvidenceCache {
  dir: string;
  files: Record<string, { size: number; mtimeMs: number; data: unknown }>;
}

/** Where the build writes the cache: dist/evidence-cache.json (src/evidence-cache.json, absent, for the sources). */
export const EVIDENCE_CACHE_FILE = join(BUILD_DIR, "evidence-cache.json");

const caches = new Map<string, EvidenceCache | null>();
const parsed = new Map<string, { size: number; mtimeMs: number; data: unknown }>();

function buildCache(file: string): EvidenceCache | null {
  let cache = caches.get(file);
  if (cache === undefined) {
    try {
      cache = JSON.parse(readFileSync(file, "utf8")) as EvidenceCache;
    } catch {
      cache = null;
    }
    caches.set(file, cache);
  }
  return cache;
}

/** The parsed YAML of one evidence file (seeds/<file>), from the build's cache when it is current; throws ScenarioError on bad YAML. */
export function evidenceFileData(path: string, cacheFile = EVIDENCE_CACHE_FILE): unknown {
  const { size, mtimeMs } = statSync(path);
  const known = parsed.get(path);
  if (known !== undefined && known.size === size && known.mtimeMs === mtimeMs) return known.data;
  const built = buildCache(cacheFile);
  const entry = built !== null && built.dir === dirname(path) ? built.files[basename(path)] : undefined;
  const data = entry !== undefined && entry.size === size && entry.mtimeMs === mtimeMs ? entry.data : parseScenarioText(readFileSync(path, "utf8"), path);
  parsed.set(path, { size, mtimeMs, data });
  return data;
}

/** The cache of every .yaml file in `dir`, for the build to write. */
export function evidenceCacheOf(dir: string, files: readonly string[]): EvidenceCache {
  return {
    dir,
    files: Object.fromEntries(
      files.map((f) => {
        const path = join(dir, f);
        const { size, mtimeMs } = statSync(path);
        return [f, { size, mtimeMs, data: parseScenarioText(readFileSync(path, "utf8"), path) }];
      }),
    ),
  };
}
