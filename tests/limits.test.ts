import fs from "node:fs";
import path from "node:path";

import type { ActionFunctionArgs } from "@remix-run/node";
import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { openDatabase } from "../db/connection";
import type { Database } from "../db/schema";
import { loadSeedDirectory, SeedError } from "../seeds/loader";
import { MARKDOWN_MAX_DEPTH, MARKDOWN_MAX_LENGTH, markdownProblem } from "~/forms/markdown";
import { action as editPracticeAction } from "~/routes/practices.$slug_.edit";
import { action as newEventAction } from "~/routes/events.new";
import { action as loginAction } from "~/routes/login";
import { action as newThemeAction } from "~/routes/manage.themes._index";
import { action as newPathAction } from "~/routes/paths.new";
import { action as newPracticeAction } from "~/routes/practices.new";
import { closeDb, getDb } from "~/utils/db.server";
import { formRequest, respond } from "./helpers/auth";
import { practice, setupAuthors, storedPractice } from "./helpers/authoring";
import { copySeeds, createTestDb } from "./helpers/db";
import { Browser, demoAccounts } from "./helpers/http";
import { startServer, type RunningServer } from "./helpers/server";

/**
 * Issue 8's limits on what a form may send: Markdown over its size or nesting, a text over its
 * length, a single field sent twice, a required one left out. Each answers 400 with a message
 * in the reader's language where the field is, and saves nothing.
 */

const nbsp = "\u00a0";
/** `>` inside `>`, one level deeper than allowed. */
const tooDeepQuotes = `${"> ".repeat(MARKDOWN_MAX_DEPTH + 1)}djupt`;
/** Lists inside lists by indentation, one level deeper than allowed. */
const tooDeepList = Array.from({ length: MARKDOWN_MAX_DEPTH + 1 }, (_, i) => `${"  ".repeat(i)}- nivå ${i + 1}`).join("\n");
/** A list in a quote, each item's text continued lazily: marked nests every pair two levels deeper; the lines do not show it. */
const lazyQuotes = "> - citat\nfortsättning\n".repeat(30);

let cookies: Awaited<ReturnType<typeof setupAuthors>>;
beforeAll(async () => {
  cookies = await setupAuthors();
}, 60_000);
afterAll(closeDb);

type Action = (args: ActionFunctionArgs) => Promise<Response>;

async function post(action: Action, url: string, fields: Record<string, string | string[]> | [string, string][], { cookie = cookies.editor, lang = "sv", params = {} }: { cookie?: string; lang?: string; params?: Record<string, string> } = {}) {
  const request = Array.isArray(fields)
    ? new Request(new URL(url, "http://lardom.test"), {
        method: "POST",
        body: new URLSearchParams(fields),
        headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie, "Accept-Language": lang },
      })
    : formRequest(url, fields, cookie);
  if (!Array.isArray(fields)) request.headers.set("Accept-Language", lang);
  const response = await respond(() => action({ request, params, context: { clientAddress: "192.0.2.1" } }));
  return { status: response.status, body: response.headers.get("Content-Type")?.includes("json") ? await response.json() : null };
}

/** Conform's errors of an answer by field. */
const errorsOf = (body: { result: { error?: Record<string, string[]> } } | { error?: Record<string, string[]> }) =>
  ("result" in body ? body.result.error : body.error) ?? {};

