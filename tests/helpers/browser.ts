import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

import { chromium, type Browser, type BrowserContext, type Page, type Response } from "playwright-core";
import { describe, it } from "vitest";

import { ROOT } from "./db";

/**
 * Browser tests drive Debian's Chromium through playwright-core; no browser is ever downloaded.
 * Without /usr/bin/chromium the suites are skipped on a developer's machine (with a note on how to
 * install it) and fail on CI, where a skipped browser suite would hide that nothing was tested.
 * CHROMIUM_PATH names another Chromium binary (a distribution's own build, never a download).
 */
export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
export const hasChromium = fs.existsSync(CHROMIUM);
const onCI = process.env.CI === "true";
const INSTALL = "sudo apt-get install -y chromium";

const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-sync",
  "--disable-quic",
];

/** A describe block that runs only where Chromium is installed (see above). */
export function browserDescribe(name: string, body: () => void): void {
  if (hasChromium) {
    describe(name, body);
  } else if (onCI) {
    describe(name, () => {
      it("needs Chromium", () => {
        throw new Error(`The browser tests need Chromium at ${CHROMIUM}, and CI must run them. Install it: ${INSTALL}`);
      });
    });
  } else {
    console.warn(`Skipping the browser tests "${name}": there is no Chromium at ${CHROMIUM}. Install it: ${INSTALL}`);
    describe.skip(name, body);
  }
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true, timeout: 30_000 });
}

export interface Viewport {
  name: "desktop" | "phone";
  width: number;
  height: number;
  mobile: boolean;
}

/** Every flow runs on both. */
export const VIEWPORTS: Viewport[] = [
  { name: "desktop", width: 1280, height: 900, mobile: false },
  { name: "phone", width: 390, height: 844, mobile: true },
];

/** Cookies (a signed-in session) of one context, to start another one with. */
export type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;

export interface Tab {
  context: BrowserContext;
  page: Page;
  /** Uncaught page errors and console errors seen so far. */
  problems: string[];
  close: () => Promise<void>;
}

/**
 * A fresh context (own cookies) with one page. The locale is Swedish unless told otherwise:
 * Chromium's default en-US would send `Accept-Language: en-US`, and Lärdom answers that in English.
 */
export async function openTab(
  browser: Browser,
  viewport: Viewport,
  {
    locale = "sv-SE",
    headers,
    javaScript = true,
    storageState,
  }: { locale?: string; headers?: Record<string, string>; javaScript?: boolean; storageState?: StorageState } = {},
): Promise<Tab> {
  const context = await browser.newContext({
    viewport: { width: viewport.width, height: viewport.height },
    isMobile: viewport.mobile,
    hasTouch: viewport.mobile,
    deviceScaleFactor: 1,
    locale,
    extraHTTPHeaders: headers,
    javaScriptEnabled: javaScript,
    storageState,
  });
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(20_000);
  const page = await context.newPage();
  if (!javaScript) withoutJavaScript.add(page);
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    // A page answered with 400/403/404 on purpose (a form with errors, a missing page) is logged too.
    if (/^Failed to load resource: the server responded with a status of 40[034]/.test(message.text())) return;
    problems.push(`console error: ${message.text()}`);
  });
  return { context, page, problems, close: () => context.close() };
}

const withoutJavaScript = new WeakSet<Page>();

/** Remix has hydrated the document: React's fiber is on <main>. (At once for a page without JavaScript.) */
export async function hydrated(page: Page): Promise<void> {
  if (withoutJavaScript.has(page)) return;
  await page.waitForFunction(() => {
    const main = document.querySelector("main");
    return !!main && Object.keys(main).some((key) => key.startsWith("__reactFiber"));
  }, undefined, { timeout: 15_000 });
}

/** Loads a page, checks its status, and waits for hydration (when JavaScript is on). */
export async function visit(page: Page, url: string, { status = 200 }: { status?: number } = {}): Promise<Response> {
  const response = await page.goto(url, { waitUntil: "load" });
  if (!response) throw new Error(`no response for ${url}`);
  if (response.status() !== status) throw new Error(`${url} answered ${response.status()}, expected ${status}`);
  await hydrated(page);
  return response;
}

