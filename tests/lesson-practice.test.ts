import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { formFields } from "./helpers/form-fields";
import { Browser, demoBrowsers } from "./helpers/http";
import { startServer, type RunningServer } from "./helpers/server";

/**
 * Issue 5, from lesson to practice, through HTTP as a browser without JavaScript does it: a
 * contributor starts a practice from one of an event's lessons, the form comes prefilled, an
 * editor publishes it, and then the practice names the event and lesson while the event shows the
 * practice under that lesson.
 */
let server: RunningServer;
let anon: Browser;
let member: Browser;
let contributor: Browser;
let editor: Browser;

const EVENT = "workshop-livscykelanalys-karlstad";
const EVENT_TITLE = "Workshop: livscykelanalys som verktyg för småföretag som levererar till stora kunder";
const LESSON_TEXT = "Materialet står nästan alltid för den största delen av en verkstadsprodukts koldioxidutsläpp.";
const OTHER_EVENT = "seminarium-hemflyttning-ludvika";
const START_LINK = "Gör ett gott exempel av lärdomen";

beforeAll(async () => {
  server = await startServer();
  anon = new Browser(server);
  ({ member, contributor, editor } = await demoBrowsers(server, ["member", "contributor", "editor"]));
}, 180_000);
afterAll(async () => {
  await server?.stop();
});

