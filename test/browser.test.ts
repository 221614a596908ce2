import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { describe, expect, it, vi } from "vitest";
import { testApp, waitForRun } from "./helpers/server.ts";

// Whole simulations and worker threads: seconds, not milliseconds, on a 2-core machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

/** Debian's chromium; .ci/run installs it. Without it (a bare machine) this suite is skipped, and says so. */
const CHROMIUM = "/usr/bin/chromium";
const ARTIFACTS = join(import.meta.dirname, "..", "test-artifacts");

describe.skipIf(!existsSync(CHROMIUM))(`the results page in headless Chromium (${CHROMIUM})`, () => {
  it("shows the charts and the table of a finished run, and is saved as a screenshot", async () => {
    const app = await testApp();
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    try {
      const address = await app.listen({ port: 0, host: "127.0.0.1" });
      const id = (await app.inject({ method: "POST", url: "/runs", payload: { scenarioId: "slough", iterations: 2000 } })).json().id;
      expect((await waitForRun(app, id)).status).toBe("done");
      const page = await browser.newPage({ viewport: { width: 1200, height: 1600 } });
      const response = await page.goto(`${address}/runs/${id}/report`);
      expect(response?.status()).toBe(200);
      await expect(page.title()).resolves.toMatch(/^Slough/);
      expect(await page.locator("svg.fan-chart").count()).toBe(3);
      expect(await page.locator("svg.histogram").count()).toBe(3);
      expect(await page.locator("svg.failure-curve").count()).toBe(1);
      expect(await page.locator("svg.tornado rect").count()).toBeGreaterThan(5);
      expect(await page.locator("table.per-year").first().locator("tbody tr").count()).toBeGreaterThan(8);
      const box = await page.locator("svg.fan-chart").first().boundingBox();
      expect(box!.width).toBeGreaterThan(300);
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, "report.png"), fullPage: true });
      expect(existsSync(join(ARTIFACTS, "report.png"))).toBe(true);
    } finally {
      await browser.close();
      await app.close();
    }
  });
});
