/** The repository root, so scenarios/ and seeds/ resolve wherever the command is run from. */
export { REPOSITORY } from "../model/locations.ts";
