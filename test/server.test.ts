import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { FastifyInstance } from "fastify";
import { join } from "node:path";
import { loadEvidence, parseScenario, runForecast } from "../src/model/index.ts";
import { scenarioData } from "./helpers/scenarios.ts";
import { SCENARIOS, testApp, waitForRun } from "./helpers/server.ts";

// Whole simulations and worker threads: seconds, not milliseconds, on a 2-core machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

let app: FastifyInstance;
let sloughRun: string;

beforeAll(async () => {
  app = await testApp();
  const res = await app.inject({ method: "POST", url: "/runs", payload: { scenarioId: "slough", iterations: 2000, seed: "s1" } });
  sloughRun = res.json().id;
  await waitForRun(app, sloughRun);
});
afterAll(() => app.close());

describe("GET /health, /scenarios", () => {
  it("answers health with the version", async () => {
    const res = await app.inject("/health");
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: "ok", version: "0.1.0" });
  });

  it("lists the scenarios in scenarios/ with their titles", async () => {
    const list = (await app.inject("/scenarios")).json();
    expect(list.map((s: { id: string }) => s.id)).toEqual(["bradford", "doncaster", "northamptonshire", "reading", "sandwell", "slough", "sunderland", "template", "under-direction", "worcestershire"]);
    expect(list[0].title).toMatch(/^Bradford/);
  });

  it("serves one validated scenario, and 404 or 400 for ids that are not scenarios", async () => {
    const s = (await app.inject("/scenarios/bradford")).json();
    expect(s.options.map((o: { id: string }) => o.id)).toEqual(["trust", "trust-recovery", "in-house"]);
    expect((await app.inject("/scenarios/nowhere")).statusCode).toBe(404);
    const traversal = await app.inject("/scenarios/..%2Fpackage");
    expect(traversal.statusCode).toBe(400);
    expect(traversal.json().message).toMatch(/params\.id: expected lower-case letters/);
  });
});

describe("POST /runs", () => {
  it("answers 202 at once with a Location, and the run ends with the CLI's JSON (conditioned on the same evidence)", async () => {
    const res = await app.inject({ method: "POST", url: "/runs", payload: { scenarioId: "bradford", iterations: 1500, seed: "api" } });
    expect(res.statusCode).toBe(202);
    const body = res.json();
    expect(body.status).toBe("queued");
    expect(res.headers.location).toBe(`/runs/${body.id}`);
    const done = await waitForRun(app, body.id);
    expect(done.status).toBe("done");
    const cli = await runForecast(parseScenario(scenarioData("bradford")), await loadEvidence(join(SCENARIOS, "..", "seeds")), { iterations: 1500, seed: "api", workers: 1 });
    expect(cli.conditioning?.mode).toBe("conditioned");
    expect(done.results).toEqual(JSON.parse(JSON.stringify(cli)));
  });

  it("runs an inline scenario with a single parameter overridden", async () => {
    const scenario = scenarioData("template");
    const plain = (await app.inject({ method: "POST", url: "/runs", payload: { scenario, iterations: 500 } })).json().id;
    const dearer = (
      await app.inject({ method: "POST", url: "/runs", payload: { scenario, iterations: 500, overrides: { "baseline.workforce.fte": 300, "options.trust.overheads.governance": 900000 } } })
    ).json().id;
    const [a, b] = [await waitForRun(app, plain), await waitForRun(app, dearer)];
    const total = (r: typeof a, option: string) => (r.results as { options: { id: string; horizon: { totalCost: { mean: number } } }[] }).options.find((o) => o.id === option)!.horizon.totalCost.mean;
    expect(total(b, "in-house")).toBeGreaterThan(total(a, "in-house"));
  });

  it.each([
    ["neither scenarioId nor scenario", { iterations: 10 }, /scenarioId: expected exactly one of scenarioId and scenario/],
    ["both", { scenarioId: "slough", scenario: { id: "x" } }, /expected exactly one/],
    ["an unknown scenario id", { scenarioId: "atlantis" }, /scenarioId: no scenario with id 'atlantis'/],
    ["a negative iteration count", { scenarioId: "slough", iterations: -5 }, /body\.iterations: Too small/],
    ["too many iterations", { scenarioId: "slough", iterations: 60_000 }, /iterations: expected at most 50,000, got 60,000/],
    ["an invalid inline scenario", { scenario: { id: "x", title: "t" } }, /scenario: area: expected string, got nothing/],
    ["a PERT with min above max", { scenarioId: "slough", overrides: { "baseline.workforce.agencyPremium": { dist: "pert", min: 2, mode: 1, max: 0, note: "x" } } }, /agencyPremium\.mode: expected min <= mode <= max/],
    ["an override of a field that does not exist", { scenarioId: "slough", overrides: { "baseline.workforce.colour": 1 } }, /overrides\.baseline\.workforce\.colour: expected the path of an existing scenario field/],
    ["an unknown field", { scenarioId: "slough", colour: "blue" }, /Unrecognized key/],
  ])("refuses %s with 400 naming the field", async (_, payload, message) => {
    const res = await app.inject({ method: "POST", url: "/runs", payload });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(message);
  });

  it("refuses malformed JSON (400), another content type (415) and a body over the limit (413)", async () => {
    const json = { "content-type": "application/json" };
    expect((await app.inject({ method: "POST", url: "/runs", headers: json, payload: "{nope" })).statusCode).toBe(400);
    const big = JSON.stringify({ scenarioId: "slough", seed: "x".repeat(1_100_000) });
    expect((await app.inject({ method: "POST", url: "/runs", headers: json, payload: big })).statusCode).toBe(413);
  });
});

