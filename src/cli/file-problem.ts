import { existsSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { UsageError } from "./usage-error.ts";

/** Error codes of the file system that mean the user named a path that cannot be used: exit 2, not 1. */
const PATH_CODES: Record<string, string> = {
  ENOENT: "no such file or folder",
  ENOTDIR: "a part of the path is not a folder",
  EISDIR: "it is a folder",
  EACCES: "permission denied",
  EPERM: "permission denied",
  EROFS: "read-only file system",
  ENAMETOOLONG: "the name is too long",
};

/** A file-system error about a path the user gave, as a UsageError; null for any other error. */
export function fileProblem(error: unknown): UsageError | null {
  const e = error as NodeJS.ErrnoException;
  if (typeof e?.code !== "string" || !(e.code in PATH_CODES)) return null;
  return new UsageError(`${e.path ? `'${e.path}': ` : ""}${PATH_CODES[e.code]}`);
}

/**
 * Checks, before minutes of simulation, that `--out FILE` can be written: its folder exists and is a
 * folder, and FILE itself is not a folder.
 */
export function checkOutputPath(flag: string, file: string): void {
  const folder = dirname(resolve(file));
  if (!existsSync(folder)) throw new UsageError(`${flag}: the folder '${dirname(file)}' does not exist; create it first`);
  if (!statSync(folder).isDirectory()) throw new UsageError(`${flag}: '${dirname(file)}' is not a folder`);
  if (existsSync(file) && statSync(file).isDirectory()) throw new UsageError(`${flag}: '${file}' is a folder; name a file`);
}
