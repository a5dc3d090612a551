import type { LoaderFunctionArgs } from "@remix-run/node";
import { describe, expect, it } from "vitest";

import { loader as activitiesLoader } from "~/routes/activities._index";
import { loader as activityLoader } from "~/routes/activities.$slug";
import { loader as eventsLoader } from "~/routes/events._index";
import { loader as eventLoader } from "~/routes/events.$slug";
import { loader as healthLoader } from "~/routes/healthz";
import { loader as homeLoader } from "~/routes/_index";
import { loader as organisationLoader } from "~/routes/organisations.$slug";
import { loader as pathsLoader } from "~/routes/paths._index";
import { loader as pathLoader } from "~/routes/paths.$slug";
import { loader as practicesLoader } from "~/routes/practices._index";
import { loader as practiceLoader } from "~/routes/practices.$slug";
import { loader as themesLoader } from "~/routes/themes._index";
import { suggestedPath } from "~/models/theme.server";
import { loader as themeLoader } from "~/routes/themes.$slug";
import { getDb } from "~/utils/db.server";
import { themeFamily, withSeededApp } from "./helpers/app-db";

withSeededApp();

type Loader = (args: LoaderFunctionArgs) => Promise<Response>;

/** Calls a loader as Remix would and returns its JSON. */
async function call<L extends Loader>(loader: L, path: string, params: Record<string, string> = {}) {
  const response = await loader({ request: new Request(`http://lardom.test${path}`), params, context: {} });
  expect(response.status).toBe(200);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return (await response.json()) as any;
}

