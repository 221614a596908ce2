import { afterAll, describe, expect, it, vi } from "vitest";
import fc from "fast-check";
import type { FastifyInstance } from "fastify";
import { RunStore } from "../src/server/run-store.ts";
import { scenarioData } from "./helpers/scenarios.ts";
import { dataDir, testApp, waitForRun } from "./helpers/server.ts";

// Whole simulations and worker threads: seconds, not milliseconds, on a 2-core machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const apps: FastifyInstance[] = [];
afterAll(async () => {
  for (const a of apps) await a.close();
});

describe("concurrency cap", () => {
  it("answers 429 with a retry hint beyond the cap, and keeps what it has", async () => {
    const app = await testApp({ maxConcurrentRuns: 1 });
    apps.push(app);
    const first = await app.inject({ method: "POST", url: "/runs", payload: { scenarioId: "bradford", iterations: 20_000 } });
    expect(first.statusCode).toBe(202);
    const second = await app.inject({ method: "POST", url: "/runs", payload: { scenarioId: "slough", iterations: 100 } });
    expect(second.statusCode).toBe(429);
    expect(second.headers["retry-after"]).toBe("5");
    expect((await app.inject("/runs")).json().total).toBe(1);
    await waitForRun(app, first.json().id, 60_000);
    expect((await app.inject({ method: "POST", url: "/runs", payload: { scenarioId: "slough", iterations: 100 } })).statusCode).toBe(202);
  });
});

describe("a real socket", () => {
  it("serves health and a run over HTTP on a loopback port", async () => {
    const app = await testApp();
    apps.push(app);
    const address = await app.listen({ port: 0, host: "127.0.0.1" });
    expect((await (await fetch(`${address}/health`)).json()).status).toBe("ok");
    const post = await fetch(`${address}/runs`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ scenarioId: "doncaster", iterations: 300 }) });
    expect(post.status).toBe(202);
    const { id } = await post.json();
    await waitForRun(app, id);
    const report = await fetch(`${address}/runs/${id}/report`);
    expect(report.status).toBe(200);
    expect(await report.text()).toContain("Doncaster");
  });
});

describe("restart", () => {
  it("lists and serves the same runs, identical, after the server is rebuilt on the same data directory", async () => {
    const dir = dataDir();
    const first = await testApp({ dataDir: dir });
    const ids: string[] = [];
    for (const scenarioId of ["slough", "worcestershire"]) ids.push((await first.inject({ method: "POST", url: "/runs", payload: { scenarioId, iterations: 400 } })).json().id);
    const before = await Promise.all(ids.map(async (id) => (await waitForRun(first, id), (await first.inject(`/runs/${id}`)).body)));
    await first.close();

    const second = await testApp({ dataDir: dir });
    apps.push(second);
    expect((await second.inject("/runs")).json().runs.map((r: { id: string }) => r.id)).toEqual([...ids].reverse());
    for (const [i, id] of ids.entries()) expect((await second.inject(`/runs/${id}`)).body).toBe(before[i]);
    expect((await second.inject(`/runs/${ids[0]}/results.csv`)).statusCode).toBe(200);
  });

  it("marks a run that was going when the process died as failed, not lost", async () => {
    const dir = dataDir();
    const store = new RunStore(dir);
    store.create({ id: "11111111-2222-3333-4444-555555555555", scenarioId: "slough", scenarioTitle: "Slough", iterations: 10, seed: "s", scenario: {} });
    store.markRunning("11111111-2222-3333-4444-555555555555");
    store.close(); // the process "dies" here, mid-run
    const app = await testApp({ dataDir: dir });
    apps.push(app);
    const run = (await app.inject("/runs/11111111-2222-3333-4444-555555555555")).json();
    expect(run.status).toBe("failed");
    expect(run.error).toMatch(/interrupted/);
  });
});

describe("property: POST /runs never answers 500 and never crashes", () => {
  /** A valid scenario with one field somewhere replaced by an arbitrary JSON value. */
  const template = scenarioData("template");
  const paths: string[][] = [];
  const walk = (node: unknown, path: string[]) => {
    paths.push(path);
    if (node && typeof node === "object") for (const [k, v] of Object.entries(node)) walk(v, [...path, k]);
  };
  walk(template, []);
  const mutated = fc.tuple(fc.constantFrom(...paths.filter((p) => p.length > 0)), fc.jsonValue()).map(([path, value]) => {
    const copy = structuredClone(template) as Record<string, unknown>;
    let node = copy as Record<string, unknown>;
    for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
    node[path[path.length - 1]] = value;
    return { scenario: copy, iterations: 50 };
  });
  const arbitrary = fc.oneof(fc.jsonValue(), fc.dictionary(fc.constantFrom("scenarioId", "scenario", "iterations", "seed", "overrides", "x"), fc.jsonValue()));

  it("for random and mutated bodies", async () => {
    const app = await testApp({ maxIterations: 200 });
    apps.push(app);
    await fc.assert(
      fc.asyncProperty(fc.oneof(mutated, arbitrary), async (body) => {
        const res = await app.inject({ method: "POST", url: "/runs", headers: { "content-type": "application/json" }, payload: JSON.stringify(body) });
        expect(res.statusCode, res.body).toBeLessThan(500);
        expect([202, 400, 413, 429]).toContain(res.statusCode);
      }),
      { numRuns: 150, seed: 20261124 },
    );
    expect((await app.inject("/health")).statusCode).toBe(200);
  });
});
