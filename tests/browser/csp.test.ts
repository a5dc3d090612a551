import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";

import { browserDescribe, launchBrowser, openTab, visit, VIEWPORTS } from "../helpers/browser";
import { startServer, type RunningServer } from "../helpers/server";

/**
 * Issue 8: the Content-Security-Policy is enforced in a real browser. Markup injected into a
 * page as it travels (standing in for anything that slipped past the Markdown sanitizer) does
 * not run: neither a script without the nonce, nor an event handler, nor a script from another
 * origin. The page's own scripts, which carry the nonce, do run (the page hydrates), and a
 * script given the right nonce runs too: so the test can tell "blocked" from "never ran".
 */
browserDescribe("the Content-Security-Policy in the browser", () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("runs the page's own scripts and refuses injected ones", async () => {
    const tab = await openTab(browser, VIEWPORTS[0]);
    const { page } = tab;
    const url = `${server.url}/practices/hyttberga-lean-i-svetsverkstaden`;
    await page.route(url, async (route) => {
      const response = await route.fetch();
      const nonce = /'nonce-([^']+)'/.exec(response.headers()["content-security-policy"] ?? "")?.[1];
      expect(nonce).toBeTruthy();
      const injected = [
        "<script>window.__ranWithoutNonce = true</script>",
        '<script nonce="wrong-nonce">window.__ranWithWrongNonce = true</script>',
        '<img src="/favicon.svg" onload="window.__ranHandler = true" alt="">',
        '<script src="https://example.invalid/x.js"></script>',
        `<script nonce="${nonce}">window.__ranWithNonce = true</script>`,
      ].join("");
      const body = (await response.text()).replace("</main>", `${injected}</main>`);
      await route.fulfill({ response, body });
    });
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });

    await visit(page, url); // waits until React has hydrated: the nonce'd scripts ran
    const ran = await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      return {
        withoutNonce: w.__ranWithoutNonce === true,
        wrongNonce: w.__ranWithWrongNonce === true,
        handler: w.__ranHandler === true,
        withNonce: w.__ranWithNonce === true,
        remix: "__remixContext" in w,
      };
    });
    expect(ran).toEqual({ withoutNonce: false, wrongNonce: false, handler: false, withNonce: true, remix: true });
    // Chromium says why: one report for each refused script or handler.
    expect(violations.length).toBeGreaterThanOrEqual(3);
    await tab.close();
  });

  it("a page served from the cache works the same, with its own fresh nonce", async () => {
    const tab = await openTab(browser, VIEWPORTS[0]);
    const { page } = tab;
    await visit(page, `${server.url}/themes`);
    const second = await visit(page, `${server.url}/themes`);
    expect(second.headers()["x-cache"]).toBe("hit");
    // Client-side navigation after hydration still works under the policy.
    await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Lärvägar" }).click();
    await page.waitForURL(/\/paths$/);
    await expect.poll(() => page.locator("h1").textContent()).toMatch(/Lärvägar/);
    expect(tab.problems).toEqual([]);
    await tab.close();
  });
});
