import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { testApp } from "./helpers/server.ts";

const pair = {
  id: "pair",
  title: "Slough and Sandwell",
  seed: "route-test",
  iterations: 500,
  conditioning: "prior",
  members: [
    { scenario: "slough", option: "trust", reserves: { opening: 3000000, note: "assumption: test" } },
    { scenario: "sandwell", option: "trust", reserves: { opening: 5000000, note: "assumption: test" } },
  ],
  plans: [{ id: "council-step-in", label: "Council steps in", deficitPaidBy: "council", afterwards: { dfeShare: 0, councilShare: 1 }, note: "assumption: test" }],
  reservesBands: [{ label: "under 3 years", below: 3 }, { label: "longer", below: 1000000 }],
};

describe("/portfolio", () => {
  let app: FastifyInstance;
  beforeAll(async () => (app = await testApp()));
  afterAll(async () => app.close());

  it("POST /portfolio runs a posted portfolio of shipped scenarios", async () => {
    const res = await app.inject({ method: "POST", url: "/portfolio", payload: pair });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.members.map((m: { id: string }) => m.id)).toEqual(["slough", "sandwell"]);
    expect(body.years[0].year).toBe("2016-17");
    expect(body.plans[0].id).toBe("council-step-in");
  });

  // Conditioned jointly by tempering: 200 particles through about ten stages, some 30 s on this machine.
  it("GET /portfolio runs the shipped DfE portfolio", { timeout: 180_000 }, async () => {
    const res = await app.inject({ method: "GET", url: "/portfolio?iterations=200" });
    expect(res.statusCode).toBe(200);
    expect(res.json().members).toHaveLength(8);
    expect(res.json().conditioning.sampler).toBe("tempered");
  });

  it("a portfolio with a mistake is a 400 naming the path", async () => {
    const res = await app.inject({ method: "POST", url: "/portfolio", payload: { ...pair, plans: [] } });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/plans/);
    const bad = await app.inject({ method: "POST", url: "/portfolio", payload: { ...pair, members: [{ ...pair.members[0], scenario: "../etc/passwd" }] } });
    expect(bad.statusCode).toBe(400);
  });
});
