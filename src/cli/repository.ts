import { fileURLToPath } from "node:url";

/** The repository root, so scenarios/ and seeds/ resolve wherever the command is run from. */
export const REPOSITORY = fileURLToPath(new URL("../..", import.meta.url));
