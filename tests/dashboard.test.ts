import type { LoaderFunctionArgs } from "@remix-run/node";
import type { Element } from "domhandler";
import { DomUtils, parseDocument } from "htmlparser2";
import { sql } from "kysely";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";

import { DashboardView } from "~/components/dashboard-view";
import { FIGURE_IDS, SEARCH_MISSES_KEPT, noteSearchMiss, normaliseTerm, type Figure } from "~/models/dashboard.server";
import { loader as apiSearchLoader } from "~/routes/api.search";
import { loader as csvLoader } from "~/routes/dashboard.csv.$figure";
import { loader as dashboardLoader } from "~/routes/dashboard._index";
import { loader as searchLoader } from "~/routes/search";
import { getDb } from "~/utils/db.server";
import { withSeededApp } from "./helpers/app-db";
import { addUser, getRequest, respond, signInCookie } from "./helpers/auth";

withSeededApp();

type Loader = (args: LoaderFunctionArgs) => Promise<Response>;
const call = (loader: Loader, path: string, cookie?: string, params: Record<string, string> = {}) =>
  respond(() => loader({ request: getRequest(path, cookie), params, context: {} }));

async function dashboard(cookie?: string): Promise<{ editor: boolean; figures: Figure[] }> {
  return (await call(dashboardLoader, "/dashboard", cookie)).json();
}
const rowsOf = (figures: Figure[], id: string) => Object.fromEntries(figures.find((f) => f.id === id)!.rows.map((r) => [r.label, r.value]));

let editorCookie = "";
let memberCookie = "";
/** The event made members-only and the practice sent back to draft: neither may count anywhere. */
const MEMBERS_EVENT = "seminarium-hemflyttning-ludvika";
let draftSlug = "";

beforeAll(async () => {
  const db = getDb();
  await db.updateTable("records").set({ visibility: "members" }).where("slug", "=", MEMBERS_EVENT).execute();
  const practice = await db.selectFrom("records").select("slug").where("kind", "=", "practice").orderBy("id").executeTakeFirstOrThrow();
  draftSlug = practice.slug;
  await db.updateTable("records").set({ status: "draft" }).where("slug", "=", draftSlug).execute();
  await addUser(db, { email: "redaktor@test.se", role: "editor" });
  await addUser(db, { email: "medlem@test.se", role: "member" });
  editorCookie = await signInCookie("redaktor@test.se");
  memberCookie = await signInCookie("medlem@test.se");
});

/** The same figures counted with plain SQL, independently of the model's queries. */
async function direct<T>(query: ReturnType<typeof sql<T>>): Promise<T[]> {
  return (await query.execute(getDb())).rows;
}
const PUBLIC = sql`r.status = 'published' and r.visibility = 'public'`;

