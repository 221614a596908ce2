import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

/**
 * tsx's loader as a file URL, for worker threads' `--import` so they run the same TypeScript.
 * Resolved from this package's node_modules (whatever the working directory), and without
 * import.meta.resolve, which code compiled to CommonJS by tsx does not have.
 */
export const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
