import type { Browser, Page } from "playwright-core";

import { interfaceText, openTab, signIn, wholeWords, type Tab, type Viewport } from "../helpers/browser";
import { demoAccounts } from "../helpers/http";
import type { RunningServer } from "../helpers/server";

/** One page of each type, shared by the accessibility and the language tests. */

export type Role = "contributor" | "editor";

export interface PageType {
  name: string;
  path: string;
  /** Signed in as this demo account. */
  as?: Role;
  status?: number;
  /** Brings the page into the state to check (a form with errors, say). */
  prepare?: (page: Page) => Promise<void>;
  /** What the reader typed, shown back in no particular language (a search query). */
  typed?: string[];
}

export const ENGLISH_PRACTICE = "/practices/glafsfjordens-cobot-at-the-press-brake";
export const ENGLISH_EVENT = "/events/cobot-exchange-day-arvika";

let failures = 0;

/** /login with a wrong password: the form's own error. (Another address each time: five failures lock an account.) */
async function failedLogin(page: Page) {
  await page.locator('main input[name="email"]').fill(`ingen${++failures}@example.se`);
  await page.locator('main input[name="password"]').fill("fel lösenord");
  await page.locator("main form button[type=submit]").click();
  await page.locator("main [role=alert]").first().waitFor();
}

/** /practices/new saved empty: every required field's error. */
async function emptyPracticeForm(page: Page) {
  await page.locator('main form#record-practice button[name="intent"][value="save"]').click();
  await page.locator('main [aria-invalid="true"]').first().waitFor();
}

export const PAGE_TYPES: PageType[] = [
  { name: "home", path: "/" },
  { name: "themes", path: "/themes" },
  { name: "practices", path: "/practices" },
  { name: "events", path: "/events" },
  { name: "activities", path: "/activities" },
  { name: "paths", path: "/paths" },
  { name: "practice", path: "/practices/vallhyttans-hardverk-prediktivt-underhall-hardugnar" },
  { name: "practice-in-english", path: ENGLISH_PRACTICE },
  { name: "event", path: ENGLISH_EVENT },
  { name: "event-in-swedish", path: "/events/workshop-livscykelanalys-karlstad" },
  { name: "activity", path: "/activities/prediktivt-underhall-med-sensorer" },
  { name: "organisation", path: "/organisations/olmeviks-hydraulik" },
  { name: "search", path: `/search?q=${encodeURIComponent("underhåll")}`, typed: ["underhåll"] },
  { name: "search-english-hits", path: "/search?q=cobot", typed: ["cobot"] },
  { name: "theme", path: "/themes/hallbar-industri" },
  { name: "path", path: "/paths/prediktivt-underhall-steg-for-steg" },
  { name: "path-with-progress", path: "/paths/prediktivt-underhall-steg-for-steg", as: "contributor" },
  { name: "login", path: "/login" },
  { name: "login-with-error", path: "/login", prepare: failedLogin },
  { name: "form", path: "/practices/new", as: "contributor" },
  { name: "form-with-errors", path: "/practices/new", as: "contributor", prepare: emptyPracticeForm },
  { name: "edit-form", path: "/practices/olmeviks-hydraulik-cobot-for-slipning/edit", as: "editor" },
  { name: "dashboard", path: "/dashboard", as: "editor" },
  { name: "manage", path: "/manage", as: "editor" },
  { name: "manage-contributor", path: "/manage", as: "contributor" },
  { name: "review-queue", path: "/manage/review", as: "editor" },
  { name: "not-found", path: "/finns-inte", status: 404 },
  { name: "record-not-found", path: "/practices/finns-inte", status: 404 },
];

/**
 * Tabs kept open across tests, one per key (role, viewport, language …), signed in once.
 * `setup` runs once when a tab is made (switching the language, say).
 */
export function tabPool(browser: () => Browser, server: () => RunningServer) {
  const tabs = new Map<string, Tab>();
  return {
    async get(viewport: Viewport, role: Role | undefined, key = "", setup?: (tab: Tab) => Promise<void>): Promise<Tab> {
      const id = `${viewport.name}/${role ?? "anonymous"}/${key}`;
      let tab = tabs.get(id);
      if (!tab) {
        tab = await openTab(browser(), viewport);
        try {
          if (role) await signIn(tab.page, server().url, demoAccounts(server().output())[role]);
          await setup?.(tab);
        } catch (error) {
          await tab.close();
          throw error;
        }
        tabs.set(id, tab);
      }
      tab.problems.length = 0;
      return tab;
    },
    async closeAll() {
      for (const tab of tabs.values()) await tab.close();
      tabs.clear();
    },
  };
}

