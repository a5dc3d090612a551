import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  browserDescribe,
  focusIs,
  focusShows,
  hydrated,
  launchBrowser,
  openTab,
  screenshot,
  signIn,
  tabTo,
  visit,
  VIEWPORTS,
  type StorageState,
  type Tab,
  type Viewport,
} from "../helpers/browser";
import { demoAccounts } from "../helpers/http";
import { startServer, type RunningServer } from "../helpers/server";

/**
 * Issue 6: writing in the browser, on a desktop and on a phone. A contributor writes a practice
 * with the Markdown preview and submits it (once with the mouse, once with the keyboard alone);
 * an editor publishes it from the review queue and search finds it; an organiser logs a workshop
 * with three lessons, and once it is published a contributor turns a lesson into a practice draft
 * (organisers do not write practices; the event page offers that to writers of practices).
 */
type Account = { email: string; password: string };

browserDescribe("writing in the browser", () => {
  let server: RunningServer;
  let browser: Browser;
  let demo: Record<string, Account>;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    demo = demoAccounts(server.output());
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** Each role signs in through /login once per viewport; later tabs start with that session. */
  const sessions = new Map<string, StorageState>();

  /** Runs a step in a fresh signed-in (or anonymous) tab; screenshots the page if the step fails. */
  async function asRole<T>(viewport: Viewport, role: string | null, name: string, step: (page: Page, tab: Tab) => Promise<T>): Promise<T> {
    const key = `${role}/${viewport.name}`;
    const tab = await openTab(browser, viewport, { storageState: sessions.get(key) });
    try {
      if (role && !sessions.has(key)) {
        await signIn(tab.page, server.url, demo[role]);
        sessions.set(key, await tab.context.storageState());
      }
      const result = await step(tab.page, tab);
      expect(tab.problems, "errors in the page").toEqual([]);
      return result;
    } catch (error) {
      await screenshot(tab.page, `FAILED-${name}-${viewport.name}`).catch(() => {});
      throw error;
    } finally {
      await tab.close();
    }
  }

  /** On an edit page after a redirect: the slug from the address and the saved notice's text. */
  async function afterSave(page: Page, saved: string): Promise<string> {
    await page.waitForURL((url) => /^\/(practices|events)\/[a-z0-9-]+\/edit$/.test(url.pathname) && url.searchParams.get("saved") === saved);
    await hydrated(page);
    await page.locator("main [role=status]").first().waitFor();
    return new URL(page.url()).pathname.split("/")[2];
  }

  /** The editor finds the record in the review queue, opens it and publishes it. */
  async function publish(viewport: Viewport, title: string): Promise<void> {
    await asRole(viewport, "editor", "publish", async (page) => {
      await visit(page, `${server.url}/manage/review`);
      const link = page.locator("main table a", { hasText: title });
      expect(await link.count(), `"${title}" in the review queue`).toBe(1);
      await link.click();
      await page.waitForURL((url) => url.pathname.endsWith("/edit"));
      await hydrated(page);
      await page.locator('main button[name="intent"][value="publish"]').click();
      await afterSave(page, "publish");
      await screenshot(page, `editor-published-${viewport.name}`);
      // Out of the queue once published.
      await visit(page, `${server.url}/manage/review`);
      expect(await page.locator("main table a", { hasText: title }).count()).toBe(0);
    });
  }

  const BODY = "Vi **halverade** ställtiden i slipcellen.\n\n- fasta verktygsplatser\n- en checklista vid maskinen";

  for (const viewport of VIEWPORTS) {
    describe(`on a ${viewport.name} (${viewport.width} px)`, () => {
      const title = viewport.name === "desktop" ? "Slipbandsbytet på fem minuter i robotcellen" : "Verktygsbytet på fem minuter i kantpressen";
      const word = viewport.name === "desktop" ? "slipbandsbytet" : "verktygsbytet";
      let slug = "";

      it("a contributor signs in, writes a practice with the Markdown preview and submits it", async () => {
        slug = await asRole(viewport, "contributor", "contributor", async (page) => {
          await visit(page, `${server.url}/practices/new`);
          const form = page.locator("main form#record-practice");
          await form.locator('input[name="title"]').fill(title);
          await form.locator('textarea[name="summary"]').fill("Fasta platser och en checklista gjorde bytet fem gånger snabbare.");
          await form.locator('textarea[name="body"]').fill(BODY);
          await form.getByLabel("Automation och robotisering").check();
          await form.locator('textarea[name="solution"]').fill("Vi gav varje verktyg en fast plats och skrev en checklista.");
          // The contributor's own organisation is chosen already.
          expect(await form.locator('select[name="organisation"]').inputValue()).toBe("olmeviks-hydraulik");

          await form.locator('button[name="intent"][value="preview"]').click();
          const preview = page.locator("main section.preview");
          await preview.waitFor();
          expect(await preview.locator("strong").first().textContent()).toBe("halverade");
          expect(await preview.locator("li").allTextContents()).toEqual(["fasta verktygsplatser", "en checklista vid maskinen"]);
          // The preview keeps what was written.
          expect(await form.locator('input[name="title"]').inputValue()).toBe(title);
          expect(await form.locator('textarea[name="body"]').inputValue()).toBe(BODY);
          await screenshot(page, `contributor-preview-${viewport.name}`);

          await form.locator('button[name="intent"][value="submit"]').click();
          const saved = await afterSave(page, "submitted");
          expect(await page.locator("main .status").first().textContent()).toBe("Väntar på granskning");
          await screenshot(page, `contributor-submitted-${viewport.name}`);
          return saved;
        });
        expect(slug).toMatch(/^(slipbandsbytet|verktygsbytet)-pa-fem-minuter/);
      }, 60_000);

      it("an editor publishes it from the review queue, and search finds it", async () => {
        expect(slug, "needs the practice of the test before").not.toBe("");
        await publish(viewport, title);
        await asRole(viewport, null, "search-published", async (page) => {
          await visit(page, `${server.url}/`);
          const search = page.locator('header input[type="search"]');
          await search.fill(word);
          await search.press("Enter");
          await page.waitForURL((url) => url.pathname === "/search");
          await hydrated(page);
          const hit = page.locator(`main ol.hits a[href="/practices/${slug}"]`);
          await hit.waitFor();
          const first = await page.locator("main ol.hits > li h2 a").first().getAttribute("href");
          expect(first).toBe(`/practices/${slug}`);
          await screenshot(page, `search-finds-published-${viewport.name}`);
          await hit.click();
          await page.waitForURL((url) => url.pathname === `/practices/${slug}`);
          await page.locator("main h1", { hasText: title }).waitFor();
          expect(await page.locator("main .prose strong", { hasText: "halverade" }).count()).toBe(1);
        });
      }, 60_000);

      it("an organiser logs a workshop with three lessons; a contributor turns one into a practice draft", async () => {
        const eventTitle = `Workshop om ställtider i verkstaden (${viewport.name})`;
        const lessons = [
          "Fasta verktygsplatser sparar mer tid än nya maskiner.",
          "En checklista vid maskinen gör bytet lika snabbt för alla skift.",
          "Mät ställtiden före och efter, annars tror ingen på resultatet.",
        ];
        const eventSlug = await asRole(viewport, "organiser", "organiser", async (page) => {
          await visit(page, `${server.url}/events/new`);
          const form = page.locator("main form#record-event");
          await form.locator('input[name="title"]').fill(eventTitle);
          await form.locator('textarea[name="summary"]').fill("Sex verkstäder jämförde hur de ställer om sina maskiner.");
          await form.locator('textarea[name="body"]').fill("Vi började med en **rundvandring** i verkstaden.");
          await form.getByLabel("Processmognad och lean").check();
          await form.locator('select[name="type"]').selectOption("workshop");
          await form.locator('input[name="date"]').fill("2025-03-12");
          await form.locator('input[name="location"]').fill("Verkstadsgatan 4");
          await form.locator('input[name="municipality"]').fill("Borlänge");
          expect(await form.locator('select[name="organiser"]').inputValue()).toBe("region-dalarna");
          await form.locator('input[name="participants"]').fill("14");
          const lessonInputs = form.locator('input[name^="lessons["]');
          for (let i = 0; i < lessons.length; i++) {
            if ((await lessonInputs.count()) <= i) {
              await form.getByRole("button", { name: "Lägg till en lärdom" }).click();
              await lessonInputs.nth(i).waitFor();
            }
            await lessonInputs.nth(i).fill(lessons[i]);
          }
          expect(await lessonInputs.count()).toBe(3);
          await screenshot(page, `organiser-lessons-${viewport.name}`);
          await form.locator('button[name="intent"][value="submit"]').click();
          return afterSave(page, "submitted");
        });
        expect(eventSlug).toMatch(/^workshop-om-stalltider-i-verkstaden/);

        // A lesson can become a practice once the event is published.
        await publish(viewport, eventTitle);

        await asRole(viewport, "contributor", "lesson-to-practice", async (page) => {
          await visit(page, `${server.url}/events/${eventSlug}`);
          const items = page.locator("main section.lessons ol > li");
          expect(await items.count()).toBe(3);
          expect((await items.allTextContents()).map((t) => lessons.find((l) => t.includes(l)))).toEqual(lessons);
          const second = items.nth(1);
          const lessonId = (await second.getAttribute("id"))!.replace("lardom-", "");
          await second.locator('a[href^="/practices/new?"]').click();
          await page.waitForURL((url) => url.pathname === "/practices/new" && url.searchParams.get("lesson") === lessonId);
          await hydrated(page);
          const form = page.locator("main form#record-practice");
          // Filled in from the lesson and the event.
          expect(await form.locator('textarea[name="summary"]').inputValue()).toBe(lessons[1]);
          expect(await form.locator('select[name="from_event"]').inputValue()).toBe(eventSlug);
          await form.locator('input[name="title"]').fill(`Checklistan vid kantpressen (${viewport.name})`);
          await form.locator('button[name="intent"][value="save"]').click();
          const practice = await afterSave(page, "created");
          expect(practice).toMatch(/^checklistan-vid-kantpressen/);
          expect(await page.locator("main .status").first().textContent()).toBe("Utkast");
          const saved = page.locator("main form#record-practice");
          expect(await saved.locator('select[name="from_event"]').inputValue()).toBe(eventSlug);
          expect(await saved.locator('select[name="from_lesson"]').inputValue()).toBe(lessonId);
          await screenshot(page, `lesson-to-practice-${viewport.name}`);
        });
      }, 90_000);
    });
  }

  it("a contributor writes, previews and submits a practice with the keyboard alone", async () => {
    const title = "Tangentbordet räcker för att skriva ett gott exempel";
    await asRole(VIEWPORTS[0], null, "keyboard", async (page) => {
      const { keyboard } = page;
      await visit(page, `${server.url}/`);
      // The first Tab reaches the skip link, and Enter on it moves focus to the main content.
      await keyboard.press("Tab");
      expect(await focusIs(page, 'a[href="#main"]')).toBe(true);
      expect(await focusShows(page), "the focused skip link is on screen with a focus indicator").toBe(true);
      await keyboard.press("Enter");
      expect(await focusIs(page, "main#main")).toBe(true);

      // Sign in.
      await tabTo(page, 'header a[href^="/login"]', { shift: true });
      await keyboard.press("Enter");
      await page.waitForURL((url) => url.pathname === "/login");
      await hydrated(page);
      await tabTo(page, 'main input[name="email"]');
      await keyboard.type(demo.contributor.email);
      await keyboard.press("Tab");
      expect(await focusIs(page, 'main input[name="password"]')).toBe(true);
      await keyboard.type(demo.contributor.password);
      await keyboard.press("Enter");
      await page.waitForURL((url) => url.pathname !== "/login");
      await hydrated(page);

      // My work → new practice.
      await tabTo(page, 'header a[href="/manage"]');
      await keyboard.press("Enter");
      await page.waitForURL((url) => url.pathname === "/manage");
      await hydrated(page);
      await tabTo(page, 'main a[href="/practices/new"]');
      await keyboard.press("Enter");
      await page.waitForURL((url) => url.pathname === "/practices/new");
      await hydrated(page);

      await tabTo(page, 'main input[name="title"]');
      expect(await focusShows(page), "focus indicator on the title field").toBe(true);
      await keyboard.type(title);
      await keyboard.press("Tab");
      expect(await focusIs(page, 'main textarea[name="summary"]')).toBe(true);
      await keyboard.type("Allt gick att göra med Tab, Enter och mellanslag.");
      await keyboard.press("Tab");
      expect(await focusIs(page, 'main textarea[name="body"]')).toBe(true);
      await keyboard.type("Inga **musklick** behövdes.\n\n- Tab\n- Enter");
      await tabTo(page, 'main input[name="themes"][value="processmognad"]');
      expect(await focusShows(page), "focus indicator on a theme checkbox").toBe(true);
      await keyboard.press("Space");
      expect(await page.locator('main input[name="themes"][value="processmognad"]').isChecked()).toBe(true);
      await tabTo(page, 'main textarea[name="solution"]');
      await keyboard.type("Vi gick igenom formuläret med tangentbordet.");

      await tabTo(page, 'main button[name="intent"][value="preview"]');
      await keyboard.press("Enter");
      const preview = page.locator("main section.preview");
      await preview.waitFor();
      expect(await preview.locator("strong").first().textContent()).toBe("musklick");
      await screenshot(page, "keyboard-preview-desktop");

      await tabTo(page, 'main button[name="intent"][value="submit"]', { max: 200 });
      expect(await focusShows(page), "focus indicator on the submit button").toBe(true);
      await keyboard.press("Space");
      await afterSave(page, "submitted");
      expect(await page.locator("main h1").textContent()).toContain(title);
      expect(await page.locator("main .status").first().textContent()).toBe("Väntar på granskning");
      await screenshot(page, "keyboard-submitted-desktop");
    });
  }, 90_000);
});
