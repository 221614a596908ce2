import { readFileSync } from "node:fs";
import { join } from "node:path";
import { REPOSITORY } from "./repository.ts";

/** The package version for `--version`; read from package.json so it never disagrees with the release. */
export const VERSION: string = JSON.parse(readFileSync(join(REPOSITORY, "package.json"), "utf8")).version;
