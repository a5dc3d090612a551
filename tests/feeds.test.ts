import { parseDocument, DomUtils } from "htmlparser2";
import ICAL from "ical.js";
import type { Element } from "domhandler";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { foldLine, icsText, nextDay } from "~/models/feed.server";
import { loader as eventsIcs } from "~/routes/feeds.events[.]ics";
import { loader as recordsAtom } from "~/routes/feeds.records[.]atom";
import { getDb } from "~/utils/db.server";
import { themeFamily, withSeededApp } from "./helpers/app-db";
import { startServer, type RunningServer } from "./helpers/server";

withSeededApp();

const ORIGIN = "http://lardom.test";

async function get(loader: typeof recordsAtom, path: string) {
  return loader({ request: new Request(`${ORIGIN}${path}`), params: {}, context: {} });
}

/** Parses an Atom document with a real XML parser and checks RFC 4287's required elements. */
function parseAtom(text: string) {
  const doc = parseDocument(text, { xmlMode: true });
  const feed = DomUtils.findOne((e) => e.name === "feed", doc.children, false) as Element;
  expect(feed, "the root element is <feed>").toBeTruthy();
  expect(feed.attribs.xmlns).toBe("http://www.w3.org/2005/Atom");
  const child = (parent: Element, name: string) => DomUtils.getChildren(parent).filter((c): c is Element => c.type === "tag" && (c as Element).name === name);
  const text1 = (parent: Element, name: string) => {
    const found = child(parent, name);
    expect(found.length, `exactly one <${name}> in <${parent.name}>`).toBe(1);
    return DomUtils.textContent(found[0]);
  };
  const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
  expect(text1(feed, "id")).toMatch(/^https?:\/\//);
  expect(text1(feed, "title").length).toBeGreaterThan(0);
  expect(text1(feed, "updated")).toMatch(RFC3339);
  const feedHasAuthor = child(feed, "author").length > 0;
  const entries = child(feed, "entry").map((entry) => {
    const links = child(entry, "link").filter((l) => (l.attribs.rel ?? "alternate") === "alternate");
    expect(links.length, "an entry has an alternate link").toBeGreaterThan(0);
    const updated = text1(entry, "updated");
    expect(updated).toMatch(RFC3339);
    if (!feedHasAuthor) expect(child(entry, "author").length).toBeGreaterThan(0);
    for (const a of child(entry, "author")) expect(text1(a, "name").length).toBeGreaterThan(0);
    return {
      id: text1(entry, "id"),
      title: text1(entry, "title"),
      updated,
      link: links[0].attribs.href,
      categories: child(entry, "category").map((c) => c.attribs.term),
    };
  });
  return { entries, selfLink: child(feed, "link").find((l) => l.attribs.rel === "self")?.attribs.href };
}

async function publicPublished(kind?: string) {
  const rows = await getDb()
    .selectFrom("records")
    .select(["slug", "kind"])
    .where("status", "=", "published")
    .where("visibility", "=", "public")
    .$if(!!kind, (q) => q.where("kind", "=", kind as "event"))
    .execute();
  return rows;
}

describe("the Atom feed", () => {
  it("has Atom's required elements and absolute links to public published records only", async () => {
    const db = getDb();
    const hidden = await db.selectFrom("records").select(["id", "slug"]).where("kind", "=", "practice").where("status", "=", "published").orderBy("updated_at", "desc").executeTakeFirstOrThrow();
    await db.updateTable("records").set({ visibility: "members" }).where("id", "=", hidden.id).execute();
    try {
      const response = await get(recordsAtom, "/feeds/records.atom");
      expect(response.status).toBe(200);
      expect(response.headers.get("Content-Type")).toMatch(/^application\/atom\+xml/);
      const { entries, selfLink } = parseAtom(await response.text());
      expect(selfLink).toBe(`${ORIGIN}/feeds/records.atom`);
      const expected = await publicPublished();
      expect(entries.length).toBe(Math.min(50, expected.length));
      const allowed = new Set(expected.map((r) => `${r.kind}/${r.slug}`));
      for (const e of entries) {
        expect(e.link.startsWith(`${ORIGIN}/`), e.link).toBe(true);
        const [, path, slug] = new URL(e.link).pathname.split("/");
        const kind = { practices: "practice", events: "event", activities: "activity" }[path];
        expect(allowed.has(`${kind}/${slug}`), e.link).toBe(true);
      }
      expect(entries.some((e) => e.link.endsWith(`/${hidden.slug}`))).toBe(false);
      const updated = entries.map((e) => e.updated);
      expect(updated).toEqual([...updated].sort().reverse());
      expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
    } finally {
      await db.updateTable("records").set({ visibility: "public" }).where("id", "=", hidden.id).execute();
    }
  });

  it("narrows to a kind and to a theme with its children", async () => {
    for (const kind of ["practice", "event", "activity"]) {
      const { entries } = parseAtom(await (await get(recordsAtom, `/feeds/records.atom?kind=${kind}`)).text());
      expect(entries.length).toBe(Math.min(50, (await publicPublished(kind)).length));
      for (const e of entries) expect(e.categories).toContain(kind);
    }
    const top = await getDb().selectFrom("themes as t").innerJoin("themes as c", "c.parent_id", "t.id").select("t.slug").executeTakeFirstOrThrow();
    const family = await themeFamily(top.slug);
    const { entries } = parseAtom(await (await get(recordsAtom, `/feeds/records.atom?theme=${top.slug}&kind=practice`)).text());
    expect(entries.length).toBeGreaterThan(0);
    for (const e of entries) {
      expect(e.categories).toContain("practice");
      expect(e.categories.some((c) => family.includes(c)), e.link).toBe(true);
    }
  });

  it("answers a bad parameter with a 400 that names it", async () => {
    for (const [query, name] of [["kind=note", "kind"], ["theme=finns-inte", "theme"], ["theme=%3Cscript%3E", "theme"], ["kind=practice&theme=A", "theme"]]) {
      const response = await get(recordsAtom, `/feeds/records.atom?${query}`);
      expect(response.status, query).toBe(400);
      expect(await response.text(), query).toContain(name);
    }
  });
});

/** Physical lines of an iCalendar body, checked for CRLF and the 75-octet limit, unfolded. */
function unfold(body: string): string[] {
  expect(body.endsWith("\r\n"), "ends with CRLF").toBe(true);
  expect(/[^\r]\n|\r[^\n]/.test(body), "no bare LF or CR").toBe(false);
  const physical = body.slice(0, -2).split("\r\n");
  for (const line of physical) expect(Buffer.byteLength(line, "utf8"), line).toBeLessThanOrEqual(75);
  const lines: string[] = [];
  for (const line of physical) {
    if (line.startsWith(" ") || line.startsWith("\t")) {
      expect(lines.length, "a continuation line follows a line").toBeGreaterThan(0);
      lines[lines.length - 1] += line.slice(1);
    } else lines.push(line);
  }
  return lines;
}

/** A TEXT value's escapes undone; an unescaped comma or semicolon (a list, not text) fails. */
function unescapeText(value: string): string {
  let out = "";
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === "\\") {
      const next = value[++i];
      expect(["\\", ";", ",", "n", "N"], `escape \\${next}`).toContain(next);
      out += next === "n" || next === "N" ? "\n" : next;
    } else {
      expect([",", ";"], `unescaped ${c} in ${value}`).not.toContain(c);
      out += c;
    }
  }
  return out;
}

