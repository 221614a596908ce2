import { Command } from "commander";
import { fileURLToPath } from "node:url";
import { buildApp } from "./app.ts";

/** `npm run serve [-- --port N --data DIR]`: starts the service; PORT and DATA_DIR work too. */
const repository = fileURLToPath(new URL("../..", import.meta.url));
const program = new Command("trustsim-serve")
  .option("--port <n>", "port to listen on", process.env.PORT ?? "3000")
  .option("--host <host>", "address to listen on", process.env.HOST ?? "127.0.0.1")
  .option("--data <dir>", "data directory for the run store", process.env.DATA_DIR ?? `${repository}data`)
  .parse();
const { port, host, data } = program.opts<{ port: string; host: string; data: string }>();
if (!/^\d+$/.test(port) || Number(port) > 65535) {
  process.stderr.write(`trustsim-serve: --port: expected a port number from 0 to 65535, got '${port}'\n`);
  process.exit(2);
}

const app = await buildApp({ dataDir: data, scenariosDir: `${repository}scenarios`, logger: true });
const shutdown = async () => {
  await app.close();
  process.exit(0);
};
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
await app.listen({ port: Number(port), host });
process.stderr.write(`trustsim service on http://${host}:${port} (docs at /docs), run store in ${data}\n`);