const recordCount = async () => Number((await getDb().selectFrom("records").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);

describe("Markdown over the limits is refused by the form", () => {
  it("a body one character over 100 000: 400, the limit and the length in the reader's language, nothing saved", async () => {
    const before = await recordCount();
    const body = "a".repeat(MARKDOWN_MAX_LENGTH + 1);
    const sv = await post(newPracticeAction, "/practices/new", practice({ body }));
    expect(sv.status).toBe(400);
    expect(errorsOf(sv.body).body).toEqual([`Högst 100${nbsp}000 tecken (texten har 100${nbsp}001).`]);
    const en = await post(newPracticeAction, "/practices/new", practice({ body }), { lang: "en" });
    expect(errorsOf(en.body).body).toEqual(["At most 100,000 characters (the text has 100,001)."]);
    expect(await recordCount()).toBe(before);
    // At the limit it is taken.
    const atLimit = await post(newPracticeAction, "/practices/new", practice({ title: "Precis lagom lång", body: "a".repeat(MARKDOWN_MAX_LENGTH) }));
    expect(atLimit.status).toBe(302);
  });

  it("a practice's section over its own 20 000, and minutes over 100 000", async () => {
    const before = await recordCount();
    const section = await post(newPracticeAction, "/practices/new", practice({ solution: "b".repeat(20_001) }));
    expect(section.status).toBe(400);
    expect(errorsOf(section.body).solution).toEqual([`Högst 20${nbsp}000 tecken (texten har 20${nbsp}001).`]);
    const minutes = await post(newEventAction, "/events/new", {
      title: "Träff", summary: "Kort.", themes: "data-och-sensorer", type: "workshop", date: "2026-01-10", location: "Falun",
      municipality: "Falun", organiser: "region-dalarna", participants: "5", "lessons[0]": "En lärdom.", body: "c".repeat(100_001), intent: "save",
    });
    expect(minutes.status).toBe(400);
    expect(errorsOf(minutes.body).body?.[0]).toMatch(/^Högst 100\u00a0000 tecken/);
    expect(await recordCount()).toBe(before);
  });

  it("quotes and lists nested deeper than 20 levels, as written or as marked would nest them: 400 naming the depth, nothing saved", async () => {
    const before = await recordCount();
    const quotes = await post(newPracticeAction, "/practices/new", practice({ body: tooDeepQuotes }));
    expect(quotes.status).toBe(400);
    expect(errorsOf(quotes.body).body).toEqual(["Högst 20 nivåer av listor och citat i varandra (rad 1 har minst 21)."]);
    const list = await post(newPracticeAction, "/practices/new", practice({ problem: `Inledning\n\n${tooDeepList}` }), { lang: "en" });
    expect(list.status).toBe(400);
    expect(errorsOf(list.body).problem).toEqual(["At most 20 levels of lists and quotes inside each other (line 23 has at least 21)."]);
    // Only the server can tell: marked nests these far deeper than the two `>` each line shows.
    expect(markdownProblem(lazyQuotes)).toBeNull();
    const lazy = await post(newPracticeAction, "/practices/new", practice({ body: lazyQuotes }));
    expect(lazy.status).toBe(400);
    expect(errorsOf(lazy.body).body?.[0]).toMatch(/^Högst 20 nivåer av listor och citat i varandra \(texten har \d+\)\.$/);
    expect(await recordCount()).toBe(before);
    // Twenty levels are fine.
    const twenty = await post(newPracticeAction, "/practices/new", practice({ title: "Tjugo nivåer", body: `${"> ".repeat(MARKDOWN_MAX_DEPTH)}djupt nog` }));
    expect(twenty.status).toBe(302);
  });

  it("a paragraph too dense with formatting for marked to finish soon: 400 that says to split it", async () => {
    const before = await recordCount();
    const dense = await post(newPracticeAction, "/practices/new", practice({ body: `Inledning.\n\n${"_a".repeat(25_000)}` }));
    expect(dense.status).toBe(400);
    expect(errorsOf(dense.body).body).toEqual(["Stycket från rad 3 är för långt och tätt med formateringstecken för att visas; dela upp det med tomma rader."]);
    expect(await recordCount()).toBe(before);
  });

  it("an edit over the limits leaves the stored record as it was", async () => {
    const slug = "hyttberga-lean-i-svetsverkstaden";
    const stored = await storedPractice(slug);
    const response = await post(
      editPracticeAction,
      `/practices/${slug}/edit`,
      practice({ organisation: "hyttberga-mekaniska", body: tooDeepQuotes, version: String(stored.version) }),
      { params: { slug } },
    );
    expect(response.status).toBe(400);
    expect(errorsOf(response.body).body).toHaveLength(1);
    expect(await storedPractice(slug)).toEqual(stored);
  });

  it("the preview names the field over the limits and shows the others", async () => {
    const before = await recordCount();
    const response = await post(newPracticeAction, "/practices/new", practice({ body: tooDeepQuotes, problem: "Värmen **gick ut**.", intent: "preview" }));
    expect(response.status).toBe(400);
    expect(errorsOf(response.body).body).toEqual(["Högst 20 nivåer av listor och citat i varandra (rad 1 har minst 21)."]);
    const preview = Object.fromEntries((response.body.preview as { field: string; html: string }[]).map((p) => [p.field, p.html]));
    expect(preview.body).toBe("");
    expect(preview.problem).toBe("<p>Värmen <strong>gick ut</strong>.</p>\n");
    expect(await recordCount()).toBe(before);
  });

  it("the seeds refuse a body over the limits, naming file and field", async () => {
    const { db, destroy } = await createTestDb();
    const dir = copySeeds();
    try {
      const file = path.join(dir, "practices", fs.readdirSync(path.join(dir, "practices"))[0]);
      fs.appendFileSync(file, `\n\n${tooDeepQuotes}\n`);
      const error = await loadSeedDirectory(db as Kysely<Database>, dir).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SeedError);
      expect((error as SeedError).problems).toContainEqual(
        expect.objectContaining({ field: "brödtext", message: expect.stringMatching(/^Högst 20 nivåer av listor och citat i varandra \(rad \d+ har minst 21\)\.$/) }),
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
      await destroy();
    }
  });
});

describe("text fields: too long, sent twice, left out", () => {
  it("a title sent twice: 400 that says one value is wanted, in Swedish or English, nothing saved", async () => {
    const before = await recordCount();
    const sv = await post(newPracticeAction, "/practices/new", practice({ title: ["Första", "Andra"] }));
    expect(sv.status).toBe(400);
    expect(errorsOf(sv.body).title).toEqual(["Fältet ska ha ett enda värde, inte flera."]);
    const en = await post(newPracticeAction, "/practices/new", practice({ title: ["First", "Second"] }), { lang: "en" });
    expect(errorsOf(en.body).title).toEqual(["This field takes a single value, not several."]);
    expect(await recordCount()).toBe(before);
  });

  it("a title left out or blank: 400 asking for it", async () => {
    const before = await recordCount();
    const { title: _, ...untitled } = practice();
    const missing = await post(newPracticeAction, "/practices/new", untitled);
    expect(missing.status).toBe(400);
    expect(errorsOf(missing.body).title).toEqual(["Skriv en rubrik."]);
    const blank = await post(newPracticeAction, "/practices/new", practice({ title: "   " }), { lang: "en" });
    expect(errorsOf(blank.body).title).toEqual(["Enter a title."]);
    expect(await recordCount()).toBe(before);
  });

  it("a title over 200 characters: 400 with the limit", async () => {
    const response = await post(newPracticeAction, "/practices/new", practice({ title: "å".repeat(201) }));
    expect(response.status).toBe(400);
    expect(errorsOf(response.body).title).toEqual(["Högst 200 tecken."]);
  });

  it("a title of a NUL: 400 with a message, not the database's CHECK failing (SQLite's length() stops at NUL)", async () => {
    const before = await recordCount();
    const response = await post(newPracticeAction, "/practices/new", practice({ title: "\u0000" }));
    expect(response.status).toBe(400);
    expect(errorsOf(response.body).title).toEqual(["Texten innehåller ett otillåtet tecken (NUL)."]);
    expect(await recordCount()).toBe(before);
  });

  it("other forms answer the same way: a path's title twice, a theme's name as an object, a choice not offered", async () => {
    const paths = await getDb().selectFrom("paths").select("id").execute();
    const path = await post(newPathAction, "/paths/new", [
      ["title", "En"], ["title", "Två"], ["summary", "Kort."], ["theme", "data-och-sensorer"], ["status", "hemlig"],
      ["steps[0].entry", "practices/hyttberga-lean-i-svetsverkstaden"],
    ]);
    expect(path.status).toBe(400);
    expect(errorsOf(path.body)).toMatchObject({ title: ["Fältet ska ha ett enda värde, inte flera."], status: ["Ogiltigt val."] });
    expect(await getDb().selectFrom("paths").select("id").execute()).toEqual(paths);

    const themes = await getDb().selectFrom("themes").select("id").execute();
    const theme = await post(newThemeAction, "/manage/themes", [["name.sv", "Tema"], ["name_en", "Theme"], ["position", "-3"]], { lang: "en" });
    expect(theme.status).toBe(400);
    expect(errorsOf(theme.body)).toEqual({ name: ["Not a valid value."], position: ["Cannot be negative."] });
    expect(await getDb().selectFrom("themes").select("id").execute()).toEqual(themes);
  });

  it("signing in with the address sent twice answers in the reader's language", async () => {
    const response = await post(loginAction, "/login", [["email", "a@example.se"], ["email", "b@example.se"], ["password", "x"]], { cookie: "", lang: "en" });
    expect(response.status).toBe(400);
    expect(errorsOf(response.body).email).toEqual(["This field takes a single value, not several."]);
  });
});

describe("what the page shows, on the running site", () => {
  let server: RunningServer;
  let editor: Browser;
  let db: Kysely<Database>;
  beforeAll(async () => {
    server = await startServer();
    editor = new Browser(server);
    const account = demoAccounts(server.output()).editor;
    await editor.signIn(account.email, account.password);
    db = openDatabase(server.databasePath);
  }, 180_000);
  afterAll(async () => {
    await db?.destroy();
    await server?.stop();
  });

  /** The page's text as a reader sees it: React's markers between text nodes taken out. */
  const pageOf = async (response: Response) => (await response.text()).replaceAll("<!-- -->", "");
  const saved = async (title: string) => (await db.selectFrom("records").select("id").where("title", "like", `${title}%`).execute()).length;
  /** A practice form with some fields changed and some sent once more. */
  const form = (change: Record<string, string>, more: [string, string][] = []): [string, string][] => [
    ...Object.entries({ title: "Sidan visar felet", summary: "Kort.", themes: "data-och-sensorer", organisation: "hyttberga-mekaniska", body: "Text.", intent: "save", ...change }),
    ...more,
  ];

  it("a title sent twice: the Swedish page says so beside the field and at the top, in no English", async () => {
    const response = await editor.post("/practices/new", form({}, [["title", "Sidan visar felet igen"]]));
    expect(response.status).toBe(400);
    const html = await pageOf(response);
    expect(html).toContain('<html lang="sv"');
    expect(html).toContain("Formuläret behöver rättas innan det kan sparas:");
    expect(html).toContain("Rubrik: Fältet ska ha ett enda värde, inte flera.");
    expect(html).toMatch(/<input[^>]*name="title"[^>]*aria-invalid="true"[\s\S]*?<li>Fältet ska ha ett enda värde, inte flera\.<\/li>/);
    expect(html).not.toMatch(/Expected|received|Invalid/);
    expect(await saved("Sidan visar felet")).toBe(0);
  });

  it("a body over the limits: the English page says how much is allowed, and nothing is saved", async () => {
    // The header's switch, then the form, as a browser keeps both cookies.
    const switched = await fetch(`${server.url}/language`, { method: "POST", redirect: "manual", body: new URLSearchParams({ lang: "en" }) });
    const lang = switched.headers.get("Set-Cookie")!.split(";")[0];
    const response = await fetch(`${server.url}/practices/new`, {
      method: "POST",
      redirect: "manual",
      body: new URLSearchParams(form({ body: "d".repeat(MARKDOWN_MAX_LENGTH + 1) })),
      headers: { Cookie: `${editor.cookie}; ${lang}` },
    });
    expect(response.status).toBe(400);
    const html = await pageOf(response);
    expect(html).toContain('<html lang="en"');
    expect(html).toContain("Description or minutes: At most 100,000 characters (the text has 100,001).");
    expect(await saved("Sidan visar felet")).toBe(0);
  });
});