/** Proper names that keep their å, ä and ö in English. */
const PROPER_NAMES = [
  "Smart industri i Norra Mellansverige",
  "Norra Mellansverige",
  "Lärdom",
  "Dalarna",
  "Gävleborg",
  "Värmland",
  // The demo accounts' names, shown in the header when signed in.
  "Rut Redaktör",
  "Sara Skribent",
];

/** Common Swedish words and interface texts that have no business on an English page. */
const SWEDISH = wholeWords(
  [
    "och", "för", "att", "med", "inte", "eller", "från", "till", "av", "på", "är", "som", "om", "det", "den", "ett",
    "har", "kan", "hur", "vad", "när", "ingen", "inget", "inga", "alla", "dig", "du", "ni", "vi", "sig",
    "Sök", "Sökord", "Logga in", "Logga ut", "Teman", "Tema", "Träffar", "Träff", "Goda exempel", "Gott exempel",
    "Lärvägar", "Lärväg", "Kompetensutveckling", "Hoppa till innehållet", "Mitt arbete", "Granskning", "Rubrik",
    "Sammanfattning", "Beskrivning", "Spara", "Förhandsgranska", "Lärdomar", "Utkast", "Deltagare", "Arrangör",
    "Plats", "Typ", "steg", "läsning", "Nästa", "Föregående", "Sidan finns inte", "Lösenord", "E-postadress",
  ],
  "iu",
);

/** Common English words and interface texts that have no business on a Swedish page. */
const ENGLISH = wholeWords(
  [
    "the", "and", "of", "with", "for", "from", "this", "your", "you",
    "Search", "Sign in", "Sign out", "Log in", "Themes", "Theme", "Events", "Good practice", "Reading paths",
    "Reading path", "Competence development", "Skip to content", "Page not found", "Save", "Preview", "Submit",
    "Lessons", "Next", "Previous", "Summary", "Title", "Description", "My work", "Review", "Draft", "Password",
  ],
  "iu",
);

const ALLOWED_NAMES = wholeWords(PROPER_NAMES, "u");

/**
 * What is left of the interface once the content (every element with a lang of its own) is
 * taken out: the visible text and the labels only a screen reader hears, less what the reader
 * typed. Changes the page: call it last.
 */
async function leftover(page: Page, typed: string[] = []): Promise<string> {
  const labels = await page.evaluate(() =>
    [...document.body.querySelectorAll("[aria-label], [placeholder], [title], img[alt]")]
      .filter((el) => !el.closest("[lang]:not(html)"))
      .flatMap((el) => ["aria-label", "placeholder", "title", "alt"].map((a) => el.getAttribute(a) ?? ""))
      .filter(Boolean),
  );
  const text = `${await interfaceText(page)}\n${labels.join("\n")}`;
  return typed.length ? text.replace(wholeWords(typed, "iu"), "") : text;
}

/** Each offending word with a little of the text around it. */
function offences(text: string, pattern: RegExp): string[] {
  return [...text.matchAll(pattern)].map(
    (m) => `"${m[0]}" in "…${text.slice(Math.max(0, m.index - 30), m.index + m[0].length + 30).replace(/\s+/g, " ")}…"`,
  );
}

/**
 * Swedish words, and words with å, ä or ö, left in an English page's interface. A lone letter
 * ("å, ä and ö become a, a and o") speaks of the letter and is let be, as are proper names.
 */
export async function swedishLeftOn(page: Page, typed: string[] = []): Promise<string[]> {
  const text = await leftover(page, typed);
  const letters = offences(text.replace(ALLOWED_NAMES, ""), /\p{L}*[åäöÅÄÖ]\p{L}*/gu).filter((o) => !/^"\p{L}"/u.test(o));
  return [...offences(text, SWEDISH), ...letters];
}

/** English words left in a Swedish page's interface: English not marked with lang="en". */
export async function englishLeftOn(page: Page, typed: string[] = []): Promise<string[]> {
  return offences(await leftover(page, typed), ENGLISH);
}
