import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";

import { browserDescribe, followMenu, hydrated, launchBrowser, openTab, overflowing, screenshot, visit, VIEWPORTS } from "../helpers/browser";
import { startServer, type RunningServer } from "../helpers/server";

/**
 * Issue 6: a newcomer finds their way in, on a desktop and on a phone. Home → themes → a theme's
 * learning cycle → a search in Swedish with an inflected word → a record → the reading paths →
 * one path, following links and the header's search as a reader does.
 */
browserDescribe("a newcomer in the browser", () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const viewport of VIEWPORTS) {
    it(`finds a theme, searches, reads a record and opens a reading path (${viewport.name})`, async () => {
      const tab = await openTab(browser, viewport);
      const { page } = tab;
      /** Nothing may be wider than the screen (no sideways scrolling on a phone). */
      const fits = async (where: string) => {
        expect(await overflowing(page, viewport), `wider than the screen on ${where}`).toEqual([]);
      };
      try {
        await visit(page, `${server.url}/`);
        expect(await page.locator("h1").first().textContent()).toContain("Lärdom");
        await screenshot(page, `newcomer-home-${viewport.name}`);
        await fits("the home page");

        // The themes, from the main menu.
        await followMenu(page, "/themes");
        const themeLinks = page.locator('main h2 a[href^="/themes/"]');
        await themeLinks.nth(3).waitFor();
        expect(await themeLinks.count()).toBeGreaterThanOrEqual(4);

        // A theme page: its material as a learning cycle, each stage with records in it.
        const theme = themeLinks.filter({ hasText: "Hållbar industri" }).first();
        await theme.click();
        await page.waitForURL(/\/themes\/hallbar-industri$/);
        await page.locator("h1", { hasText: "Hållbar industri" }).waitFor();
        for (const stage of ["inspire", "exchange", "develop", "apply"]) {
          const cards = page.locator(`section#${stage} a[href^="/"]`);
          expect(await cards.count(), `records in the stage ${stage}`).toBeGreaterThan(0);
        }
        await screenshot(page, `newcomer-theme-${viewport.name}`);
        await fits("the theme page");

        // Search in Swedish from the header: the definite form finds records that say "underhåll…".
        const search = page.locator('header input[type="search"]');
        await search.fill("underhållet");
        await search.press("Enter");
        await page.waitForURL((url) => url.pathname === "/search" && url.searchParams.get("q") === "underhållet");
        await hydrated(page);
        const hits = page.locator("main ol.hits > li");
        await hits.first().waitFor();
        expect(await hits.count()).toBeGreaterThanOrEqual(3);
        const titles = await page.locator("main ol.hits > li h2").allTextContents();
        expect(titles.some((t) => /underhåll/i.test(t)), titles.join(" | ")).toBe(true);
        await expect.poll(() => page.locator("main [role=status]").first().textContent()).toMatch(/\d+/);
        await screenshot(page, `newcomer-search-${viewport.name}`);
        await fits("the search page");

        // Open the first hit whose title speaks of maintenance.
        const hit = page.locator("main ol.hits > li h2 a").filter({ hasText: /underhåll/i }).first();
        const hitTitle = (await hit.textContent())!.trim();
        const hitHref = (await hit.getAttribute("href"))!;
        await hit.click();
        await page.waitForURL((url) => url.pathname === hitHref);
        await page.locator("main h1", { hasText: hitTitle }).waitFor();
        expect(await page.locator("main article, main .prose").count()).toBeGreaterThan(0);
        await screenshot(page, `newcomer-record-${viewport.name}`);
        await fits("the record page");

        // The reading paths, and one of them with its steps.
        await followMenu(page, "/paths");
        const path = page.locator('main a[href="/paths/prediktivt-underhall-steg-for-steg"]').first();
        await path.click();
        await page.waitForURL(/\/paths\/prediktivt-underhall-steg-for-steg$/);
        await page.locator("main h1", { hasText: "Prediktivt underhåll steg för steg" }).waitFor();
        const steps = page.locator("main ol.path-steps > li");
        expect(await steps.count()).toBeGreaterThanOrEqual(4);
        const firstStep = steps.first().locator('a[href^="/practices/"], a[href^="/events/"], a[href^="/activities/"]').first();
        expect(await firstStep.isVisible()).toBe(true);
        await screenshot(page, `newcomer-path-${viewport.name}`);

        await fits("the path page");

        expect(tab.problems).toEqual([]);
      } catch (error) {
        await screenshot(page, `FAILED-newcomer-${viewport.name}`).catch(() => {});
        throw error;
      } finally {
        await tab.close();
      }
    }, 60_000);
  }
});
