import ExcelJS from "exceljs";
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

  it("a portfolio runs off the request thread: /health answers while it runs", async () => {
    let finished = false;
    const running = app.inject({ method: "GET", url: "/portfolio?iterations=3000" }).then((res) => ((finished = true), res));
    // Long enough for the run to be computing: on the request thread, this timer would fire only after it.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const started = Date.now();
    const health = await app.inject({ method: "GET", url: "/health" });
    expect(health.statusCode).toBe(200);
    expect(finished).toBe(false);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect((await running).statusCode).toBe(200);
  });

  it("GET /portfolio/report is the page of the same run as the JSON, CSV and XLSX downloads", async () => {
    const home = await app.inject({ method: "GET", url: "/" });
    expect(home.body).toContain('href="/portfolio/report"');
    const page = await app.inject({ method: "GET", url: "/portfolio/report?iterations=300" });
    expect(page.statusCode).toBe(200);
    expect(page.headers["content-type"]).toMatch(/^text\/html/);
    expect(page.body.match(/<svg/g)?.length).toBe(2);
    for (const id of ["portfolio-years", "portfolio-members", "portfolio-plans", "portfolio-reserves"]) expect(page.body).toContain(`id="${id}"`);
    expect(page.body).toContain('href="/portfolio/results.csv?iterations=300"');
    const json = (await app.inject({ method: "GET", url: "/portfolio?iterations=300" })).json();
    const csv = await app.inject({ method: "GET", url: "/portfolio/results.csv?iterations=300" });
    expect(csv.headers["content-disposition"]).toBe('attachment; filename="dfe-trusts-300.csv"');
    const rows = csv.body.trim().split("\n");
    expect(rows[0]).toBe("section,subject,year,measure,value,se");
    const last = json.years[json.years.length - 1];
    expect(rows).toContain(`years,portfolio,${last.year},probabilityAtLeast2FailedBy,${last.failedBy[1]},${Math.sqrt((last.failedBy[1] * (1 - last.failedBy[1])) / 300)}`);
    expect(rows).toContain(`plans,${json.plans[0].id},,dfeP90,${json.plans[0].dfe.p90},`);
    const xlsx = await app.inject({ method: "GET", url: "/portfolio/results.xlsx?iterations=300" });
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as never);
    expect(book.worksheets.map((w) => w.name)).toEqual(["Summary", "Failures by year", "Members", "Response plans", "Reserves sustainability", "Charts", "Reproduce"]);
    expect(book.getWorksheet("Response plans")!.getRow(2).getCell(3).value).toBe(json.plans[0].dfe.p90);
  });

  it("a portfolio with more iterations than the service allows is a 400, not a run", async () => {
    for (const url of ["/portfolio/report?iterations=60000", "/portfolio?iterations=60000", "/portfolio/results.csv?iterations=50"]) {
      const res = await app.inject({ method: "GET", url });
      expect(res.statusCode).toBe(400);
      expect(res.json().message).toMatch(/iterations/);
    }
  });

  it("a third portfolio run while two are going is a 429 with Retry-After, not a third thread", async () => {
    const post = () => app.inject({ method: "POST", url: "/portfolio?iterations=1000", payload: pair });
    const answers = await Promise.all([post(), post(), post()]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 200, 429]);
    const refused = answers.find((a) => a.statusCode === 429)!;
    expect(refused.headers["retry-after"]).toBe("15");
    expect(refused.json().message).toMatch(/portfolio runs are going/);
  });

  it("a portfolio with a mistake is a 400 naming the path", async () => {
    const res = await app.inject({ method: "POST", url: "/portfolio", payload: { ...pair, plans: [] } });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/plans/);
    const bad = await app.inject({ method: "POST", url: "/portfolio", payload: { ...pair, members: [{ ...pair.members[0], scenario: "../etc/passwd" }] } });
    expect(bad.statusCode).toBe(400);
  });
});