const decode = (html: string) => html.replace(/&amp;/g, "&").replace(/&quot;/g, '"').replace(/&#x27;/g, "'");

/** The lessons of an event page: id, and the HTML of its list item. */
async function lessons(browser: Browser, slug: string): Promise<{ id: number; html: string }[]> {
  const html = await (await browser.get(`/events/${slug}`)).text();
  return [...html.matchAll(/<li id="lardom-(\d+)">([\s\S]*?)<\/li>/g)].map(([, id, inner]) => ({ id: Number(id), html: decode(inner) }));
}

/** The start links offered on an event page. */
const startLinks = (html: string) => [...decode(html).matchAll(/href="(\/practices\/new\?[^"]*)"/g)].map(([, href]) => href);

/** The "Blev goda exempel" section of an event page ("" when there is none). */
function became(html: string): string {
  const start = html.indexOf('id="became"');
  return start < 0 ? "" : html.slice(start, html.indexOf("</section>", start));
}

const field = (fields: [string, string][], name: string) => fields.filter(([k]) => k === name).map(([, v]) => v);

describe("from an event's lesson to a published practice", () => {
  let lessonId = 0;
  let startUrl = "";
  let slug = "";

  it("offers writers, and only writers, a start link under each lesson", async () => {
    const forContributor = await (await contributor.get(`/events/${EVENT}`)).text();
    const list = await lessons(contributor, EVENT);
    expect(list).toHaveLength(4);
    expect(startLinks(forContributor)).toEqual(list.map((l) => `/practices/new?fromEvent=${EVENT}&lesson=${l.id}`));
    for (const l of list) expect(l.html).toContain(START_LINK);
    for (const browser of [anon, member]) {
      const html = await (await browser.get(`/events/${EVENT}`)).text();
      expect(html).not.toContain(START_LINK);
      expect(startLinks(html)).toEqual([]);
    }
    const lesson = list.find((l) => l.html.includes(LESSON_TEXT))!;
    lessonId = lesson.id;
    startUrl = startLinks(lesson.html)[0];
  });

  it("prefills the form from the lesson and the event", async () => {
    const response = await contributor.get(startUrl);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain(`href="/events/${EVENT}#lardom-${lessonId}"`);
    const fields = formFields(html, "record-practice");
    expect(field(fields, "title")).toEqual([""]);
    expect(field(fields, "summary")).toEqual([LESSON_TEXT]);
    const body = field(fields, "body")[0];
    expect(body).toContain(`> ${LESSON_TEXT}`);
    expect(body).toContain(`(/events/${EVENT})`);
    expect(body).toContain("13 mars 2024");
    expect(field(fields, "themes")).toEqual(["koldioxidsnal-produktion"]);
    expect(field(fields, "from_event")).toEqual([EVENT]);
    expect(field(fields, "from_lesson")).toEqual([String(lessonId)]);
    expect(field(fields, "organisation")).toEqual(["olmeviks-hydraulik"]);
  });

  it("is submitted for review by the contributor and published by an editor", async () => {
    const fields = formFields(await (await contributor.get(startUrl)).text(), "record-practice").filter(([k]) => k !== "title" && k !== "solution");
    const created = await contributor.post(startUrl, [
      ...fields,
      ["title", "Materialvalet halverade klimatavtrycket på våra cylindrar"],
      ["solution", "Vi bytte till återvunnet stål i cylinderrören."],
      ["intent", "submit"],
    ]);
    expect(created.status).toBe(302);
    expect(created.headers.get("Location")).toMatch(/\?saved=submitted$/);
    slug = created.headers.get("Location")!.split("/")[2];
    expect(slug).toBe("materialvalet-halverade-klimatavtrycket-pa-vara-cylindrar");

    const { id, version } = await editor.editState(`/practices/${slug}/edit`);
    const published = await editor.post(`/records/${id}/workflow`, { intent: "publish", version });
    expect(published.status).toBe(302);
  });

  it("the practice names the event and the lesson", async () => {
    const response = await anon.get(`/practices/${slug}`);
    expect(response.status).toBe(200);
    const html = decode(await response.text());
    const facts = html.slice(html.indexOf("Idén kom från"), html.indexOf("</dd>", html.indexOf("Idén kom från")));
    expect(facts).toContain(`href="/events/${EVENT}">${EVENT_TITLE}</a>`);
    expect(facts).toContain(`href="/events/${EVENT}#lardom-${lessonId}">${LESSON_TEXT}</a>`);
  });

  it("the event shows the practice under its lesson, and keeps the event's other practice apart", async () => {
    const list = await lessons(anon, EVENT);
    const under = list.filter((l) => l.html.includes(`/practices/${slug}"`));
    expect(under.map((l) => l.id)).toEqual([lessonId]);
    expect(under[0].html).toContain("Blev gott exempel:");
    const html = await (await anon.get(`/events/${EVENT}`)).text();
    expect(became(html)).toContain("/practices/gruvbergs-livscykelanalyser-for-elkraftkomponenter");
    expect(became(html)).not.toContain(`/practices/${slug}`);
  });

  it("an editor's save as rendered keeps the lesson; choosing another event lets it go", async () => {
    const url = `/practices/${slug}/edit`;
    const before = formFields(await (await editor.get(url)).text(), "record-practice");
    expect(field(before, "from_lesson")).toEqual([String(lessonId)]);
    expect((await editor.post(url, [...before, ["intent", "save"]])).status).toBe(302);
    expect((await lessons(anon, EVENT)).find((l) => l.id === lessonId)!.html).toContain(`/practices/${slug}"`);

    const again = formFields(await (await editor.get(url)).text(), "record-practice");
    const moved = again.map(([k, v]): [string, string] => [k, k === "from_event" ? OTHER_EVENT : v]);
    expect((await editor.post(url, [...moved, ["intent", "save"]])).status).toBe(302);
    const html = decode(await (await anon.get(`/practices/${slug}`)).text());
    expect(html).toContain(`href="/events/${OTHER_EVENT}"`);
    expect(html).not.toContain("#lardom-");
    const other = await (await anon.get(`/events/${OTHER_EVENT}`)).text();
    expect(became(other)).toContain(`/practices/${slug}"`);
    const after = formFields(await (await editor.get(url)).text(), "record-practice");
    expect(field(after, "from_lesson")).toEqual([""]);
  });
});

describe("starting from a lesson that does not fit", () => {
  it("answers 400 with a Swedish message for an unknown event, another event's lesson or a malformed parameter", async () => {
    const otherLesson = (await lessons(contributor, OTHER_EVENT))[0].id;
    const cases: [string, string][] = [
      [`/practices/new?fromEvent=finns-inte&lesson=1`, "Det finns ingen publicerad träff"],
      [`/practices/new?fromEvent=${EVENT}&lesson=${otherLesson}`, `hör inte till träffen`],
      [`/practices/new?fromEvent=${EVENT}&lesson=999999`, `hör inte till träffen`],
      [`/practices/new?fromEvent=${EVENT}&lesson=tre`, "Ogiltig parameter lesson"],
      [`/practices/new?fromEvent=${EVENT}&lesson=-1`, "Ogiltig parameter lesson"],
      [`/practices/new?fromEvent=Inte%20en%20tr%C3%A4ff`, "Ogiltig parameter fromEvent"],
      [`/practices/new?lesson=${otherLesson}`, "ingen träff"],
    ];
    for (const [url, message] of cases) {
      const response = await contributor.get(url);
      expect(response.status, url).toBe(400);
      expect(await response.text(), url).toContain(message);
    }
  });

  it("a member gets 403 and a visitor is asked to sign in, however good the link", async () => {
    const url = (await lessons(contributor, EVENT)).map((l) => `/practices/new?fromEvent=${EVENT}&lesson=${l.id}`)[0];
    expect((await member.get(url)).status).toBe(403);
    const visitor = await anon.get(url);
    expect(visitor.status).toBe(302);
    expect(visitor.headers.get("Location")).toMatch(/^\/login\?redirectTo=/);
  });
});
