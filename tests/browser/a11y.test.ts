import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  browserDescribe,
  expectAccessible,
  expectAccessibleHtml,
  focusIs,
  invalidFields,
  landmarks,
  launchBrowser,
  openTab,
  overflowing,
  pageStructure,
  screenshot,
  signIn,
  visit,
  VIEWPORTS,
} from "../helpers/browser";
import { demoAccounts } from "../helpers/http";
import { startServer, type RunningServer } from "../helpers/server";

import { englishLeftOn, ENGLISH_PRACTICE, PAGE_TYPES, tabPool } from "./pages";

/**
 * Issue 6: every page type passes axe-core's WCAG 2.1 A and AA rules with no violation, on a
 * desktop and on a phone, and has what axe cannot judge alone: the document's language, a skip
 * link first in the tab order that moves focus to <main id="main">, one banner, main and footer
 * landmark and a navigation, no sideways scrolling (reflow, 1.4.10) at 390 px, form errors tied to their fields with aria-describedby, and English
 * records marked lang="en" inside the Swedish page, so that no English is left once the elements
 * with a lang of their own are taken out (checked last: it changes the page).
 */

/** Further checks for some page types, after the common ones. */
const CHECKS: Record<string, (page: Page) => Promise<void>> = {
  // The content is English inside a Swedish page: marked, so screen readers switch voice.
  "practice-in-english": async (page) => {
    expect(await langOf(page, "main h1"), "the title's language").toBe("en");
    expect(await langOf(page, "main .lead"), "the summary's language").toBe("en");
    expect(await langOf(page, "main .prose"), "the body's language").toBe("en");
  },
  event: async (page) => {
    expect(await langOf(page, "main h1")).toBe("en");
    expect(await langOf(page, "main section.lessons li > span")).toBe("en");
    // The interface around it stays Swedish.
    expect(await langOf(page, "main section.lessons h2")).toBe("sv");
  },
  search: async (page) => {
    expect(await page.locator("main ol.hits > li").count()).toBeGreaterThan(0);
  },
  "search-english-hits": async (page) => {
    expect(await langOf(page, `main ol.hits a[href="${ENGLISH_PRACTICE}"]`), "an English hit's title").toBe("en");
  },
  "login-with-error": async (page) => {
    const described = await page.locator("main form").evaluate((form) =>
      (form.getAttribute("aria-describedby") ?? "").split(/\s+/).filter(Boolean).map((id) => document.getElementById(id)?.textContent ?? ""),
    );
    expect(described.join(" "), "the form's error is tied to the form").toContain("lösenord");
  },
  "form-with-errors": (page) => expectErrorsTied(page, ["title", "summary"]),
};

/** The language an element's text is in: its nearest lang attribute. */
const langOf = (page: Page, selector: string) =>
  page.locator(selector).first().evaluate((el) => el.closest("[lang]")?.getAttribute("lang") ?? null);

async function expectErrorsTied(page: Page, atLeast: string[]) {
  const fields = await invalidFields(page);
  expect(fields.map((f) => f.field)).toEqual(expect.arrayContaining(atLeast));
  for (const f of fields) {
    expect(f.label, `label of the invalid field ${f.field}`).not.toBe("");
    expect(f.described.length, `the error of ${f.field} is tied with aria-describedby`).toBeGreaterThan(0);
  }
  // A field with a hint is described by its error and its hint.
  const title = fields.find((f) => f.field === "title")!;
  expect(title.described, "the title's error and hint").toHaveLength(2);
  // The themes (a group of checkboxes) carry their error on the fieldset.
  const group = await page.locator('main fieldset:has(input[name="themes"])').evaluate((el) =>
    (el.getAttribute("aria-describedby") ?? "").split(/\s+/).filter(Boolean).map((id) => document.getElementById(id)?.textContent?.trim() ?? ""),
  );
  expect(group.join(" "), "the themes' error is tied to their fieldset").toMatch(/tema/i);
}

browserDescribe("accessibility of every page type", () => {
  let server: RunningServer;
  let browser: Browser;
  const tabs = tabPool(() => browser, () => server);

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  }, 120_000);
  afterAll(async () => {
    await tabs.closeAll();
    await browser?.close();
    await server?.stop();
  });

  for (const viewport of VIEWPORTS) {
    describe(`${viewport.name} (${viewport.width} px)`, () => {
      for (const c of PAGE_TYPES) {
        it(`${c.name}: ${c.path}${c.as ? ` as ${c.as}` : ""}`, async () => {
          const tab = await tabs.get(viewport, c.as);
          const { page } = tab;
          try {
            await visit(page, `${server.url}${c.path}`, { status: c.status ?? 200 });
            await c.prepare?.(page);

            const structure = await pageStructure(page);
            expect(structure.lang, "<html lang>").toBe("sv");
            expect(structure.skipLink, "a skip link to #main").not.toBeNull();
            expect(structure.skipLink!.first, "the skip link comes first in the tab order").toBe(true);
            expect(structure.mainId).toBe("main");
            const found = await landmarks(page);
            expect(found, "landmarks").toMatchObject({ banner: 1, main: 1, contentinfo: 1 });
            expect(found.navigation).toBeGreaterThanOrEqual(1);

            expect(await overflowing(page, viewport), `reflow: nothing wider than ${viewport.width} px`).toEqual([]);
            await CHECKS[c.name]?.(page);
            await expectAccessible(page, `${c.name} (${viewport.name})`);
            await screenshot(page, `a11y-${c.name}-${viewport.name}`);

            // The skip link works from the keyboard: first Tab, then Enter moves focus to <main>.
            if (!c.prepare) {
              await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
              await page.keyboard.press("Tab");
              expect(await focusIs(page, 'a[href="#main"]'), "first Tab lands on the skip link").toBe(true);
              await page.keyboard.press("Enter");
              expect(await focusIs(page, "main#main"), "the skip link moves focus to main").toBe(true);
            }
            // Language of parts (WCAG 3.1.2): English here is content marked lang="en", never bare text.
            expect(await englishLeftOn(page, c.typed), "English text not marked with its lang on a Swedish page").toEqual([]);
            expect(tab.problems, "errors in the page").toEqual([]);
          } catch (error) {
            await screenshot(page, `FAILED-a11y-${c.name}-${viewport.name}`).catch(() => {});
            throw error;
          }
        }, 30_000);
      }
    });
  }

  it("a form posted without JavaScript answers with the same errors, tied to their fields", async () => {
    const tab = await openTab(browser, VIEWPORTS[0], { javaScript: false });
    try {
      const { page } = tab;
      await signIn(page, server.url, demoAccounts(server.output()).contributor);
      await visit(page, `${server.url}/practices/new`);
      const posted = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/practices/new");
      await page.locator('main form#record-practice button[name="intent"][value="save"]').click();
      expect((await posted).status()).toBe(400);
      await page.locator('main [aria-invalid="true"]').first().waitFor();
      await expectErrorsTied(page, ["title", "summary"]);
      await screenshot(page, "a11y-form-with-server-errors-desktop");
      await expectAccessibleHtml(browser, VIEWPORTS[0], page.url(), await page.content(), "form with server errors (no JavaScript)");
    } finally {
      await tab.close();
    }
  }, 30_000);
});
