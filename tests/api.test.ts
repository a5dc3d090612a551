import type { LoaderFunctionArgs } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";

import { loader as pathsLoader } from "~/routes/api.paths";
import { loader as recordLoader } from "~/routes/api.records.$kind.$slug";
import { loader as recordsLoader } from "~/routes/api.records._index";
import { loader as themesLoader } from "~/routes/api.themes";
import { getDb } from "~/utils/db.server";
import { withSeededApp } from "./helpers/app-db";
import { addUser, getRequest, signInCookie } from "./helpers/auth";

withSeededApp();

type Loader = (args: LoaderFunctionArgs) => Promise<Response>;
const ORIGIN = "http://lardom.test";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function call(loader: Loader, path: string, { params = {}, cookie }: { params?: Record<string, string>; cookie?: string } = {}): Promise<{ status: number; body: any; type: string | null }> {
  const response = await loader({ request: getRequest(path, cookie), params, context: {} });
  return { status: response.status, body: await response.json(), type: response.headers.get("Content-Type") };
}

const MEMBERS_ONLY = "region-dalarna-industriradet";
let memberCookie = "";

beforeAll(async () => {
  const db = getDb();
  await db.updateTable("records").set({ visibility: "members" }).where("slug", "=", MEMBERS_ONLY).execute();
  await addUser(db, { email: "medlem@test.se", role: "member" });
  memberCookie = await signInCookie("medlem@test.se");
});

