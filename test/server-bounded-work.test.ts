import { afterAll, describe, expect, it, vi } from "vitest";
import type { FastifyInstance } from "fastify";
import { parseAccessTokens } from "../src/server/access-tokens.ts";
import { testApp, waitForRun } from "./helpers/server.ts";

// Whole simulations and worker threads: seconds, not milliseconds, on a 2-core machine.
vi.setConfig({ testTimeout: 90_000, hookTimeout: 60_000 });

const apps: FastifyInstance[] = [];
afterAll(async () => {
  for (const a of apps) await a.close();
});
const post = (app: FastifyInstance, payload: unknown, headers: Record<string, string> = {}) => app.inject({ method: "POST", url: "/runs", payload: payload as object, headers });
const running = (app: FastifyInstance) => (app as unknown as { runQueue: { running: number } }).runQueue.running;

async function until(check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("deadline", () => {
  it("stops a run past its deadline, marks it failed with the reason, and /health stays fast meanwhile", async () => {
    const app = await testApp({ runDeadlineMs: 1500 });
    apps.push(app);
    const id = (await post(app, { scenarioId: "bradford", iterations: 50_000 })).json().id;
    const latencies: number[] = [];
    while ((await app.inject(`/runs/${id}`)).json().status === "running" || latencies.length === 0) {
      const t = performance.now();
      expect((await app.inject("/health")).statusCode).toBe(200);
      latencies.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 50));
    }
    const run = await waitForRun(app, id);
    expect(run.status).toBe("failed");
    expect(run.error).toMatch(/passed its deadline of 2 s/);
    expect(Math.max(...latencies)).toBeLessThan(250);
    expect(running(app)).toBe(0);
  });
});