const SCREENSHOTS = path.join(ROOT, "test-results", "screenshots");

/** A screenshot of the viewport, test-results/screenshots/NAME.png (git-ignored). */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name.replace(/[^\w.-]+/g, "-")}.png`);
  await page.screenshot({ path: file, fullPage: false, animations: "disabled" });
  return file;
}

const AXE_SOURCE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

let axeSource: string | undefined;

/** Runs axe-core on the page as it is now; the WCAG 2.1 A and AA rules. Returns the violations. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => "axe" in window))) {
    // Lärdom's Content-Security-Policy refuses script tags from elsewhere and without its nonce,
    // so axe is evaluated through the DevTools protocol, which the policy does not govern.
    axeSource ??= fs.readFileSync(AXE_SOURCE, "utf8");
    await page.evaluate(axeSource);
  }
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  }, AXE_TAGS);
}

export function formatViolations(violations: AxeViolation[]): string {
  return violations
    .map(
      (v) =>
        `${v.id} (${v.impact ?? "?"}): ${v.help}\n` +
        v.nodes.map((n) => `    ${n.target.map(String).join(" ")}\n      ${(n.failureSummary ?? "").replace(/\n/g, "\n      ")}`).join("\n"),
    )
    .join("\n");
}

/** Fails with every violation (rule, element, what is wrong) when axe finds any. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const violations = await axeViolations(page);
  if (violations.length > 0) {
    throw new Error(`axe found ${violations.length} WCAG 2.1 AA violation(s) on ${label} (${page.url()}):\n${formatViolations(violations)}`);
  }
}

/** Presses Tab until the focused element matches the selector; fails after `max` presses. */
export async function tabTo(page: Page, selector: string, { max = 150, shift = false } = {}): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(shift ? "Shift+Tab" : "Tab");
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  const at = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 200));
  throw new Error(`${max} presses of Tab did not reach ${selector}; focus is on ${at}`);
}

/** The focused element matches the selector. */
export async function focusIs(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector);
}

/**
 * Follows a link of the site's main menu. On a narrow screen the menu may sit behind a toggle
 * (a button with aria-expanded, or a <details>): opened first if the link is not visible.
 */
export async function followMenu(page: Page, href: string): Promise<void> {
  const link = page.locator(`header nav a[href="${href}"]`).first();
  if (!(await link.isVisible())) {
    const toggle = page.locator("header button[aria-expanded], header details > summary").first();
    if (await toggle.count()) await toggle.click();
  }
  await link.click();
  await page.waitForURL((url) => url.pathname === href);
  // The URL changes a moment before the new page is rendered; the menu marks the page it shows.
  await page.locator(`header nav a[href="${href}"][aria-current="page"]`).first().waitFor();
  await hydrated(page);
}

/** Signs in through /login as a person would. */
export async function signIn(page: Page, baseUrl: string, account: { email: string; password: string }): Promise<void> {
  await visit(page, `${baseUrl}/login`);
  await page.locator('main input[name="email"]').fill(account.email);
  await page.locator('main input[name="password"]').fill(account.password);
  await page.locator('main form button[type="submit"]').click();
  await page.waitForURL((url) => url.pathname !== "/login");
  await hydrated(page);
}

/** The document's language, its skip link and landmarks, as they should be on every page. */
export async function pageStructure(page: Page) {
  return page.evaluate(() => {
    const skip = document.querySelector<HTMLAnchorElement>('body a[href="#main"]');
    const focusables = [...document.querySelectorAll<HTMLElement>("a[href], button, input, select, textarea, [tabindex]")].filter(
      (el) => el.tabIndex >= 0 && !(el as HTMLInputElement).disabled && (el as HTMLInputElement).type !== "hidden",
    );
    return {
      lang: document.documentElement.lang,
      skipLink: skip ? { text: skip.textContent?.trim() ?? "", first: focusables[0] === skip } : null,
      mainId: document.querySelector("main")?.id ?? null,
    };
  });
}

/** Counts of the ARIA landmarks, as the accessibility tree (Playwright's role engine) sees them. */
export async function landmarks(page: Page): Promise<Record<"banner" | "navigation" | "main" | "contentinfo", number>> {
  return {
    banner: await page.getByRole("banner").count(),
    navigation: await page.getByRole("navigation").count(),
    main: await page.getByRole("main").count(),
    contentinfo: await page.getByRole("contentinfo").count(),
  };
}

/**
 * Every invalid field (aria-invalid) and its errors: the texts its aria-describedby points to.
 * An empty list for a field means its error is not tied to it.
 */
export async function invalidFields(page: Page): Promise<{ field: string; label: string; described: string[] }[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[aria-invalid="true"]')].map((el) => {
      const ids = (el.getAttribute("aria-describedby") ?? "").split(/\s+/).filter(Boolean);
      const labels = (el as HTMLInputElement).labels;
      return {
        field: el.getAttribute("name") ?? el.tagName,
        label: labels && labels.length ? (labels[0].textContent ?? "").trim() : (el.getAttribute("aria-label") ?? ""),
        described: ids.map((id) => document.getElementById(id)?.textContent?.trim() ?? "").filter(Boolean),
      };
    }),
  );
}

/**
 * The text a reader sees once every element with its own `lang` (content: titles, summaries,
 * bodies, names) is taken out, leaving the interface. Changes the page: call it last.
 */
export async function interfaceText(page: Page): Promise<string> {
  return page.evaluate(() => {
    for (const el of [...document.body.querySelectorAll("[lang]")]) el.remove();
    return document.body.innerText;
  });
}

/** Regular expression for any of the words as whole words (Unicode letters count as word characters). */
export function wholeWords(words: string[], flags = "u"): RegExp {
  const escaped = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "\\s+"));
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join("|")})(?![\\p{L}\\p{N}])`, `g${flags}`);
}