async function visibleCount(members: boolean, kind?: string) {
  const row = await getDb()
    .selectFrom("records")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("status", "=", "published")
    .$if(!members, (q) => q.where("visibility", "=", "public"))
    .$if(!!kind, (q) => q.where("kind", "=", kind as "event"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe("GET /api/records", () => {
  it("pages through every public published record exactly once", async () => {
    const total = await visibleCount(false);
    const seen: string[] = [];
    for (let page = 1; ; page++) {
      const { status, body, type } = await call(recordsLoader, `/api/records?limit=7&page=${page}`);
      expect(status).toBe(200);
      expect(type).toMatch(/^application\/json/);
      expect(body).toMatchObject({ page, limit: 7, total, pageCount: Math.ceil(total / 7) });
      if (body.results.length === 0) break;
      expect(body.results.length).toBeLessThanOrEqual(7);
      for (const r of body.results) {
        expect(Object.keys(r)).toEqual(expect.arrayContaining(["kind", "slug", "title", "summary", "url", "themes", "organisation", "publishedOn"]));
        expect(r).not.toHaveProperty("id");
        expect(r.url).toBe(`${ORIGIN}/${{ practice: "practices", event: "events", activity: "activities" }[r.kind as string]}/${r.slug}`);
        seen.push(`${r.kind}/${r.slug}`);
      }
    }
    expect(seen.length).toBe(total);
    expect(new Set(seen).size).toBe(total);
    expect(seen).not.toContain(`practice/${MEMBERS_ONLY}`);
    const { body } = await call(recordsLoader, "/api/records");
    expect(body.limit).toBe(20);
  });

  it("filters by kind, theme (with children), county and year", async () => {
    const { body: events } = await call(recordsLoader, "/api/records?kind=event&limit=100");
    expect(events.total).toBe(await visibleCount(false, "event"));
    for (const r of events.results) expect(r.kind).toBe("event");

    const { body: dalarna } = await call(recordsLoader, "/api/records?county=Dalarna&limit=100");
    expect(dalarna.total).toBeGreaterThan(0);
    for (const r of dalarna.results) expect(r.organisation.county).toBe("Dalarna");

    const year = String(events.results[0].publishedOn).slice(0, 4);
    const { body: ofYear } = await call(recordsLoader, `/api/records?year=${year}&limit=100`);
    expect(ofYear.total).toBeGreaterThan(0);
    for (const r of ofYear.results) expect(r.publishedOn.startsWith(year)).toBe(true);

    const top = await getDb().selectFrom("themes as t").innerJoin("themes as c", "c.parent_id", "t.id").select(["t.slug", "c.slug as child"]).executeTakeFirstOrThrow();
    const family = (await getDb().selectFrom("themes as t").leftJoin("themes as p", "p.id", "t.parent_id").select("t.slug").where((eb) => eb.or([eb("t.slug", "=", top.slug), eb("p.slug", "=", top.slug)])).execute()).map((t) => t.slug);
    const { body: themed } = await call(recordsLoader, `/api/records?theme=${top.slug}&limit=100`);
    const { body: child } = await call(recordsLoader, `/api/records?theme=${top.child}&limit=100`);
    expect(themed.total).toBeGreaterThanOrEqual(child.total);
    for (const r of themed.results) expect(r.themes.some((t: { slug: string }) => family.includes(t.slug))).toBe(true);
  });

  it("answers bad parameters with 400 JSON naming the parameter", async () => {
    for (const [query, name] of [
      ["limit=0", "limit"],
      ["limit=101", "limit"],
      ["limit=abc", "limit"],
      ["page=0", "page"],
      ["page=1.5", "page"],
      ["kind=note", "kind"],
      ["theme=finns-inte", "theme"],
      ["theme=%3Cb%3E", "theme"],
      ["county=Stockholm", "county"],
      ["year=tjugo", "year"],
    ]) {
      const { status, body, type } = await call(recordsLoader, `/api/records?${query}`);
      expect(status, query).toBe(400);
      expect(type).toMatch(/^application\/json/);
      expect(body.error, query).toContain(name);
    }
  });

  it("shows members-only records to a signed-in member", async () => {
    const { body } = await call(recordsLoader, "/api/records?limit=100&kind=practice", { cookie: memberCookie });
    expect(body.total).toBe(await visibleCount(true, "practice"));
    expect(body.results.map((r: { slug: string }) => r.slug)).toContain(MEMBERS_ONLY);
  });
});

describe("GET /api/records/:kind/:slug", () => {
  it("gives a record in full, with an event's lessons", async () => {
    const { status, body } = await call(recordLoader, "/api/records/event/seminarium-hemflyttning-ludvika", { params: { kind: "event", slug: "seminarium-hemflyttning-ludvika" } });
    expect(status).toBe(200);
    expect(body).toMatchObject({ kind: "event", slug: "seminarium-hemflyttning-ludvika", url: `${ORIGIN}/events/seminarium-hemflyttning-ludvika` });
    expect(body).not.toHaveProperty("id");
    for (const field of ["title", "summary", "body", "tags", "themes", "organisation", "type", "startsOn", "location", "participantCount"]) expect(body, field).toHaveProperty(field);
    expect(body.lessons.length).toBeGreaterThan(0);
    expect(typeof body.lessons[0].text).toBe("string");

    const practice = await call(recordLoader, "/api/records/practice/olmeviks-hydraulik-cobot-for-slipning", { params: { kind: "practice", slug: "olmeviks-hydraulik-cobot-for-slipning" } });
    expect(practice.status).toBe(200);
    for (const field of ["problem", "solution", "results", "organisation"]) expect(practice.body, field).toHaveProperty(field);
    const activity = await call(recordLoader, "/api/records/activity/grundkurs-lean-for-sma-verkstader", { params: { kind: "activity", slug: "grundkurs-lean-for-sma-verkstader" } });
    expect(activity.status).toBe(200);
    for (const field of ["format", "level", "hours", "skills"]) expect(activity.body, field).toHaveProperty(field);
  });

  it("answers an unknown kind or slug, and members-only to anonymous callers, with 404 JSON", async () => {
    for (const [kind, slug] of [["note", "x"], ["practices", "olmeviks-hydraulik-cobot-for-slipning"], ["event", "finns-inte"], ["practice", "../etc"], ["event", "olmeviks-hydraulik-cobot-for-slipning"], ["practice", MEMBERS_ONLY]]) {
      const { status, body, type } = await call(recordLoader, `/api/records/${kind}/${slug}`, { params: { kind, slug } });
      expect(status, `${kind}/${slug}`).toBe(404);
      expect(type).toMatch(/^application\/json/);
      expect(typeof body.error).toBe("string");
    }
    const member = await call(recordLoader, `/api/records/practice/${MEMBERS_ONLY}`, { params: { kind: "practice", slug: MEMBERS_ONLY }, cookie: memberCookie });
    expect(member.status).toBe(200);
  });
});

describe("GET /api/themes and /api/paths", () => {
  it("gives the theme tree with counts of what the caller may read", async () => {
    const { status, body } = await call(themesLoader, "/api/themes");
    expect(status).toBe(200);
    const themes = await getDb().selectFrom("themes").select(["slug", "parent_id"]).execute();
    expect(body.themes.length).toBe(themes.filter((t) => t.parent_id === null).length);
    expect(body.themes.flatMap((t: { children: unknown[] }) => [t, ...t.children]).length).toBe(themes.length);
    for (const t of body.themes) expect(Object.keys(t)).toEqual(expect.arrayContaining(["slug", "name", "nameEn", "summary", "recordCount", "children"]));
    const total = (b: { themes: { recordCount: number }[] }) => b.themes.reduce((n, t) => n + t.recordCount, 0);
    const member = await call(themesLoader, "/api/themes", { cookie: memberCookie });
    expect(total(member.body)).toBeGreaterThan(total(body));
  });

  it("gives published paths with their steps, leaving out what the caller may not read", async () => {
    const { status, body } = await call(pathsLoader, "/api/paths");
    expect(status).toBe(200);
    const published = await getDb().selectFrom("paths").select("slug").where("status", "=", "published").execute();
    expect(body.paths.map((p: { slug: string }) => p.slug).sort()).toEqual(published.map((p) => p.slug).sort());
    for (const p of body.paths) {
      expect(p).toMatchObject({ url: `${ORIGIN}/paths/${p.slug}` });
      expect(p.theme.slug).toBeTruthy();
      for (const s of p.steps) {
        expect(Object.keys(s)).toEqual(expect.arrayContaining(["position", "kind", "slug", "title", "note", "optional", "url"]));
        expect(s.slug).not.toBe(MEMBERS_ONLY);
      }
    }
  });
});
