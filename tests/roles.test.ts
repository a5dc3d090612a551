import fs from "node:fs";
import path from "node:path";

import { sql, type Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { openDatabase } from "../db/connection";
import type { Database } from "../db/schema";
import { ROOT } from "./helpers/db";
import { Browser, demoAccounts } from "./helpers/http";
import { startServer, type RunningServer } from "./helpers/server";

/**
 * The role × route × method table of issue 4, through the real server: every route file, every
 * role (and a contributor of another organisation), GET and POST. Refused requests answer with a
 * redirect to sign in, 403, 404 or 405; allowed POSTs get an empty form and answer 400. No POST
 * in the table may change anything.
 */

const ROLES = ["anon", "member", "contributor", "contributor2", "organiser", "editor", "admin"] as const;
type Who = (typeof ROLES)[number];
type Outcome = 200 | 400 | 403 | 404 | 405 | "login" | "home";
type Expect = Record<Who, Outcome>;

const everyone = (o: Outcome): Expect => Object.fromEntries(ROLES.map((r) => [r, o])) as Expect;
const signedIn = (o: Outcome, anon: Outcome = "login"): Expect => ({ ...everyone(o), anon });
/** Signed-out visitors go to sign in; the listed roles get `yes`, everyone else `no`. */
const only = (allowed: Who[], yes: Outcome, no: Outcome = 403): Expect =>
  Object.fromEntries(ROLES.map((r) => [r, r === "anon" ? "login" : allowed.includes(r) ? yes : no])) as Expect;

const EDITORS: Who[] = ["editor", "admin"];
const PRACTICE_WRITERS: Who[] = ["contributor", "contributor2", ...EDITORS];
const EVENT_WRITERS: Who[] = ["organiser", ...EDITORS];

let server: RunningServer;
let db: Kysely<Database>;
const browsers = {} as Record<Who, Browser>;
let draftSlug = "";
let draftId = 0;
let eventSlug = "";
let ownPublishedId = 0;

interface Row {
  route: string;
  url: () => string;
  get: Expect;
  post: Expect;
}

const PUBLIC_PAGE = { get: everyone(200), post: everyone(405) };

const TABLE: Row[] = [
  { route: "_index", url: () => "/", ...PUBLIC_PAGE },
  { route: "$", url: () => "/finns-inte/alls", get: everyone(404), post: everyone(405) },
  { route: "healthz", url: () => "/healthz", ...PUBLIC_PAGE },
  { route: "search", url: () => "/search?q=lean", ...PUBLIC_PAGE },
  { route: "api.search", url: () => "/api/search?q=lean", ...PUBLIC_PAGE },
  { route: "api.records._index", url: () => "/api/records?limit=5", ...PUBLIC_PAGE },
  { route: "api.records.$kind.$slug", url: () => "/api/records/practice/olmeviks-hydraulik-cobot-for-slipning", ...PUBLIC_PAGE },
  // Members-only: signed-in callers get it, anonymous ones a 404 JSON.
  { route: "api.records.$kind.$slug", url: () => "/api/records/practice/region-dalarna-industriradet", get: signedIn(200, 404), post: everyone(405) },
  { route: "api.records.$kind.$slug", url: () => `/api/records/practice/${draftSlug}`, get: everyone(404), post: everyone(405) },
  { route: "api.themes", url: () => "/api/themes", ...PUBLIC_PAGE },
  { route: "api.paths", url: () => "/api/paths", ...PUBLIC_PAGE },
  { route: "feeds.records[.]atom", url: () => "/feeds/records.atom?kind=practice", ...PUBLIC_PAGE },
  { route: "feeds.events[.]ics", url: () => "/feeds/events.ics", ...PUBLIC_PAGE },
  { route: "dashboard._index", url: () => "/dashboard", ...PUBLIC_PAGE },
  { route: "dashboard.csv.$figure", url: () => "/dashboard/csv/records-per-theme", ...PUBLIC_PAGE },
  // Editors' figure: 403 for everyone else, signed in or not; an unknown figure 404.
  { route: "dashboard.csv.$figure", url: () => "/dashboard/csv/search-misses", get: { ...everyone(403), editor: 200, admin: 200 }, post: everyone(405) },
  { route: "dashboard.csv.$figure", url: () => "/dashboard/csv/finns-inte", get: everyone(404), post: everyone(405) },
  { route: "themes._index", url: () => "/themes", ...PUBLIC_PAGE },
  { route: "themes.$slug", url: () => "/themes/data-och-sensorer", ...PUBLIC_PAGE },
  // Anyone may take a self-assessment; an empty form is refused.
  { route: "themes.$slug_.assessment", url: () => "/themes/processmognad-och-fornyelse/assessment", get: everyone(200), post: everyone(400) },
  { route: "manage.assessments.$slug", url: () => "/manage/assessments/processmognad-och-fornyelse", get: only(EDITORS, 200), post: only(EDITORS, 400) },
  { route: "practices._index", url: () => "/practices", ...PUBLIC_PAGE },
  { route: "practices.$slug", url: () => "/practices/olmeviks-hydraulik-cobot-for-slipning", ...PUBLIC_PAGE },
  { route: "practices.$slug", url: () => "/practices/region-dalarna-industriradet", get: signedIn(200, 404), post: everyone(405) },
  { route: "practices.$slug", url: () => `/practices/${draftSlug}`, get: everyone(404), post: everyone(405) },
  { route: "events._index", url: () => "/events", ...PUBLIC_PAGE },
  { route: "events.$slug", url: () => "/events/seminarium-hemflyttning-ludvika", ...PUBLIC_PAGE },
  { route: "activities._index", url: () => "/activities", ...PUBLIC_PAGE },
  { route: "activities.$slug", url: () => "/activities/grundkurs-lean-for-sma-verkstader", ...PUBLIC_PAGE },
  { route: "paths._index", url: () => "/paths", ...PUBLIC_PAGE },
  // Signed-in readers mark steps read; an empty form is refused.
  { route: "paths.$slug", url: () => "/paths/prediktivt-underhall-steg-for-steg", get: everyone(200), post: signedIn(400) },
  { route: "paths.$slug_.print", url: () => "/paths/prediktivt-underhall-steg-for-steg/print", ...PUBLIC_PAGE },
  { route: "paths.$slug_.markdown", url: () => "/paths/prediktivt-underhall-steg-for-steg/markdown", ...PUBLIC_PAGE },
  { route: "paths.new", url: () => "/paths/new", get: only(EDITORS, 200), post: only(EDITORS, 400) },
  { route: "paths.$slug_.edit", url: () => "/paths/prediktivt-underhall-steg-for-steg/edit", get: only(EDITORS, 200), post: only(EDITORS, 400) },
  { route: "organisations.$slug", url: () => "/organisations/olmeviks-hydraulik", ...PUBLIC_PAGE },
  // Signed-in people are sent on from the sign-in page, whether they GET or POST it.
  { route: "login", url: () => "/login", get: { ...everyone("home"), anon: 200 }, post: { ...everyone("home"), anon: 400 } },
  // POST /logout is checked on its own below, with sessions that may be ended.
  { route: "logout", url: () => "/logout", get: everyone("home"), post: everyone("home") },
  // The language switch is for everyone; an empty form names the two languages it takes.
  { route: "language", url: () => "/language", get: everyone("home"), post: everyone(400) },
  { route: "manage._index", url: () => "/manage", get: signedIn(200), post: everyone(405) },
  { route: "manage.password", url: () => "/manage/password", get: signedIn(200), post: signedIn(400) },
  { route: "manage.review", url: () => "/manage/review", get: only(EDITORS, 200), post: everyone(405) },
  { route: "manage.export", url: () => "/manage/export", get: only(EDITORS, 200), post: everyone(405) },
  { route: "manage.export[.]zip", url: () => "/manage/export.zip", get: only(EDITORS, 200), post: everyone(405) },
  { route: "manage.themes._index", url: () => "/manage/themes", get: only(EDITORS, 200), post: only(EDITORS, 400) },
  { route: "manage.themes.$slug", url: () => "/manage/themes/data-och-sensorer", get: only(EDITORS, 200), post: only(EDITORS, 400) },
  { route: "manage.organisations._index", url: () => "/manage/organisations", get: only(EDITORS, 200), post: only(EDITORS, 400) },
  { route: "manage.organisations.$slug", url: () => "/manage/organisations/olmeviks-hydraulik", get: only(EDITORS, 200), post: only(EDITORS, 400) },
  { route: "manage.users._index", url: () => "/manage/users", get: only(["admin"], 200), post: only(["admin"], 400) },
  { route: "practices.new", url: () => "/practices/new", get: only(PRACTICE_WRITERS, 200), post: only(PRACTICE_WRITERS, 400) },
  { route: "events.new", url: () => "/events/new", get: only(EVENT_WRITERS, 200), post: only(EVENT_WRITERS, 400) },
  // CSV import of events (an empty form has no file: 400) and its template; the seeds-format zip for editors.
  { route: "events.import", url: () => "/events/import", get: only(EVENT_WRITERS, 200), post: only(EVENT_WRITERS, 400) },
  { route: "events.import_.template[.]csv", url: () => "/events/import/template.csv", get: only(EVENT_WRITERS, 200), post: everyone(405) },
  { route: "manage.import", url: () => "/manage/import", get: only(EDITORS, 200), post: only(EDITORS, 400) },
  { route: "activities.new", url: () => "/activities/new", get: only(EVENT_WRITERS, 200), post: only(EVENT_WRITERS, 400) },
  // A contributor's own draft; another organisation's contributor may not even look.
  { route: "practices.$slug_.edit", url: () => `/practices/${draftSlug}/edit`, get: only(["contributor", ...EDITORS], 200), post: only(["contributor", ...EDITORS], 400) },
  // Published material of the contributor's organisation: visible to them, editable only by editors.
  { route: "practices.$slug_.edit", url: () => "/practices/olmeviks-hydraulik-cobot-for-slipning/edit", get: only(["contributor", ...EDITORS], 200), post: { ...only(EDITORS, 400), contributor: 403 } },
  { route: "practices.$slug_.edit", url: () => "/practices/finns-inte/edit", get: signedIn(404), post: signedIn(404) },
  { route: "events.$slug_.edit", url: () => `/events/${eventSlug}/edit`, get: only(["organiser", ...EDITORS], 200), post: only(["organiser", ...EDITORS], 400) },
  { route: "activities.$slug_.edit", url: () => "/activities/grundkurs-lean-for-sma-verkstader/edit", get: only(EDITORS, 200), post: only(EDITORS, 400) },
  { route: "records.$id.history", url: () => `/records/${draftId}/history`, get: only(["contributor", ...EDITORS], 200), post: only(["contributor", ...EDITORS], 400) },
  { route: "records.$id.history", url: () => `/records/${ownPublishedId}/history`, get: only(["contributor", ...EDITORS], 200), post: { ...only(EDITORS, 400), contributor: 403 } },
  { route: "records.$id.workflow", url: () => `/records/${draftId}/workflow`, get: everyone(404), post: only(["contributor", ...EDITORS], 400) },
  { route: "records.$id.workflow", url: () => "/records/999999/workflow", get: everyone(404), post: signedIn(404) },
];

/** Everything a POST could change, as one string. */
async function fingerprint(): Promise<string> {
  const { rows } = await sql<{ f: string }>`select
    (select group_concat(id || ':' || version || ':' || status || ':' || visibility || ':' || title, '|') from records) ||
    (select count(*) from revisions) || (select count(*) from lessons) || (select count(*) from record_tags) ||
    (select group_concat(slug || name || coalesce(parent_id, '') || position, '|') from themes) ||
    (select group_concat(slug || title || status || version, '|') from paths) || (select count(*) from path_steps) ||
    (select group_concat(slug || name || municipality, '|') from organisations) ||
    (select group_concat(email || role || coalesce(organisation_id, '') || coalesce(disabled_at, ''), '|') from users) ||
    (select count(*) from assessment_results) || (select count(*) from path_progress) || (select group_concat(text || level_5, '|') from assessment_questions) as f`.execute(db);
  return rows[0].f;
}

function outcome(response: Response): Outcome | string {
  if (response.status === 302) {
    const location = response.headers.get("Location") ?? "";
    if (location.startsWith("/login?")) return "login";
    if (location === "/") return "home";
    return `302 ${location}`;
  }
  return response.status as Outcome;
}

beforeAll(async () => {
  server = await startServer();
  db = openDatabase(server.databasePath);
  const demo = demoAccounts(server.output());
  for (const who of ROLES) browsers[who] = new Browser(server);
  for (const role of ["member", "contributor", "organiser", "editor", "admin"] as const) {
    await browsers[role].signIn(demo[role].email, demo[role].password);
  }
  const created = await browsers.admin.post("/manage/users", {
    intent: "create",
    email: "annan.skribent@example.se",
    name: "Annan Skribent",
    role: "contributor",
    organisation: "hyttberga-mekaniska",
    password: "ett lösenord för tester",
  });
  expect(created.status).toBe(302);
  await browsers.contributor2.signIn("annan.skribent@example.se", "ett lösenord för tester");

  const draft = await browsers.contributor.post("/practices/new", {
    title: "Utkast för rolltabellen",
    summary: "Ett utkast.",
    themes: "data-och-sensorer",
    organisation: "olmeviks-hydraulik",
    intent: "save",
  });
  expect(draft.status).toBe(302);
  draftSlug = draft.headers.get("Location")!.split("/")[2];
  const event = await browsers.organiser.post("/events/new", {
    title: "Träff för rolltabellen",
    summary: "En träff.",
    themes: "data-och-sensorer",
    type: "workshop",
    date: "2026-05-05",
    location: "Falun",
    municipality: "Falun",
    organiser: "region-dalarna",
    participants: "12",
    "lessons[0]": "En lärdom.",
    intent: "save",
  });
  expect(event.status).toBe(302);
  eventSlug = event.headers.get("Location")!.split("/")[2];
  draftId = (await db.selectFrom("records").select("id").where("slug", "=", draftSlug).executeTakeFirstOrThrow()).id;
  ownPublishedId = (await db.selectFrom("records").select("id").where("slug", "=", "olmeviks-hydraulik-cobot-for-slipning").executeTakeFirstOrThrow()).id;
  await db.updateTable("records").set({ visibility: "members" }).where("slug", "=", "region-dalarna-industriradet").execute();
}, 180_000);

afterAll(async () => {
  await db?.destroy();
  await server?.stop();
});

describe("the role table", () => {
  it("covers every route file", () => {
    const files = fs.readdirSync(path.join(ROOT, "app/routes")).map((f) => f.replace(/\.tsx?$/, ""));
    const inTable = new Set(TABLE.map((r) => r.route));
    expect(files.filter((f) => !inTable.has(f)), "route files without a row in TABLE (tests/roles.test.ts): add one").toEqual([]);
    expect([...inTable].filter((r) => !files.includes(r)), "rows for route files that no longer exist").toEqual([]);
  });

  for (const row of TABLE) {
    it(`GET ${row.route}`, async () => {
      const actual: Record<string, Outcome | string> = {};
      for (const who of ROLES) actual[who] = outcome(await browsers[who].get(row.url()));
      expect(actual, row.url()).toEqual(row.get);
    });

    if (row.route === "logout") continue;
    it(`POST ${row.route}, writing nothing`, async () => {
      const before = await fingerprint();
      const actual: Record<string, Outcome | string> = {};
      for (const who of ROLES) {
        actual[who] = outcome(await browsers[who].post(row.url(), {}));
        expect(await fingerprint(), `${who} POST ${row.url()}`).toBe(before);
      }
      expect(actual, row.url()).toEqual(row.post);
    });
  }

  it("POST logout ends the session for everyone, signed in or not", async () => {
    const demo = demoAccounts(server.output());
    for (const who of ROLES) {
      const browser = new Browser(server);
      if (who === "contributor2") await browser.signIn("annan.skribent@example.se", "ett lösenord för tester");
      else if (who !== "anon") await browser.signIn(demo[who].email, demo[who].password);
      const cookie = browser.cookie;
      expect(outcome(await browser.post("/logout")), who).toBe("home");
      const stale = new Browser(server);
      stale.cookie = cookie;
      expect(outcome(await stale.get("/manage")), who).toBe("login");
    }
  });
});