/**
 * The focused element is inside the viewport and shows a focus indicator (an outline or a box
 * shadow while focused), as WCAG 2.4.7 asks.
 */
export async function focusShows(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return false;
    const box = el.getBoundingClientRect();
    const onScreen = box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0 && box.top < window.innerHeight && box.left < window.innerWidth;
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow !== "none";
    return onScreen && (outline || shadow);
  });
}

/**
 * axe on HTML as a browser without JavaScript received it (axe itself needs JavaScript): the
 * same document served again at its own address with its scripts taken out, so styles apply.
 */
export async function expectAccessibleHtml(browser: Browser, viewport: Viewport, url: string, html: string, label: string): Promise<void> {
  const tab = await openTab(browser, viewport);
  try {
    const body = html.replace(/<script\b[\s\S]*?<\/script>/gi, "");
    await tab.page.route((u) => u.href === url, (route) => route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body }));
    await tab.page.goto(url, { waitUntil: "load" });
    await expectAccessible(tab.page, label);
  } finally {
    await tab.close();
  }
}

/**
 * Reflow (WCAG 1.4.10): the page is no wider than the viewport it was laid out for. Compares with
 * the width asked for, not window.innerWidth: a phone's browser (isMobile) widens its layout
 * viewport to fit content that overflows, and would hide the overflow. Returns the innermost
 * elements that reach past the edge, empty when the page fits.
 */
export async function overflowing(page: Page, viewport: Viewport): Promise<string[]> {
  return page.evaluate((width) => {
    if (document.documentElement.scrollWidth <= width + 1) return [];
    const past = (el: Element) => el.getBoundingClientRect().right > width + 1;
    return [...document.body.querySelectorAll("*")]
      .filter((el) => past(el) && ![...el.children].some(past) && !el.closest("[hidden], .visually-hidden"))
      .slice(0, 8)
      .map((el) => `${el.tagName.toLowerCase()}${el.className && typeof el.className === "string" ? `.${el.className.trim().split(/\s+/).join(".")}` : ""} reaches ${Math.round(el.getBoundingClientRect().right)} px: "${(el.textContent ?? "").trim().slice(0, 40)}"`);
  }, viewport.width);
}