describe("GET /runs, /runs/:id", () => {
  it("lists runs newest first, paged", async () => {
    const page = (await app.inject("/runs?offset=0&limit=2")).json();
    expect(page.runs).toHaveLength(2);
    expect(page.total).toBeGreaterThanOrEqual(4);
    expect(page.runs[0].createdAt >= page.runs[1].createdAt).toBe(true);
    const last = (await app.inject(`/runs?offset=${page.total - 1}&limit=5`)).json();
    expect(last.runs.map((r: { id: string }) => r.id)).toEqual([sloughRun]);
    expect((await app.inject("/runs?limit=0")).statusCode).toBe(400);
  });

  it("answers 404 for unknown ids, paths included", async () => {
    for (const id of ["00000000-0000-0000-0000-000000000000", "..%2F..%2Fetc%2Fpasswd", "x"]) {
      const res = await app.inject(`/runs/${id}`);
      expect(res.statusCode).toBe(404);
      expect(res.json().message).toMatch(/no run with id/);
    }
    expect((await app.inject("/runs/nope/report")).statusCode).toBe(404);
    expect((await app.inject("/no/such/route")).statusCode).toBe(404);
  });
});

describe("reports of a finished run", () => {
  it("serves an HTML page with the table, fan charts, histograms and the failure curve", async () => {
    const res = await app.inject(`/runs/${sloughRun}/report`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/text\/html/);
    const html = res.body;
    // Charts are ECharts SVGs in figures: a cost chart per option, overspend, reserves, the failure curve, three differences, the tornado.
    expect(html.match(/<figure><svg/g)).toHaveLength(10);
    expect(html.match(/total cost a year, GBP m nominal, median with P10-P90 band/g)!.length).toBeGreaterThanOrEqual(3);
    expect(html).toContain("probability of failure");
    expect(html).toContain("What drives the difference");
    expect(html.match(/<table class="per-year">/g)).toHaveLength(3);
  });

  it("escapes text from an inline scenario in the HTML", async () => {
    const scenario = { ...scenarioData("template"), title: "<script>alert(1)</script>" };
    const id = (await app.inject({ method: "POST", url: "/runs", payload: { scenario, iterations: 200 } })).json().id;
    await waitForRun(app, id);
    const html = (await app.inject(`/runs/${id}/report`)).body;
    expect(html).not.toContain("<script>alert(1)</script>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  it("serves CSV and an XLSX workbook with summary, per-option, assumptions and reproduction sheets", async () => {
    const csv = await app.inject(`/runs/${sloughRun}/results.csv`);
    expect(csv.headers["content-type"]).toMatch(/text\/csv/);
    expect(csv.body.split("\n")[0]).toBe("section,option,line,year,mean,sd,se,p5,p10,p50,p90,p95");
    const xlsx = await app.inject(`/runs/${sloughRun}/results.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as never);
    expect(book.worksheets.map((w) => w.name)).toEqual(["Summary", "trust", "in-house", "partnership", "Comparisons", "Contingency", "Assumptions", "Charts", "Reproduce"]);
    const reproduce = book.getWorksheet("Reproduce")!;
    expect(reproduce.getRow(3).values).toEqual([, "seed", "s1"]);
  });

  it("serves every download as stored by the run's worker, and builds another pair's report once, then stores it", async () => {
    const store = (app as unknown as { runStore: { artifact(id: string, kind: string): { data: Uint8Array } | null } }).runStore;
    for (const kind of ["report", "csv", "xlsx", "docx"]) expect(store.artifact(sloughRun, kind), kind).not.toBeNull();
    const docx = await app.inject(`/runs/${sloughRun}/results.docx`);
    expect(docx.headers["content-type"]).toMatch(/wordprocessingml/);
    expect(docx.headers["content-disposition"]).toMatch(/attachment; filename="slough-.*\.docx"/);
    expect(Buffer.compare(docx.rawPayload, Buffer.from(store.artifact(sloughRun, "docx")!.data))).toBe(0);
    const results = (await app.inject(`/runs/${sloughRun}`)).json().results as { comparisons: { a: string; b: string }[] };
    const second = `${results.comparisons[1].a},${results.comparisons[1].b}`;
    expect(store.artifact(sloughRun, `report:${second}`)).toBeNull();
    const other = await app.inject(`/runs/${sloughRun}/report?between=${encodeURIComponent(second)}`);
    expect(other.statusCode).toBe(200);
    expect(other.body).toContain(`<option value="${second}" selected>`);
    expect(store.artifact(sloughRun, `report:${second}`)).not.toBeNull();
    expect((await app.inject(`/runs/${sloughRun}/report?between=${encodeURIComponent(second)}`)).body).toBe(other.body);
  });

  it("answers 409 for the report of a run that has not finished, and a browser gets the progress page", async () => {
    const id = (await app.inject({ method: "POST", url: "/runs", payload: { scenarioId: "bradford", iterations: 40_000 } })).json().id;
    const res = await app.inject(`/runs/${id}/report`);
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toMatch(/is (queued|running): results exist once it is done/);
    const page = await app.inject({ url: `/runs/${id}/report`, headers: { accept: "text/html" } });
    expect(page.statusCode).toBe(202);
    expect(page.body).toContain("<progress");
    await waitForRun(app, id, 60_000);
  });
});

describe("OpenAPI", () => {
  it("documents every route at /docs from the routes' own schemas", async () => {
    const doc = (await app.inject("/docs/json")).json();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/health", "/scenarios", "/scenarios/{id}", "/runs", "/runs/{id}", "/runs/{id}/report", "/runs/{id}/results.csv", "/runs/{id}/results.xlsx"]));
    expect(doc.paths["/runs"].post.requestBody.content["application/json"].schema.properties).toHaveProperty("overrides");
    expect((await app.inject("/docs")).statusCode).toBeLessThan(400);
  });
});
