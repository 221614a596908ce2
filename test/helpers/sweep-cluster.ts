import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";

/** A real Redis and real sweep-worker processes for the sweep tests (Debian's redis-server; .ci/run installs it). */
export const ROOT = join(import.meta.dirname, "..", "..");
export const REDIS = "/usr/bin/redis-server";
export const hasRedis = existsSync(REDIS);
if (!hasRedis) console.warn(`sweep tests: skipped, ${REDIS} is missing (apt-get install redis-server; .ci/run does)`);

/** A free loopback port: bind to 0, read it, release it. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(check: () => boolean, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Starts `trustsim sweep-worker` processes (through tsx) and resolves once each says it waits for jobs. */
export async function startWorkers(n: number, url: string): Promise<ChildProcess[]> {
  const workers = Array.from({ length: n }, () =>
    spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", "sweep-worker"], {
      cwd: ROOT,
      env: { ...process.env, TRUSTSIM_REDIS_URL: url, TRUSTSIM_SWEEP_LOCK_MS: "2000" },
      stdio: ["ignore", "ignore", "pipe"],
    }),
  );
  await Promise.all(
    workers.map(
      (w) =>
        new Promise<void>((resolve, reject) => {
          let text = "";
          w.stderr!.on("data", (d) => {
            text += String(d);
            if (text.includes("waiting for jobs")) resolve();
          });
          w.once("exit", (code) => reject(new Error(`sweep-worker exited ${code}: ${text}`)));
        }),
    ),
  );
  return workers;
}

export async function stopWorkers(workers: ChildProcess[]): Promise<void> {
  await Promise.all(
    workers.map((w) =>
      w.exitCode !== null || w.signalCode !== null ? Promise.resolve() : new Promise<void>((resolve) => (w.once("exit", () => resolve()), w.kill("SIGTERM")))),
  );
}


/** Starts redis-server on a free loopback port, without persistence, and waits until it accepts connections. */
export async function startRedis(): Promise<{ redis: ChildProcess; url: string }> {
  const port = await freePort();
  const redis = spawn(REDIS, ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: ["ignore", "pipe", "ignore"] });
  let ready = false;
  redis.stdout!.on("data", (d) => (ready ||= String(d).includes("Ready to accept connections")));
  await waitFor(() => ready, 10_000, "redis-server");
  return { redis, url: `redis://127.0.0.1:${port}` };
}

/** Stops a process this test started, by its own handle, and waits for it to exit. */
export async function stopProcess(p: ChildProcess | undefined): Promise<void> {
  if (p && p.exitCode === null && p.signalCode === null) await new Promise<void>((resolve) => (p.once("exit", () => resolve()), p.kill("SIGTERM")));
}