interface VEvent {
  [name: string]: { params: string; value: string };
}

/**
 * Checks RFC 5545's structure strictly (no iCalendar parser is installed; `ical.js` would do
 * this better): content lines, BEGIN/END balance, VCALENDAR's VERSION and PRODID, every VEVENT's
 * required and expected properties exactly once.
 */
function parseCalendar(body: string): VEvent[] {
  const lines = unfold(body);
  const stack: string[] = [];
  const events: VEvent[] = [];
  let current: VEvent | null = null;
  const calendarProps = new Set<string>();
  for (const line of lines) {
    const match = /^([A-Z][A-Z0-9-]*)((?:;[A-Z0-9-]+=[^;:]*)*):(.*)$/.exec(line);
    expect(match, `a content line: ${line}`).not.toBeNull();
    const [, name, params, value] = match!;
    if (name === "BEGIN") {
      if (stack.length === 0) expect(value).toBe("VCALENDAR");
      stack.push(value);
      if (value === "VEVENT") current = {};
    } else if (name === "END") {
      expect(stack.pop(), `END:${value} closes what was begun`).toBe(value);
      if (value === "VEVENT") {
        events.push(current!);
        current = null;
      }
    } else if (current) {
      expect(current[name], `${name} once per VEVENT`).toBeUndefined();
      current[name] = { params, value };
    } else {
      expect(stack).toEqual(["VCALENDAR"]);
      calendarProps.add(name);
    }
  }
  expect(stack, "every BEGIN has its END").toEqual([]);
  expect(lines[0]).toBe("BEGIN:VCALENDAR");
  expect(lines.at(-1)).toBe("END:VCALENDAR");
  expect(lines).toContain("VERSION:2.0");
  expect(calendarProps.has("PRODID")).toBe(true);
  for (const e of events) {
    for (const p of ["UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "DESCRIPTION", "LOCATION", "URL"]) expect(e[p], p).toBeDefined();
    expect(e.DTSTAMP.value).toMatch(/^\d{8}T\d{6}Z$/);
    expect(e.DTSTART.params).toBe(";VALUE=DATE");
    expect(e.DTEND.params).toBe(";VALUE=DATE");
    expect(e.DTSTART.value).toMatch(/^\d{8}$/);
    expect(e.DTEND.value).toMatch(/^\d{8}$/);
    expect(e.DTEND.value > e.DTSTART.value, "DTEND after DTSTART").toBe(true);
    expect(e.URL.value).toMatch(/^https?:\/\/\S+$/);
    for (const p of ["SUMMARY", "DESCRIPTION", "LOCATION"]) unescapeText(e[p].value);
  }
  expect(new Set(events.map((e) => e.UID.value)).size, "unique UIDs").toBe(events.length);
  return events;
}

describe("the iCalendar feed", () => {
  it("is RFC 5545 with one all-day VEVENT per public published event", async () => {
    const db = getDb();
    const event = await db
      .selectFrom("records as r")
      .innerJoin("event_details as ed", "ed.record_id", "r.id")
      .select(["r.id", "r.slug", "r.title", "ed.starts_on", "ed.ends_on"])
      .where("r.status", "=", "published")
      .where("r.visibility", "=", "public")
      .executeTakeFirstOrThrow();
    const title = "Möte; del 1, i Falun \\ Borlänge – en lång titel med åäö som måste vikas över flera rader i kalendern";
    await db.updateTable("records").set({ title }).where("id", "=", event.id).execute();
    await db.updateTable("event_details").set({ starts_on: "2026-02-27", ends_on: "2026-03-01" }).where("record_id", "=", event.id).execute();
    try {
      const response = await get(eventsIcs, "/feeds/events.ics");
      expect(response.status).toBe(200);
      expect(response.headers.get("Content-Type")).toMatch(/^text\/calendar/);
      const body = await response.text();
      const events = parseCalendar(body);
      expect(events.length).toBe((await publicPublished("event")).length);

      // And with a real iCalendar parser, as calendar programs read it.
      const calendar = new ICAL.Component(ICAL.parse(body));
      const vevents = calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
      expect(vevents).toHaveLength(events.length);
      for (const v of vevents) {
        expect(v.uid).toBeTruthy();
        expect(v.summary).toBeTruthy();
        expect(v.startDate.isDate).toBe(true);
        expect(v.endDate.compare(v.startDate)).toBe(1);
      }
      const parsed = vevents.find((v) => v.summary === title)!;
      expect(parsed.startDate.toString()).toBe("2026-02-27");
      expect(parsed.endDate.toString()).toBe("2026-03-02");
      const mine = events.find((e) => e.URL.value === `${ORIGIN}/events/${event.slug}`)!;
      expect(unescapeText(mine.SUMMARY.value)).toBe(title);
      expect(mine.DTSTART.value).toBe("20260227");
      expect(mine.DTEND.value, "exclusive end: the day after the last day").toBe("20260302");
    } finally {
      await db.updateTable("records").set({ title: event.title }).where("id", "=", event.id).execute();
      await db.updateTable("event_details").set({ starts_on: event.starts_on, ends_on: event.ends_on }).where("record_id", "=", event.id).execute();
    }
  });

  it("narrows to a theme and refuses bad parameters with a 400", async () => {
    const all = parseCalendar(await (await get(eventsIcs, "/feeds/events.ics")).text());
    const theme = await getDb()
      .selectFrom("record_themes as rt")
      .innerJoin("records as r", "r.id", "rt.record_id")
      .innerJoin("themes as t", "t.id", "rt.theme_id")
      .select("t.slug")
      .where("r.kind", "=", "event")
      .executeTakeFirstOrThrow();
    const some = parseCalendar(await (await get(eventsIcs, `/feeds/events.ics?theme=${theme.slug}`)).text());
    expect(some.length).toBeGreaterThan(0);
    expect(some.length).toBeLessThanOrEqual(all.length);
    for (const query of ["theme=finns-inte", "theme=..%2F", "kind=event"]) {
      expect((await get(eventsIcs, `/feeds/events.ics?${query}`)).status, query).toBe(400);
    }
  });

  it("folds at 75 octets without splitting a character, and escapes text", () => {
    const line = `SUMMARY:${"å".repeat(100)}`;
    const folded = foldLine(line);
    for (const part of folded.split("\r\n")) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
    expect(folded.split("\r\n").map((p, i) => (i ? p.slice(1) : p)).join("")).toBe(line);
    expect(icsText("a,b;c\\d\ne")).toBe("a\\,b\\;c\\\\d\\ne");
    expect(nextDay("2028-02-28")).toBe("2028-02-29");
    expect(nextDay("2026-12-31")).toBe("2027-01-01");
  });
});

describe("announcing the feeds", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer();
  }, 180_000);
  afterAll(async () => {
    await server?.stop();
  });

  const alternates = (html: string) => [...html.matchAll(/<link rel="alternate" type="([^"]+)"[^>]*href="([^"]+)"/g)].map((m) => [m[1], m[2]]);

  it("in the head and visibly on the home, list, theme and event pages, with working addresses", async () => {
    const pages: [string, string[]][] = [
      ["/", ["/feeds/records.atom"]],
      ["/practices", ["/feeds/records.atom?kind=practice"]],
      ["/activities", ["/feeds/records.atom?kind=activity"]],
      ["/events", ["/feeds/records.atom?kind=event", "/feeds/events.ics"]],
      ["/themes/hallbar-industri", ["/feeds/records.atom?theme=hallbar-industri", "/feeds/events.ics?theme=hallbar-industri"]],
    ];
    for (const [page, feeds] of pages) {
      const html = await (await fetch(`${server.url}${page}`)).text();
      const head = html.slice(0, html.indexOf("</head>"));
      expect(alternates(head).map(([, href]) => href.replace(/&amp;/g, "&")), page).toEqual(feeds);
      expect(alternates(head)[0][0]).toBe("application/atom+xml");
      const body = html.slice(html.indexOf("<body"));
      for (const feed of feeds) expect(body, `${page} links to ${feed}`).toContain(`href="${feed.replace(/&/g, "&amp;")}"`);
      for (const feed of feeds) {
        const response = await fetch(`${server.url}${feed}`);
        expect(response.status, feed).toBe(200);
        if (feed.includes("atom")) expect(parseAtom(await response.text()).selfLink).toBe(`${server.url}${feed}`);
      }
    }
    const html = await (await fetch(`${server.url}/events/seminarium-hemflyttning-ludvika`)).text();
    expect(alternates(html.slice(0, html.indexOf("</head>")))).toEqual([["text/calendar", "/feeds/events.ics"]]);
    expect(html.slice(html.indexOf("<body")), "the event page links to the calendar").toContain('href="/feeds/events.ics"');
  });
});
