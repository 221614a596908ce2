import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { buildApp, type AppOptions } from "../../src/server/app.ts";

export const SCENARIOS = join(import.meta.dirname, "..", "..", "scenarios");

/** A fresh data directory for one test file. */
export function dataDir(): string {
  return mkdtempSync(join(tmpdir(), "trustsim-server-"));
}

/** The app on a data directory, with small limits so tests run fast. */
export function testApp(options: Partial<AppOptions> = {}): Promise<FastifyInstance> {
  return buildApp({ dataDir: options.dataDir ?? dataDir(), scenariosDir: SCENARIOS, maxIterations: 50_000, maxConcurrentRuns: 2, ...options });
}

/** Polls GET /runs/:id until the run is done or failed (or the time runs out). */
export async function waitForRun(app: FastifyInstance, id: string, timeoutMs = 30_000): Promise<{ status: string; results?: unknown; error: string | null }> {
  const start = Date.now();
  for (;;) {
    const body = (await app.inject({ method: "GET", url: `/runs/${id}` })).json();
    if (body.status === "done" || body.status === "failed" || body.status === "cancelled") return body;
    if (Date.now() - start > timeoutMs) throw new Error(`run ${id} still ${body.status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