describe("cancel", () => {
  it("DELETE /runs/:id stops a running run (cancelled, worker gone), then deletes it once finished", async () => {
    const app = await testApp();
    apps.push(app);
    const id = (await post(app, { scenarioId: "bradford", iterations: 50_000 })).json().id;
    await until(async () => (await app.inject(`/runs/${id}`)).json().status === "running");
    const res = await app.inject({ method: "DELETE", url: `/runs/${id}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: "cancelled", error: "cancelled by its owner" });
    expect(running(app)).toBe(0);
    expect((await app.inject(`/runs/${id}`)).json().status).toBe("cancelled");
    expect((await app.inject({ method: "DELETE", url: `/runs/${id}` })).statusCode).toBe(204);
    expect((await app.inject(`/runs/${id}`)).statusCode).toBe(404);
  });
});

describe("access control", () => {
  const alice = { authorization: "Bearer alice-token-0123456789" };
  const bob = { authorization: "Bearer bob-token-0123456789ab" };
  it("needs a known bearer token (not for /health), and each run is seen only by its owner", async () => {
    const app = await testApp({ tokens: parseAccessTokens("alice:alice-token-0123456789, bob:bob-token-0123456789ab", "test") });
    apps.push(app);
    expect((await app.inject("/health")).statusCode).toBe(200);
    expect((await app.inject("/runs")).statusCode).toBe(401);
    expect((await app.inject({ url: "/runs", headers: { authorization: "Bearer wrong-token-0123456789" } })).json().message).toBe("unknown token");
    const id = (await post(app, { scenarioId: "slough", iterations: 200 }, alice)).json().id;
    await until(async () => (await app.inject({ url: `/runs/${id}`, headers: alice })).json().status === "done");
    expect((await app.inject({ url: `/runs/${id}`, headers: bob })).statusCode).toBe(404);
    expect((await app.inject({ url: `/runs/${id}/report`, headers: bob })).statusCode).toBe(404);
    expect((await app.inject({ method: "DELETE", url: `/runs/${id}`, headers: bob })).statusCode).toBe(404);
    expect((await app.inject({ url: "/runs", headers: bob })).json().total).toBe(0);
    expect((await app.inject({ url: "/runs", headers: alice })).json().total).toBe(1);
    expect((await app.inject({ url: `/runs/${id}/results.csv`, headers: alice })).statusCode).toBe(200);
    // The web pages and the Word download go through the same owner checks.
    for (const url of [`/runs/${id}/results.docx`, `/runs/${id}/events`, `/compare?a=${id}&b=${id}`]) {
      expect((await app.inject({ url, headers: bob })).statusCode, url).toBe(404);
    }
    expect((await app.inject({ url: "/", headers: bob })).body).not.toContain(id.slice(0, 8));
    expect((await app.inject({ url: "/", headers: alice })).body).toContain(id.slice(0, 8));
    const docx = await app.inject({ url: `/runs/${id}/results.docx`, headers: alice });
    expect(docx.statusCode).toBe(200);
    expect(docx.headers["content-type"]).toMatch(/wordprocessingml/);
  });
  it("refuses tokens that can be guessed", () => {
    expect(() => parseAccessTokens("eve:short", "test")).toThrow(/at least 16 characters/);
  });
});

describe("quotas and retention", () => {
  it("answers 429 past the runs an owner may start in an hour", async () => {
    const app = await testApp({ quotas: { maxRunsPerHour: 2 } });
    apps.push(app);
    for (let i = 0; i < 2; i++) await waitForRun(app, (await post(app, { scenarioId: "slough", iterations: 100 })).json().id);
    const third = await post(app, { scenarioId: "slough", iterations: 100 });
    expect(third.statusCode).toBe(429);
    expect(third.json().message).toMatch(/you started 2 runs in the last hour/);
  });

  it("answers 429 when an owner's stored runs fill the quota", async () => {
    const app = await testApp({ quotas: { maxStoredBytes: 1000 } });
    apps.push(app);
    await waitForRun(app, (await post(app, { scenarioId: "slough", iterations: 100 })).json().id);
    const next = await post(app, { scenarioId: "slough", iterations: 100 });
    expect(next.statusCode).toBe(429);
    expect(next.json().message).toMatch(/your stored runs take .* MB of your 0\.0 MB; delete some/);
  });

  it("keeps the newest N finished runs per owner, evicting the oldest, never one in progress", async () => {
    const app = await testApp({ quotas: { keepRuns: 2 } });
    apps.push(app);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      ids.push((await post(app, { scenarioId: "slough", iterations: 100, seed: `k${i}` })).json().id);
      await waitForRun(app, ids[i]);
    }
    const big = (await post(app, { scenarioId: "bradford", iterations: 50_000 })).json().id;
    const listed = (await app.inject("/runs")).json().runs.map((r: { id: string }) => r.id);
    expect(listed).toEqual([big, ids[2], ids[1]]);
    expect((await app.inject(`/runs/${ids[0]}`)).statusCode).toBe(404);
    await app.inject({ method: "DELETE", url: `/runs/${big}` });
  });
});

describe("request bodies", () => {
  it("refuses JSON nested thousands deep with 400 before parsing, and keeps serving", async () => {
    const app = await testApp();
    apps.push(app);
    const deep = `{"scenarioId":"slough","overrides":{"baseline.otherSpend":${"[".repeat(100_000)}${"]".repeat(100_000)}}}`;
    const res = await app.inject({ method: "POST", url: "/runs", headers: { "content-type": "application/json" }, payload: deep });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/nested at most 64 levels/);
    const shallow = `{"scenarioId":"slough","overrides":{"baseline.otherSpend":${"[".repeat(40)}1${"]".repeat(40)}}}`;
    const res2 = await app.inject({ method: "POST", url: "/runs", headers: { "content-type": "application/json" }, payload: shallow });
    expect(res2.statusCode).toBe(400);
    expect(res2.json().message).toMatch(/overrides\.baseline\.otherSpend.*nesting at most 24 levels/);
    expect((await app.inject("/health")).statusCode).toBe(200);
  });
});
