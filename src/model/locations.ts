import { fileURLToPath } from "node:url";

// This file sits one folder below the code's root in every form the code runs in: src/model/ (the
// sources), dist/model/ (tsc's output) and dist/bin/ (the bundled command line, whose chunks are
// one flat folder). Paths are taken from here, not from each module's own place, because a
// bundled module no longer sits where its source did.

/** The repository root: scenarios/, seeds/ and package.json. */
export const REPOSITORY = fileURLToPath(new URL("../..", import.meta.url));

/** The folder the running code was built into: src/ for the sources, dist/ once built. */
export const BUILD_DIR = fileURLToPath(new URL("..", import.meta.url));