describe("the public figures", () => {
  it("equal direct SQL counts on the demo content", async () => {
    const { figures, editor } = await dashboard();
    expect(editor).toBe(false);
    expect(figures.map((f) => f.id)).toEqual(FIGURE_IDS.filter((id) => id !== "search-misses"));

    const perTheme = await direct<{ name: string; n: number }>(sql`select t.name, (select count(distinct r.id) from records r
      join record_themes rt on rt.record_id = r.id join themes c on c.id = rt.theme_id
      where ${PUBLIC} and (c.id = t.id or c.parent_id = t.id)) as n from themes t where t.parent_id is null`);
    expect(rowsOf(figures, "records-per-theme")).toEqual(Object.fromEntries(perTheme.map((r) => [r.name, r.n])));

    const perCounty = await direct<{ county: string; n: number }>(sql`select o.county, count(*) as n from records r
      join organisations o on o.id = r.organisation_id where ${PUBLIC} group by o.county`);
    const counties = rowsOf(figures, "records-per-county");
    for (const r of perCounty) expect(counties[r.county]).toBe(r.n);
    expect(Object.values(counties).reduce((a, b) => a + b, 0)).toBe(perCounty.reduce((a, r) => a + r.n, 0));

    const perYear = await direct<{ y: string; n: number }>(sql`select substr(published_on, 1, 4) as y, count(*) as n
      from records r where ${PUBLIC} group by y`);
    const years = rowsOf(figures, "records-per-year");
    for (const r of perYear) expect(years[r.y]).toBe(r.n);
    expect(Object.values(years).reduce((a, b) => a + b, 0)).toBe(perYear.reduce((a, r) => a + r.n, 0));

    const events = await direct<{ y: string; n: number; p: number }>(sql`select substr(ed.starts_on, 1, 4) as y, count(*) as n,
      sum(ed.participant_count) as p from records r join event_details ed on ed.record_id = r.id where ${PUBLIC} group by y`);
    const eventYears = rowsOf(figures, "events-per-year");
    const participantYears = rowsOf(figures, "participants-per-year");
    for (const r of events) {
      expect(eventYears[r.y]).toBe(r.n);
      expect(participantYears[r.y]).toBe(r.p);
    }
    expect(Object.values(eventYears).reduce((a, b) => a + b, 0)).toBe(events.reduce((a, r) => a + r.n, 0));

    const hours = await direct<{ name: string; h: number | null }>(sql`select t.name, (select sum(ad.hours) from activity_details ad
      join records r on r.id = ad.record_id where ${PUBLIC} and r.id in (select rt.record_id from record_themes rt
      join themes c on c.id = rt.theme_id where c.id = t.id or c.parent_id = t.id)) as h from themes t where t.parent_id is null`);
    expect(rowsOf(figures, "activity-hours-per-theme")).toEqual(Object.fromEntries(hours.map((r) => [r.name, r.h ?? 0])));

    const orgs = await direct<{ county: string; n: number }>(sql`select o.county, count(*) as n from organisations o
      where o.id in (select r.organisation_id from records r where ${PUBLIC})
         or o.id in (select ep.organisation_id from event_participants ep join records r on r.id = ep.event_id where ${PUBLIC})
      group by o.county`);
    const orgCounties = rowsOf(figures, "organisations-per-county");
    for (const r of orgs) expect(orgCounties[r.county]).toBe(r.n);
    expect(Object.values(orgCounties).reduce((a, b) => a + b, 0)).toBe(orgs.reduce((a, r) => a + r.n, 0));
    expect(Object.values(orgCounties).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    // Organisations taking part: the count as well as per county.
    const [taking] = await direct<{ n: number }>(sql`select count(distinct id) as n from (
      select r.organisation_id as id from records r where ${PUBLIC}
      union select ep.organisation_id from event_participants ep join records r on r.id = ep.event_id where ${PUBLIC})`);
    expect(figures.find((f) => f.id === "organisations-per-county")!.total).toBe(taking.n);
    expect(figures.find((f) => f.id === "records-per-theme")!.total).toBeNull();
  });

  it("leave out members-only records and drafts, for editors too", async () => {
    const db = getDb();
    const all = await direct<{ n: number }>(sql`select count(*) as n from records`);
    const counted = Object.values(rowsOf((await dashboard()).figures, "records-per-county")).reduce((a, b) => a + b, 0);
    expect(counted).toBe(all[0].n - 2);
    const event = await db
      .selectFrom("records as r")
      .innerJoin("event_details as ed", "ed.record_id", "r.id")
      .select(["ed.starts_on", "ed.participant_count"])
      .where("r.slug", "=", MEMBERS_EVENT)
      .executeTakeFirstOrThrow();
    const year = event.starts_on.slice(0, 4);
    const [withIt] = await direct<{ n: number }>(sql`select count(*) as n from records r join event_details ed on ed.record_id = r.id
      where r.status = 'published' and substr(ed.starts_on, 1, 4) = ${year}`);
    expect(rowsOf((await dashboard()).figures, "events-per-year")[year]).toBe(withIt.n - 1);

    const editorView = await dashboard(editorCookie);
    const memberView = await dashboard(memberCookie);
    const anonView = await dashboard();
    expect(editorView.editor).toBe(true);
    expect(memberView.figures).toEqual(anonView.figures);
    expect(editorView.figures.filter((f) => f.id !== "search-misses")).toEqual(anonView.figures);
  });

  it("render as SVG with a title and description, followed by a table with the same numbers", async () => {
    const { figures } = await dashboard();
    const html = renderToStaticMarkup(createElement(DashboardView, { figures, editor: false }));
    const doc = parseDocument(html);
    expect(html).toContain("utkast och material bara för medlemmar räknas inte");
    const orgs = figures.find((f) => f.id === "organisations-per-county")!;
    expect(html).toContain(`Sammanlagt <strong>${orgs.total}</strong> organisationer.`);
    for (const figure of figures) {
      const section = DomUtils.findOne((e) => e.name === "section" && e.attribs["aria-labelledby"] === `${figure.id}-heading`, doc.children) as Element;
      expect(section, figure.id).toBeTruthy();
      const svg = DomUtils.findOne((e) => e.name === "svg", [section]) as Element;
      expect(svg.attribs.role).toBe("img");
      const [titleId, descId] = svg.attribs["aria-labelledby"].split(" ");
      const title = DomUtils.findOne((e) => e.name === "title", [svg]) as Element;
      expect(title.attribs.id).toBe(titleId);
      expect(DomUtils.textContent(title)).toBe(figure.title);
      expect((DomUtils.findOne((e) => e.name === "desc", [svg]) as Element).attribs.id).toBe(descId);
      // One bar per row, and the bar labels readable as text.
      const texts = DomUtils.findAll((e) => e.name === "text", [svg]).map((t) => DomUtils.textContent(t));
      for (const row of figure.rows) expect(texts).toContain(row.label);

      const table = DomUtils.findOne((e) => e.name === "table", [section]) as Element;
      const bodyRows = DomUtils.findAll((e) => e.name === "tr", [DomUtils.findOne((e) => e.name === "tbody", [table])!]);
      const cells = bodyRows.map((tr) => DomUtils.getChildren(tr).filter((c): c is Element => c.type === "tag").map((c) => DomUtils.textContent(c)));
      expect(cells).toEqual(figure.rows.map((r) => [r.label, new Intl.NumberFormat("sv-SE").format(r.value)]));
      const link = DomUtils.findOne((e) => e.name === "a" && e.attribs.href === `/dashboard/csv/${figure.id}`, [section]);
      expect(link, figure.id).toBeTruthy();
    }
  });
});

describe("CSV downloads", () => {
  it("give each figure as UTF-8 CSV with a BOM, quoted fields and semicolons", async () => {
    const { figures } = await dashboard();
    for (const figure of figures) {
      const response = await call(csvLoader, `/dashboard/csv/${figure.id}`, undefined, { figure: figure.id });
      expect(response.status).toBe(200);
      expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
      expect(response.headers.get("Content-Disposition")).toBe(`attachment; filename="lardom-${figure.id}.csv"`);
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
      expect(text.startsWith("\uFEFF")).toBe(true);
      const lines = text.slice(1).split("\r\n");
      expect(lines.pop()).toBe("");
      expect(lines[0]).toBe(`"${figure.labelHeader}";"${figure.valueHeader}"`);
      expect(lines.slice(1)).toEqual(figure.rows.map((r) => `"${r.label}";"${String(r.value).replace(".", ",")}"`));
    }
    const county = await (await call(csvLoader, "/dashboard/csv/records-per-county", undefined, { figure: "records-per-county" })).text();
    expect(county).toContain('"Gävleborg";');
    expect(county).toContain('"Värmland";');
  });

  it("answer 404 for an unknown figure and 403 for the editors' figure to others", async () => {
    expect((await call(csvLoader, "/dashboard/csv/nope", undefined, { figure: "nope" })).status).toBe(404);
    expect((await call(csvLoader, "/dashboard/csv/nope", editorCookie, { figure: "nope" })).status).toBe(404);
    expect((await call(csvLoader, "/dashboard/csv/search-misses", undefined, { figure: "search-misses" })).status).toBe(403);
    expect((await call(csvLoader, "/dashboard/csv/search-misses", memberCookie, { figure: "search-misses" })).status).toBe(403);
    const ok = await call(csvLoader, "/dashboard/csv/search-misses", editorCookie, { figure: "search-misses" });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('"Sökord";"Sökningar"');
  });
});

describe("searches without results", () => {
  it("are counted from /api/search and /search, shown to editors and not in the public data", async () => {
    const api = await call(apiSearchLoader, "/api/search?q=%20Qzxvy%20%20Blorfät%20");
    expect(((await api.json()) as { total: number }).total).toBe(0);
    await call(apiSearchLoader, "/api/search?q=qzxvy+blorf%C3%A4t");
    const page = await call(searchLoader, "/search?q=QZXVY+BLORF%C3%84T");
    expect(page.status).toBe(200);
    // With a filter, with results, or as typed in the live search, nothing is counted.
    await call(apiSearchLoader, "/api/search?q=qzxvy+blorf%C3%A4t&kind=practice");
    await call(apiSearchLoader, "/api/search?q=qzxvy+blorf&live=1");
    await call(apiSearchLoader, "/api/search?q=lean");
    await call(apiSearchLoader, "/api/search?q=%20%20");

    const rows = await getDb().selectFrom("search_misses").selectAll().execute();
    expect(rows.map((r) => [r.term, r.count])).toEqual([["qzxvy blorfät", 3]]);

    const editor = await dashboard(editorCookie);
    expect(rowsOf(editor.figures, "search-misses")).toEqual({ "qzxvy blorfät": 3 });
    const csv = await (await call(csvLoader, "/dashboard/csv/search-misses", editorCookie, { figure: "search-misses" })).text();
    expect(csv).toContain('"qzxvy blorfät";"3"');

    for (const cookie of [undefined, memberCookie]) {
      const body = await (await call(dashboardLoader, "/dashboard", cookie)).text();
      expect(body).not.toContain("qzxvy");
      expect(body).not.toContain("search-misses");
    }
  });

  it("are normalised and kept to a bounded table", async () => {
    expect(normaliseTerm("  Värme\tÅTERVINNING \n ugn ")).toBe("värme återvinning ugn");
    expect(normaliseTerm("x".repeat(300))).toHaveLength(100);
    const db = getDb();
    const old = Array.from({ length: SEARCH_MISSES_KEPT + 20 }, (_, i) => ({ term: `gammal ${i}`, count: 1, last_at: `2020-01-01T00:00:${String(i % 60).padStart(2, "0")}.000Z` }));
    for (let i = 0; i < old.length; i += 200) await db.insertInto("search_misses").values(old.slice(i, i + 200)).execute();
    await noteSearchMiss(db, { q: "helt ny term" }, 0);
    const [{ n }] = await direct<{ n: number }>(sql`select count(*) as n from search_misses`);
    expect(n).toBe(SEARCH_MISSES_KEPT);
    expect(await db.selectFrom("search_misses").select("count").where("term", "=", "helt ny term").executeTakeFirst()).toEqual({ count: 1 });
  });
});
