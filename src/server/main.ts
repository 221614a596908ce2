import { Command } from "commander";
import { fileURLToPath } from "node:url";
import { loadAccessTokens } from "./access-tokens.ts";
import { buildApp } from "./app.ts";

/**
 * `npm run serve [-- --port N --host H --data DIR --tokens-file FILE]`: starts the service; PORT,
 * HOST, DATA_DIR, TRUSTSIM_TOKENS_FILE and TRUSTSIM_TOKENS (name:token, comma-separated) work too.
 * Without tokens it listens on loopback only; on any other address it refuses to start.
 */
const repository = fileURLToPath(new URL("../..", import.meta.url));
const program = new Command("trustsim-serve")
  .option("--port <n>", "port to listen on", process.env.PORT ?? "3000")
  .option("--host <host>", "address to listen on", process.env.HOST ?? "127.0.0.1")
  .option("--data <dir>", "data directory for the run store", process.env.DATA_DIR ?? `${repository}data`)
  .option("--tokens-file <file>", "bearer tokens, one 'name:token' a line", process.env.TRUSTSIM_TOKENS_FILE)
  .option("--run-deadline <seconds>", "wall-clock deadline of each run", process.env.TRUSTSIM_RUN_DEADLINE ?? "600")
  .option("--keep-runs <n>", "finished runs kept per token", process.env.TRUSTSIM_KEEP_RUNS ?? "200")
  .option("--keep-days <n>", "days a finished run is kept", process.env.TRUSTSIM_KEEP_DAYS ?? "30")
  .parse();
const opts = program.opts<{ port: string; host: string; data: string; tokensFile?: string; runDeadline: string; keepRuns: string; keepDays: string }>();
const refuse = (message: string): never => {
  process.stderr.write(`trustsim-serve: ${message}\n`);
  process.exit(2);
};
if (!/^\d+$/.test(opts.port) || Number(opts.port) > 65535) refuse(`--port: expected a port number from 0 to 65535, got '${opts.port}'`);
const whole = (flag: string, value: string) => (/^\d+$/.test(value) && Number(value) >= 1 ? Number(value) : refuse(`${flag}: expected a whole number of at least 1, got '${value}'`));
const deadline = whole("--run-deadline", opts.runDeadline);
const keepRuns = whole("--keep-runs", opts.keepRuns);
const keepDays = whole("--keep-days", opts.keepDays);

let tokens;
try {
  tokens = loadAccessTokens(opts.tokensFile, process.env.TRUSTSIM_TOKENS);
} catch (error) {
  refuse((error as Error).message);
}
const loopback = ["127.0.0.1", "::1", "localhost"].includes(opts.host);
if (tokens!.size === 0 && !loopback) {
  refuse(`--host ${opts.host}: refusing to listen beyond this machine without access tokens; set TRUSTSIM_TOKENS or --tokens-file, or listen on 127.0.0.1`);
}

const app = await buildApp({
  dataDir: opts.data,
  scenariosDir: `${repository}scenarios`,
  logger: true,
  tokens: tokens!,
  runDeadlineMs: deadline * 1000,
  quotas: { keepRuns, keepDays },
});
const shutdown = async () => {
  await app.close();
  process.exit(0);
};
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
await app.listen({ port: Number(opts.port), host: opts.host });
process.stderr.write(
  `trustsim service on http://${opts.host}:${opts.port} (docs at /docs), run store in ${opts.data}, ` +
    `${tokens!.size === 0 ? "no tokens (loopback only)" : `${tokens!.size} token(s)`}\n`,
);
