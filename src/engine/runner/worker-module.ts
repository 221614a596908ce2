import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

/** A worker thread's entry module and the flags it needs to start. */
export interface WorkerModule {
  url: URL;
  execArgv: string[];
}

/**
 * The entry `stem` beside the module at `base`, as this process runs it: compiled JavaScript
 * (dist/, built by `npm ci` through the prepare script) starts plainly; TypeScript sources (tests,
 * `npm run dev`) start under tsx's loader, resolved only then so that dist/ never needs tsx.
 * `cjsEntry` names a CommonJS shim for sources whose worker must be required through tsx.
 */
export function workerModule(base: string, stem: string, cjsEntry?: string): WorkerModule {
  if (!base.endsWith(".ts")) return { url: new URL(`./${stem}.js`, base), execArgv: [] };
  const tsx = pathToFileURL(createRequire(base).resolve("tsx")).href;
  return { url: new URL(cjsEntry !== undefined ? `./${cjsEntry}` : `./${stem}.ts`, base), execArgv: ["--import", tsx] };
}
