import fc from "fast-check";
import { afterAll, describe, expect, it, vi } from "vitest";
import type { FastifyInstance } from "fastify";
import { ALLOWED_STATUSES, fuzzBody } from "./helpers/fuzz-requests.ts";
import { testApp, waitForRun } from "./helpers/server.ts";

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const apps: FastifyInstance[] = [];
afterAll(async () => {
  for (const a of apps) await a.close();
});

describe("fuzz (quick; `npm run bench:fuzz` runs 10,000 requests)", () => {
  it("POST /runs answers no 5xx to extreme, deep, truncated and correlated inputs; every accepted run ends; stored runs unchanged", async () => {
    const app = await testApp({ maxIterations: 200, runDeadlineMs: 20_000, quotas: { maxRunsPerHour: 1e6, keepRuns: 1e6 } });
    apps.push(app);
    const reference = (await app.inject({ method: "POST", url: "/runs", payload: { scenarioId: "slough", iterations: 150, seed: "ref" } })).json().id;
    await waitForRun(app, reference);
    const before = (await app.inject(`/runs/${reference}`)).body;
    const accepted: string[] = [];
    const counts: Record<number, number> = {};
    await fc.assert(
      fc.asyncProperty(fuzzBody, async (payload) => {
        const res = await app.inject({ method: "POST", url: "/runs", headers: { "content-type": "application/json" }, payload });
        counts[res.statusCode] = (counts[res.statusCode] ?? 0) + 1;
        expect(ALLOWED_STATUSES, res.body.slice(0, 500)).toContain(res.statusCode);
        if (res.statusCode === 202) accepted.push(res.json().id);
      }),
      { numRuns: 150, seed: 20261125 },
    );
    for (const id of accepted) expect(["done", "failed"]).toContain((await waitForRun(app, id, 30_000)).status);
    const health = await app.inject("/health");
    expect(health.statusCode).toBe(200);
    expect(health.json().runsRunning).toBe(0);
    expect((await app.inject(`/runs/${reference}`)).body).toBe(before);
    expect(counts[500] ?? 0).toBe(0);
  });
});