/** Calls a loader that should refuse, and returns the thrown response's status and message. */
async function refused(loader: Loader, path: string, params: Record<string, string> = {}) {
  const thrown = await loader({ request: new Request(`http://lardom.test${path}`), params, context: {} }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(thrown).toBeInstanceOf(Response);
  const response = thrown as Response;
  return { status: response.status, message: ((await response.json()) as { message: string }).message };
}

describe("home and themes", () => {
  it("home shows figures that match the database, the newest material first, and paths", async () => {
    const data = await call(homeLoader, "/");
    const practices = await getDb().selectFrom("records").select("id").where("kind", "=", "practice").execute();
    expect(data.figures.practices).toBe(practices.length);
    expect(data.latest).toHaveLength(6);
    const dates = data.latest.map((r: { publishedOn: string }) => r.publishedOn);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(data.paths.length).toBeGreaterThanOrEqual(3);
    expect(data.themes.length).toBeGreaterThan(0);
  });

  it("the theme tree counts a parent's material together with its children's", async () => {
    const { themes } = await call(themesLoader, "/themes");
    const parent = themes.find((t: { children: unknown[] }) => t.children.length > 0);
    const childMax = Math.max(...parent.children.map((c: { recordCount: number }) => c.recordCount));
    expect(parent.recordCount).toBeGreaterThanOrEqual(childMax);
  });

  it("a theme page shows its learning cycle in four stages, children included", async () => {
    const { themes } = await call(themesLoader, "/themes");
    for (const top of themes) {
      const { cycle } = await call(themeLoader, `/themes/${top.slug}`, { slug: top.slug });
      const family = await themeFamily(top.slug);
      const all = [...cycle.inspire, ...cycle.exchange, ...cycle.develop, ...cycle.apply];
      expect(all.length).toBe(top.recordCount);
      for (const r of all) expect(r.themes.some((t: { slug: string }) => family.includes(t.slug))).toBe(true);
      for (const r of [...cycle.inspire, ...cycle.apply]) expect(r.kind).toBe("practice");
      for (const e of cycle.exchange) {
        expect(e.kind).toBe("event");
        expect(e.lessons.length).toBeGreaterThan(0);
      }
      for (const a of cycle.develop) expect(a.kind).toBe("activity");
      for (const p of cycle.apply) expect(p.adoptedFrom.slug).toBeTruthy();
    }
  });

  it("every theme has a suggested path from its own material, in stage order", async () => {
    const themes = await getDb().selectFrom("themes").select("slug").execute();
    const order = ["inspire", "exchange", "develop", "apply"];
    for (const { slug } of themes) {
      const { cycle, paths, suggested } = await call(themeLoader, `/themes/${slug}`, { slug });
      const path = suggestedPath(cycle);
      expect(path.length, slug).toBeGreaterThan(0);
      const stages = path.map((s) => order.indexOf(s.stage));
      expect(stages, slug).toEqual([...stages].sort((a, b) => a - b));
      // The page offers it only where no path is curated.
      expect(suggested.length, slug).toBe(paths.length === 0 ? path.length : 0);
    }
  });

  it("a top theme lists its children's paths too", async () => {
    const row = await getDb()
      .selectFrom("paths as p")
      .innerJoin("themes as t", "t.id", "p.theme_id")
      .innerJoin("themes as parent", "parent.id", "t.parent_id")
      .select(["p.slug", "parent.slug as parent"])
      .executeTakeFirst();
    if (!row) return expect.fail("the demo content should have a path on a child theme");
    const { paths } = await call(themeLoader, `/themes/${row.parent}`, { slug: row.parent });
    expect(paths.map((p: { slug: string }) => p.slug)).toContain(row.slug);
  });

  it("the apply stage of some theme holds an adopted practice", async () => {
    const { themes } = await call(themesLoader, "/themes");
    let applied = 0;
    for (const t of themes) applied += (await call(themeLoader, `/themes/${t.slug}`, { slug: t.slug })).cycle.apply.length;
    expect(applied).toBeGreaterThan(0);
  });
});

describe("list pages", () => {
  it("paginate twelve at a time and cover every record once", async () => {
    const first = await call(practicesLoader, "/practices");
    expect(first.items).toHaveLength(12);
    const seen = new Set<string>();
    for (let page = 1; page <= first.pageCount; page++) {
      const data = await call(practicesLoader, `/practices?page=${page}`);
      for (const item of data.items) seen.add(item.slug);
    }
    expect(seen.size).toBe(first.total);
  });

  it("filter by theme (a parent includes its children), county and year", async () => {
    const { themes } = await call(themesLoader, "/themes");
    const parent = themes.find((t: { children: unknown[] }) => t.children.length > 0);
    const family = await themeFamily(parent.slug);
    const byTheme = await call(practicesLoader, `/practices?theme=${parent.slug}`);
    expect(byTheme.total).toBeGreaterThan(0);
    for (const r of byTheme.items) expect(r.themes.some((t: { slug: string }) => family.includes(t.slug))).toBe(true);

    const byCounty = await call(eventsLoader, "/events?county=V%C3%A4rmland");
    expect(byCounty.total).toBeGreaterThan(0);
    for (const r of byCounty.items) expect(r.organisation.county).toBe("Värmland");

    const all = await call(practicesLoader, "/practices");
    const year = all.options.years[0];
    const byYear = await call(practicesLoader, `/practices?year=${year}`);
    expect(byYear.total).toBeGreaterThan(0);
    expect(byYear.total).toBeLessThan(all.total);
    for (const r of byYear.items) expect(r.publishedOn.startsWith(String(year))).toBe(true);
  });

  it("filter events by type and activities by format and level; empty fields mean no filter", async () => {
    const workshops = await call(eventsLoader, "/events?type=workshop");
    expect(workshops.total).toBeGreaterThan(0);
    for (const r of workshops.items) expect(r.eventType).toBe("workshop");
    const online = await call(activitiesLoader, "/activities?format=online&level=");
    for (const r of online.items) expect(r.format).toBe("online");
    const all = await call(activitiesLoader, "/activities?theme=&county=&year=&format=&level=");
    expect(all.total).toBeGreaterThanOrEqual(12);
    expect(all.total).toBeGreaterThan(online.total);
  });

  it.each([
    [practicesLoader, "/practices?year=tjugo", "year"],
    [practicesLoader, "/practices?page=0", "page"],
    [eventsLoader, "/events?county=Norrbotten", "county"],
    [eventsLoader, "/events?type=party", "type"],
    [activitiesLoader, "/activities?format=brev", "format"],
    [activitiesLoader, "/activities?theme=okant-tema", "okant-tema"],
  ] as [Loader, string, string][])("refuse malformed parameters with a 400: %#", async (loader, path, named) => {
    const { status, message } = await refused(loader, path);
    expect(status).toBe(400);
    expect(message).toContain(named);
  });
});

describe("detail pages", () => {
  it("a practice shows its structured fields and both ends of an adoption", async () => {
    const link = await getDb()
      .selectFrom("record_links as l")
      .innerJoin("records as f", "f.id", "l.from_id")
      .innerJoin("records as t", "t.id", "l.to_id")
      .select(["f.slug as from", "t.slug as to"])
      .where("l.type", "=", "adopted_from")
      .executeTakeFirstOrThrow();
    const adopter = await call(practiceLoader, `/practices/${link.from}`, { slug: link.from });
    expect(adopter.practice.adoptedFrom.slug).toBe(link.to);
    expect(adopter.sections.map((s: { key: string }) => s.key)).toContain("solution");
    const source = await call(practiceLoader, `/practices/${link.to}`, { slug: link.to });
    expect(source.practice.adoptedBy.map((p: { slug: string }) => p.slug)).toContain(link.from);
    expect(adopter.related.map((r: { id: number }) => r.id)).not.toContain(adopter.practice.id);
  });

  it("an event shows its lessons in order, participants and the practices it led to", async () => {
    const link = await getDb()
      .selectFrom("record_links as l")
      .innerJoin("records as f", "f.id", "l.from_id")
      .innerJoin("records as t", "t.id", "l.to_id")
      .select(["f.slug as practice", "t.slug as event", "t.id as eventId"])
      .where("l.type", "=", "from_event")
      .executeTakeFirstOrThrow();
    const { event, related } = await call(eventLoader, `/events/${link.event}`, { slug: link.event });
    const lessons = await getDb()
      .selectFrom("lessons")
      .select("text")
      .where("event_id", "=", link.eventId)
      .orderBy("position")
      .execute();
    expect(event.lessons.map((l: { text: string }) => l.text)).toEqual(lessons.map((l) => l.text));
    expect(event.practices.map((p: { slug: string }) => p.slug)).toContain(link.practice);
    expect(related.length).toBeLessThanOrEqual(4);
    expect(related.map((r: { id: number }) => r.id)).not.toContain(event.id);
  });

  it("an activity shows its format, level, hours and skills", async () => {
    const row = await getDb().selectFrom("records").select("slug").where("kind", "=", "activity").executeTakeFirstOrThrow();
    const { activity } = await call(activityLoader, `/activities/${row.slug}`, { slug: row.slug });
    expect(activity.hours).toBeGreaterThan(0);
    expect(["on-site", "online", "hybrid"]).toContain(activity.format);
  });

  it("renders Markdown sanitized: no script or event handler reaches the page", async () => {
    const db = getDb();
    const { id } = await db.selectFrom("records").select("id").where("kind", "=", "practice").executeTakeFirstOrThrow();
    const original = await db.selectFrom("records").select("body").where("id", "=", id).executeTakeFirstOrThrow();
    await db
      .updateTable("records")
      .set({ body: 'Hej **du**\n\n<script>alert(1)</script><img src=x onerror="alert(2)">[x](javascript:alert(3))' })
      .where("id", "=", id)
      .execute();
    try {
      const slug = (await db.selectFrom("records").select("slug").where("id", "=", id).executeTakeFirstOrThrow()).slug;
      const { bodyHtml } = await call(practiceLoader, `/practices/${slug}`, { slug });
      expect(bodyHtml).toContain("<strong>du</strong>");
      expect(bodyHtml).not.toMatch(/<script|onerror|href="?\s*javascript:/i);
    } finally {
      await db.updateTable("records").set({ body: original.body }).where("id", "=", id).execute();
    }
  });

  it("an organisation lists what it shared and joined", async () => {
    const row = await getDb()
      .selectFrom("organisations as o")
      .innerJoin("records as r", "r.organisation_id", "o.id")
      .select(["o.slug", (eb) => eb.fn.countAll<number>().as("n")])
      .groupBy("o.slug")
      .orderBy("n", "desc")
      .executeTakeFirstOrThrow();
    const { organisation: o } = await call(organisationLoader, `/organisations/${row.slug}`, { slug: row.slug });
    expect(o.practices.length + o.eventsOrganised.length + o.activities.length).toBe(Number(row.n));
  });

  it("a path lists its steps in order with reading times", async () => {
    const { paths } = await call(pathsLoader, "/paths");
    const { path } = await call(pathLoader, `/paths/${paths[0].slug}`, { slug: paths[0].slug });
    expect(path.steps.length).toBe(paths[0].stepCount);
    expect(path.steps.map((s: { position: number }) => s.position)).toEqual(
      [...path.steps.map((s: { position: number }) => s.position)].sort((a, b) => a - b),
    );
    expect(path.readingMinutes).toBeGreaterThan(0);
  });

  it.each([
    [practiceLoader, "finns-inte"],
    [eventLoader, "finns-inte"],
    [activityLoader, "finns-inte"],
    [themeLoader, "finns-inte"],
    [pathLoader, "finns-inte"],
    [organisationLoader, "finns-inte"],
    [practiceLoader, "Inte En Slug"],
  ] as [Loader, string][])("unknown slugs give a 404: %#", async (loader, slug) => {
    const { status } = await refused(loader, `/x/${slug}`, { slug });
    expect(status).toBe(404);
  });

  it("an unpublished record is not shown", async () => {
    const db = getDb();
    const row = await db.selectFrom("records").select(["id", "slug"]).where("kind", "=", "event").executeTakeFirstOrThrow();
    await db.updateTable("records").set({ status: "draft" }).where("id", "=", row.id).execute();
    try {
      expect((await refused(eventLoader, `/events/${row.slug}`, { slug: row.slug })).status).toBe(404);
    } finally {
      await db.updateTable("records").set({ status: "published" }).where("id", "=", row.id).execute();
    }
  });
});

describe("/healthz", () => {
  it("answers {ok:true}", async () => {
    const response = await healthLoader();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
  });
});
