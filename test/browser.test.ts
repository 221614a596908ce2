import { existsSync, mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { FastifyInstance } from "fastify";
import { testApp } from "./helpers/server.ts";

// Whole simulations, worker threads and a browser: seconds, not milliseconds, on a 2-core machine.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 60_000 });

/** Debian's chromium; .ci/run installs it. Without it (a bare machine) this suite is skipped, and says so. */
const CHROMIUM = "/usr/bin/chromium";
const ARTIFACTS = join(import.meta.dirname, "..", "test-artifacts");
const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

/** axe-core's serious and critical violations on the page as it is now (rule id and the first offending element). */
async function accessibilityProblems(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => (await (window as unknown as { axe: { run: () => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe.run()).violations);
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes[0]?.target.join(" ")}`);
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** Starts a run from a scenario's page (optionally changing the first assumption) and waits on the progress page for the report. */
async function runFromScenarioPage(page: Page, iterations: number, change?: string): Promise<{ id: string; sawProgress: boolean }> {
  await page.getByRole("link", { name: /^Slough/ }).first().click();
  await page.waitForURL(/\/scenario\/slough$/);
  await page.getByLabel("Iterations").fill(String(iterations));
  if (change !== undefined) await page.locator("input[data-path]").first().fill(change);
  await page.getByRole("button", { name: "Start the run" }).first().click();
  await page.waitForURL(/\/runs\/[^/]+\/report$/);
  const sawProgress = (await page.locator("progress, #horizon-totals").first().evaluate((el) => el.tagName)) === "PROGRESS";
  await page.locator("#horizon-totals").waitFor({ timeout: 90_000 });
  const id = /\/runs\/([^/]+)\/report/.exec(page.url())![1];
  return { id, sawProgress };
}

describe.skipIf(!existsSync(CHROMIUM))(`the web front end in headless Chromium (${CHROMIUM})`, () => {
  let app: FastifyInstance;
  let context: BrowserContext;
  let address: string;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    app = await testApp();
    address = await app.listen({ port: 0, host: "127.0.0.1" });
    context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "trustsim-chromium-")), {
      executablePath: CHROMIUM,
      headless: true,
      acceptDownloads: true,
      viewport: DESKTOP,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
  });

  afterAll(async () => {
    await context?.close();
    await app?.close();
  });

  it("starts a run from the home page, shows its progress, the report, a comparison and the downloads, with no serious accessibility problems", async () => {
    const page = await context.newPage();
    const problems: Record<string, string[]> = {};

    await page.goto(`${address}/`);
    await expect(page.title()).resolves.toBe("trustsim");
    problems.home = await accessibilityProblems(page);
    await shot(page, "home-desktop");

    const base = await runFromScenarioPage(page, 20_000);
    expect(base.sawProgress).toBe(true);
    await expect(page.title()).resolves.toMatch(/^Slough/);
    expect(await page.locator("figure svg").count()).toBeGreaterThan(8);
    expect(await page.locator("table.per-year").first().locator("tbody tr").count()).toBeGreaterThan(8);
    expect(await page.locator("table.per-year").first().textContent()).toContain("Cumulative gap");
    problems.report = await accessibilityProblems(page);
    await shot(page, "report-desktop");
    await page.setViewportSize(PHONE);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1); // tables scroll in their own box; the page does not
    await shot(page, "report-phone");
    await page.setViewportSize(DESKTOP);

    // The tornado for another pair, at the run's own iterations.
    await page.getByLabel("Which difference to explain").selectOption({ index: 1 });
    await page.getByRole("button", { name: "Show" }).click();
    await page.waitForURL(/between=/);
    expect(await page.locator("#tornado ~ figure svg").count()).toBeGreaterThan(0);

    const xlsxDownload = page.waitForEvent("download");
    await page.getByRole("link", { name: "Workbook (XLSX)" }).click();
    const xlsxPath = join(ARTIFACTS, "report.xlsx");
    await (await xlsxDownload).saveAs(xlsxPath);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(xlsxPath) as never);
    expect(book.worksheets.map((w) => w.name)).toEqual(["Summary", "trust", "in-house", "partnership", "Comparisons", "Contingency", "Assumptions", "Charts", "Reproduce"]);
    const summary = book.getWorksheet("Summary")!;
    const firstOption = summary.getRow(7).getCell(2);
    expect(typeof firstOption.value).toBe("number");
    expect(firstOption.numFmt).toBe('#,##0.0,,;(#,##0.0,,);"-"');

    const docxDownload = page.waitForEvent("download");
    await page.getByRole("link", { name: "Cabinet annex (DOCX)" }).click();
    const docxPath = join(ARTIFACTS, "report.docx");
    await (await docxDownload).saveAs(docxPath);
    const documentXml = await (await JSZip.loadAsync(readFileSync(docxPath))).file("word/document.xml")!.async("string");
    expect(documentXml.replace(/<[^>]+>/g, " ")).toMatch(/in (\d+|fewer than 1|more than 9) of 10 futures/);

    await page.goto(`${address}/scenario/slough`);
    problems.scenario = await accessibilityProblems(page);
    await shot(page, "scenario-desktop");
    await page.setViewportSize(PHONE);
    await shot(page, "scenario-phone");
    await page.setViewportSize(DESKTOP);

    // An implausible what-if (general inflation of 3,000%) is refused by the input checks, and the page says why.
    await page.getByLabel("Iterations").fill("2000");
    await page.locator("input[data-path]").first().fill("30");
    await page.getByRole("button", { name: "Start the run" }).first().click();
    await expect.poll(() => page.locator("#message").textContent()).toMatch(/Not started: .*write 0\.03 for 3%/);

    await page.goto(`${address}/`);
    const whatIf = await runFromScenarioPage(page, 2_000, "0.03");
    expect(await page.locator(".warning").first().textContent()).toContain("What-if run");
    expect(whatIf.id).not.toBe(base.id);

    await page.goto(`${address}/`);
    await page.getByRole("button", { name: "Compare" }).click();
    await page.waitForURL(/\/compare\?a=/);
    expect(page.url()).toContain(`a=${base.id}`);
    expect(page.url()).toContain(`b=${whatIf.id}`);
    expect(await page.locator("#comparison tbody tr").count()).toBe(3);
    problems.compare = await accessibilityProblems(page);
    await shot(page, "compare-desktop");
    await page.setViewportSize(PHONE);
    await shot(page, "compare-phone");

    expect(problems).toEqual({ home: [], report: [], scenario: [], compare: [] });
  });

  it("opens the DfE's portfolio from the home page: charts, tables, downloads, no serious accessibility problems, fits a phone", async () => {
    const page = await context.newPage();
    await page.goto(`${address}/`);
    // The home page links the shipped portfolio; the test opens it at 2,000 futures: jointly conditioned
    // at its own 10,000 it takes minutes on a shared two-core machine (README, portfolio).
    expect(await page.getByRole("link", { name: "Every children's trust at once" }).getAttribute("href")).toBe("/portfolio/report");
    await page.goto(`${address}/portfolio/report?iterations=2000`, { timeout: 300_000 });
    await expect(page.title()).resolves.toMatch(/trustsim portfolio$/);
    expect(await page.locator("figure svg").count()).toBe(2);
    expect(await page.locator("#portfolio-years tbody tr").count()).toBeGreaterThan(10);
    expect(await page.locator("#portfolio-members tbody tr").count()).toBe(8);
    expect(await page.locator("#portfolio-plans tbody tr").count()).toBe(5);
    expect(await page.locator("#portfolio-reserves tbody tr").count()).toBe(8);
    const problems = await accessibilityProblems(page);
    await shot(page, "portfolio-desktop");
    const csvDownload = page.waitForEvent("download");
    await page.getByRole("link", { name: "Table (CSV)" }).click();
    const csvPath = join(ARTIFACTS, "portfolio.csv");
    await (await csvDownload).saveAs(csvPath);
    expect(readFileSync(csvPath, "utf8").split("\n")[0]).toBe("section,subject,year,measure,value,se");
    await page.setViewportSize(PHONE);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(1);
    await shot(page, "portfolio-phone");
    expect(problems).toEqual([]);
  }, 360_000);
});
