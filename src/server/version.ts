import { readFileSync } from "node:fs";

/** The package version, reported by /health and written into every results download. */
export const VERSION: string = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")).version;
