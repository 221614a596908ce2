/**
 * Bundles the command line into dist/bin/ (`npm run build` calls it after tsc): one folder of
 * shared chunks for the commands and the simulation worker, with zod, yaml, commander and
 * decimal.js inside. Loading them as separate files was most of every command's start-up:
 * `validate` loaded 205 ES modules (95 of them zod's: 67 ms to import, about 30 ms bundled) and
 * yaml's 72 CommonJS files, where the bundle loads 14 chunks. Everything else stays an ordinary import of
 * node_modules: native modules, those that read their own files (piscina's worker, BullMQ's
 * scripts) and the heavy ones a command loads only when used (exceljs, docx, echarts, mathjs).
 * The server, the benchmark's in-process runs and the tests run tsc's dist/ or the sources, not
 * this; the benchmark's `npm start` and `validate` timings run this.
 *
 * Usage: node scripts/bundle-cli.mjs [outdir]   (default dist/bin; keep it two folders below the
 * repository, as src/model/locations.ts finds the repository from there)
 */
import { build } from "esbuild";
import { chmodSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "..");

/** Pure JavaScript packages the commands load on every start, read from nowhere but their own code. */
export const BUNDLED_PACKAGES = ["zod", "yaml", "commander", "decimal.js"];

/** Bundles into `outdir` (absolute, or relative to the repository) and returns the entry point's path. */
export async function bundleCli(outdir = "dist/bin") {
  const out = resolve(ROOT, outdir);
  rmSync(out, { recursive: true, force: true });
  await build({
    absWorkingDir: ROOT,
    entryPoints: { main: "src/cli/main.ts", "simulation-worker": "src/model/simulation/simulation-worker.ts" },
    outdir: out,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    chunkNames: "chunk-[hash]",
    // Bundled CommonJS (yaml, commander) calls require: give the ES module one.
    banner: { js: 'import { createRequire as trustsimRequire } from "node:module"; const require = trustsimRequire(import.meta.url);' },
    logLevel: "warning",
    plugins: [
      {
        // zod re-exports its 64 locales as z.locales and core.locales; the commands use none but
        // English (zod configures it itself, from locales/en.js), and the rest were 368 KB of the
        // largest chunk, parsed on every start.
        name: "zod-english-only",
        setup(b) {
          b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
            /[\\/]node_modules[\\/]zod[\\/]/.test(args.importer) ? { path: join(dirname(args.importer), "../locales/en.js"), namespace: "zod-english-only" } : undefined,
          );
          b.onLoad({ filter: /.*/, namespace: "zod-english-only" }, (args) => ({
            contents: `export { default as en } from ${JSON.stringify(args.path)};`,
            resolveDir: dirname(args.path),
          }));
        },
      },
      {
        name: "bundle-only-listed-packages",
        setup(b) {
          b.onResolve({ filter: /^[^./]/ }, (args) => {
            if (args.path.startsWith("node:")) return { external: true };
            const name = args.path.startsWith("@") ? args.path.split("/").slice(0, 2).join("/") : args.path.split("/")[0];
            return BUNDLED_PACKAGES.includes(name) ? undefined : { external: true };
          });
        },
      },
    ],
  });
  const main = join(out, "main.js");
  chmodSync(main, 0o755);
  return main;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  await bundleCli(process.argv[2]);
}
