import { mkdtempSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { evidenceCacheOf, evidenceFileData } from "../src/model/evidence/evidence-file-data.ts";

describe("evidenceFileData(path, cacheFile): the build's parsed seeds/", () => {
  it("uses a cached file only while its size and time match, and parses it again once edited", () => {
    const dir = mkdtempSync(join(tmpdir(), "trustsim-seeds-"));
    const file = join(dir, "a.yaml");
    writeFileSync(file, "- id: a\n  value: 1\n");
    utimesSync(file, 1_700_000_000, 1_700_000_000);
    const cache = evidenceCacheOf(dir, ["a.yaml"]);
    expect(cache.files["a.yaml"].data).toEqual([{ id: "a", value: 1 }]);
    // A cache that says something else proves which one was read.
    cache.files["a.yaml"].data = [{ id: "a", value: 2 }];
    const cacheFile = join(dir, "cache.json");
    writeFileSync(cacheFile, JSON.stringify(cache));
    expect(evidenceFileData(file, cacheFile)).toEqual([{ id: "a", value: 2 }]);
    writeFileSync(file, "- id: a\n  value: 3\n");
    utimesSync(file, 1_700_000_100, 1_700_000_100);
    expect(evidenceFileData(file, cacheFile)).toEqual([{ id: "a", value: 3 }]);
  });

  it("parses a file no cache knows and refuses bad YAML with the file named", () => {
    const dir = mkdtempSync(join(tmpdir(), "trustsim-seeds-"));
    const file = join(dir, "b.yaml");
    writeFileSync(file, "- id: b\n  value: [1, 2\n");
    expect(() => evidenceFileData(file, join(dir, "no-cache.json"))).toThrow(/b\.yaml/);
  });
});
