import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { action as editPracticeAction, loader as editPracticeLoader } from "~/routes/practices.$slug_.edit";
import { action as newPracticeAction } from "~/routes/practices.new";
import { action as historyAction, loader as historyLoader } from "~/routes/records.$id.history";
import { closeDb, getDb } from "~/utils/db.server";
import { slugify } from "~/utils/slug";
import { formRequest, getRequest, respond } from "./helpers/auth";
import { post, practice, setupAuthors, storedPractice as stored } from "./helpers/authoring";

/** Writing practices through the form actions: slugs, validation, preview, conflicts, history. */
let contributor: string;
let other: string;
let editor: string;

beforeAll(async () => {
  ({ contributor, other, editor } = await setupAuthors());
});
afterAll(closeDb);

describe("slugs", () => {
  it("transliterate å, ä and ö and drop everything else that is not a–z or a digit", () => {
    expect(slugify("Spillvärme åt Ölme – steg för steg!")).toBe("spillvarme-at-olme-steg-for-steg");
    expect(slugify("Æble, Øl & Straße: é")).toBe("aeble-ol-strasse-e");
    expect(slugify("!!!")).toBe("namnlos");
  });
});
describe("writing a practice", () => {
  it("a contributor creates a draft with a unique slug, tags and themes, and a first revision", async () => {
    const first = await post(newPracticeAction, "/practices/new", practice(), contributor);
    expect(first.status).toBe(302);
    expect(first.headers.get("Location")).toBe("/practices/spillvarme-at-olme-steg-for-steg/edit?saved=created");
    const second = await post(newPracticeAction, "/practices/new", practice(), contributor);
    expect(second.headers.get("Location")).toMatch(/^\/practices\/spillvarme-at-olme-steg-for-steg-2\/edit/);
    const record = await stored("spillvarme-at-olme-steg-for-steg");
    expect(record.status).toBe("draft");
    expect(record.version).toBe(1);
    const tags = await getDb().selectFrom("record_tags").select("tag").where("record_id", "=", record.id).orderBy("tag").execute();
    expect(tags.map((t) => t.tag)).toEqual(["energi", "spillvärme"]);
    const revisions = await getDb().selectFrom("revisions").selectAll().where("record_id", "=", record.id).execute();
    expect(revisions).toHaveLength(1);
    expect(JSON.parse(revisions[0].snapshot).problem).toBe("Värmen gick rakt ut.");
  });

  it("previews the Markdown of an unfinished form, sanitized, and writes nothing", async () => {
    const before = await getDb().selectFrom("revisions").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    const response = await post(newPracticeAction, "/practices/new", { body: "## Rubrik\n\n**fet** <script>alert(1)</script>", problem: "[x](javascript:alert(1))", intent: "preview" }, contributor);
    expect(response.status).toBe(200);
    const data = (await response.json()) as { result: { error?: Record<string, string[]>; initialValue: Record<string, string> }; preview: { field: string; html: string }[] };
    expect(data.result.error ?? {}).toEqual({});
    expect(data.result.initialValue.body).toContain("<script>");
    expect(data.preview.find((p) => p.field === "body")?.html).toBe("<h3>Rubrik</h3>\n<p><strong>fet</strong> </p>\n");
    expect(data.preview.find((p) => p.field === "problem")?.html).toBe("<p><a>x</a></p>\n");
    const after = await getDb().selectFrom("revisions").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it("answers invalid input with field errors and writes nothing", async () => {
    const before = await getDb().selectFrom("records").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    const response = await post(newPracticeAction, "/practices/new", practice({ title: " ", themes: [], review_by: "2025-02-30" }), contributor);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { result: { error: Record<string, string[]> } };
    expect(body.result.error.title).toEqual(["Skriv en rubrik."]);
    expect(body.result.error.themes).toEqual(["Välj minst ett tema."]);
    expect(body.result.error.review_by).toEqual(["Det datumet finns inte."]);
    const after = await getDb().selectFrom("records").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it("refuses a contributor writing for another organisation, and an unknown theme, as field errors", async () => {
    const response = await post(newPracticeAction, "/practices/new", practice({ organisation: "hyttberga-mekaniska", themes: ["finns-inte"] }), contributor);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { result: { error: Record<string, string[]> } };
    expect(body.result.error.organisation).toEqual(["Du kan bara skriva för din egen organisation."]);
    expect(body.result.error.themes).toEqual(["Okänt tema."]);
  });

  it("a failed validation on edit leaves the stored record unchanged", async () => {
    const before = await stored("spillvarme-at-olme-steg-for-steg");
    const url = "/practices/spillvarme-at-olme-steg-for-steg/edit";
    const params = { slug: "spillvarme-at-olme-steg-for-steg" };
    const response = await post(editPracticeAction, url, practice({ summary: "", body: "Ny text", version: "1" }), contributor, params);
    expect(response.status).toBe(400);
    expect(await stored(params.slug)).toEqual(before);
  });

  it("another organisation's contributor may neither open nor save the draft", async () => {
    const params = { slug: "spillvarme-at-olme-steg-for-steg" };
    const url = `/practices/${params.slug}/edit`;
    const before = await stored(params.slug);
    expect((await respond(() => editPracticeLoader({ request: getRequest(url, other), params, context: {} }))).status).toBe(403);
    const response = await post(editPracticeAction, url, practice({ organisation: "hyttberga-mekaniska", version: "1" }), other, params);
    expect(response.status).toBe(403);
    expect(await stored(params.slug)).toEqual(before);
  });
});

describe("two people editing the same record", () => {
  it("refuses the second save with 409, keeps both texts and never overwrites silently", async () => {
    const params = { slug: "spillvarme-at-olme-steg-for-steg-2" };
    const url = `/practices/${params.slug}/edit`;
    // Both opened version 1. The editor saves first.
    const first = await post(editPracticeAction, url, practice({ body: "Redaktörens text.", version: "1" }), editor, params);
    expect(first.status).toBe(302);
    const second = await post(editPracticeAction, url, practice({ body: "Skribentens text.", version: "1" }), contributor, params);
    expect(second.status).toBe(409);
    const body = (await second.json()) as { result: { initialValue: { body: string }; error: Record<string, string[]> }; conflict: { version: number; values: { body: string } } };
    expect(body.result.initialValue.body).toBe("Skribentens text.");
    expect(body.conflict.values.body).toBe("Redaktörens text.");
    expect(body.conflict.version).toBe(2);
    expect(body.result.error[""][0]).toMatch(/Någon annan har sparat/);
    expect((await stored(params.slug)).body).toBe("Redaktörens text.");
    // Saving again on purpose, against the version now shown, is allowed; history keeps both.
    const third = await post(editPracticeAction, url, practice({ body: "Skribentens text.", version: "2" }), contributor, params);
    expect(third.status).toBe(302);
    const snapshots = await getDb().selectFrom("revisions").select("snapshot").where("record_id", "=", (await stored(params.slug)).id).orderBy("version").execute();
    expect(snapshots.map((s) => JSON.parse(s.snapshot).body)).toEqual(["Vi började med **mätningar**.", "Redaktörens text.", "Skribentens text."]);
  });
});

describe("two saves at the same moment", () => {
  it("exactly one wins; the other gets 409 and nothing of it is written", async () => {
    const created = await post(newPracticeAction, "/practices/new", practice({ title: "Samtidiga ändringar" }), contributor);
    const slug = created.headers.get("Location")!.split("/")[2];
    const url = `/practices/${slug}/edit`;
    const [a, b] = await Promise.all([
      post(editPracticeAction, url, practice({ title: "Samtidiga ändringar", body: "Text A", version: "1" }), contributor, { slug }),
      post(editPracticeAction, url, practice({ title: "Samtidiga ändringar", body: "Text B", version: "1" }), editor, { slug }),
    ]);
    expect([a.status, b.status].sort()).toEqual([302, 409]);
    const winner = a.status === 302 ? "Text A" : "Text B";
    const record = await getDb().selectFrom("records").select(["id", "body", "version"]).where("kind", "=", "practice").where("slug", "=", slug).executeTakeFirstOrThrow();
    expect(record).toMatchObject({ body: winner, version: 2 });
    const revisions = await getDb().selectFrom("revisions").select("snapshot").where("record_id", "=", record.id).execute();
    expect(revisions).toHaveLength(2);
  });
});
describe("history", () => {
  it("shows what changed between two versions and restores an old one as a new revision", async () => {
    const slug = "spillvarme-at-olme-steg-for-steg-2";
    const { id } = await stored(slug);
    const page = await historyLoader({ request: getRequest(`/records/${id}/history?from=1&to=2`, editor), params: { id: String(id) }, context: {} });
    const data = (await page.json()) as { diff: { field: string; lines: { op: string; text: string }[] }[] };
    expect(data.diff.map((d) => d.field)).toEqual(["body"]);
    expect(data.diff[0].lines).toEqual([
      { op: "del", text: "Vi började med **mätningar**." },
      { op: "add", text: "Redaktörens text." },
    ]);
    const restored = await respond(() =>
      historyAction({ request: formRequest(`/records/${id}/history`, { restore: "1", version: "3" }, editor), params: { id: String(id) }, context: {} }),
    );
    expect(restored.status).toBe(302);
    const record = await stored(slug);
    expect(record).toMatchObject({ version: 4, body: "Vi började med **mätningar**." });
    const latest = await getDb().selectFrom("revisions").select("note").where("record_id", "=", id).where("version", "=", 4).executeTakeFirstOrThrow();
    expect(latest.note).toBe("Återställd från version 1");
  });

  it("restores a seeded record's first revision, written by the seed loader", async () => {
    const slug = "hyttberga-lean-i-svetsverkstaden";
    const params = { slug };
    const original = (await stored(slug)).title;
    const editPage = (await (await editPracticeLoader({ request: getRequest(`/practices/${slug}/edit`, editor), params, context: {} })).json()) as {
      defaultValue: Record<string, string>;
    };
    const fields = { ...editPage.defaultValue, title: "Ändrad rubrik", version: "1", intent: "save" } as Record<string, string>;
    expect((await post(editPracticeAction, `/practices/${slug}/edit`, fields, editor, params)).status).toBe(302);
    const { id } = await stored(slug);
    await historyAction({ request: formRequest(`/records/${id}/history`, { restore: "1", version: "2" }, editor), params: { id: String(id) }, context: {} }).catch((e) => e);
    expect((await stored(slug)).title).toBe(original);
  });
});


describe("forms as browsers send them", () => {
  it("saves with every field present and the optional ones empty (tags, dates, Markdown fields)", async () => {
    const fields = {
      title: "Allt tomt utom det nödvändiga",
      summary: "Kort.",
      body: "",
      themes: "data-och-sensorer",
      tags: "",
      language: "sv",
      visibility: "public",
      review_by: "",
      organisation: "olmeviks-hydraulik",
      problem: "",
      solution: "",
      results: "",
      resources: "",
      transferability: "",
      difficulties: "",
      intent: "save",
    };
    const created = await post(newPracticeAction, "/practices/new", fields, contributor);
    expect(created.status).toBe(302);
    const slug = "allt-tomt-utom-det-nodvandiga";
    const edited = await post(editPracticeAction, `/practices/${slug}/edit`, { ...fields, tags: " lean ,  , Underhåll", version: "1" }, contributor, { slug });
    expect(edited.status).toBe(302);
    const { id } = await stored(slug);
    const tags = await getDb().selectFrom("record_tags").select("tag").where("record_id", "=", id).orderBy("tag").execute();
    expect(tags.map((t) => t.tag)).toEqual(["lean", "underhåll"]);
  });
});

describe("a practice's links", () => {
  it("are set, changed and cleared with the form; a link to itself or to nothing is refused", async () => {
    const created = await post(newPracticeAction, "/practices/new", practice({ title: "Länkat exempel", adopted_from: "hyttberga-lean-i-svetsverkstaden", from_event: "workshop-processmognadsmodell-karlstad" }), contributor);
    expect(created.status).toBe(302);
    const slug = "lankat-exempel";
    const { id } = await stored(slug);
    const links = async () =>
      (await getDb().selectFrom("record_links as l").innerJoin("records as r", "r.id", "l.to_id").select(["l.type", "r.slug"]).where("l.from_id", "=", id).orderBy("l.type").execute()).map((l) => `${l.type}:${l.slug}`);
    expect(await links()).toEqual(["adopted_from:hyttberga-lean-i-svetsverkstaden", "from_event:workshop-processmognadsmodell-karlstad"]);
    const url = `/practices/${slug}/edit`;
    const self = await post(editPracticeAction, url, practice({ title: "Länkat exempel", adopted_from: slug, from_event: "finns-inte", version: "1" }), contributor, { slug });
    expect(self.status).toBe(400);
    const errors = ((await self.json()) as { result: { error: Record<string, string[]> } }).result.error;
    expect(errors).toEqual({ adopted_from: ["Välj ett annat gott exempel."], from_event: ["Okänd träff."] });
    expect((await post(editPracticeAction, url, practice({ title: "Länkat exempel", adopted_from: "", from_event: "workshop-processmognadsmodell-karlstad", version: "1" }), contributor, { slug })).status).toBe(302);
    expect(await links()).toEqual(["from_event:workshop-processmognadsmodell-karlstad"]);
    const restored = await respond(() =>
      historyAction({ request: formRequest(`/records/${id}/history`, { restore: "1", version: "2" }, contributor), params: { id: String(id) }, context: {} }),
    );
    expect(restored.status).toBe(302);
    expect(await links()).toEqual(["adopted_from:hyttberga-lean-i-svetsverkstaden", "from_event:workshop-processmognadsmodell-karlstad"]);
  });

  it("keep a lesson of the chosen event, leave out one of another event, and refuse one that is no number", async () => {
    const lessonOf = async (event: string) =>
      (await getDb().selectFrom("lessons as l").innerJoin("records as r", "r.id", "l.event_id").select("l.id").where("r.slug", "=", event).orderBy("l.position").executeTakeFirstOrThrow()).id;
    const own = await lessonOf("workshop-processmognadsmodell-karlstad");
    const foreign = await lessonOf("seminarium-hemflyttning-ludvika");
    const fields = (lesson: string) => practice({ title: "Lärdomens exempel", from_event: "workshop-processmognadsmodell-karlstad", from_lesson: lesson });
    const stored = async (slug: string) =>
      (await getDb().selectFrom("record_links as l").innerJoin("records as r", "r.id", "l.from_id").select("l.lesson_id").where("r.slug", "=", slug).where("l.type", "=", "from_event").executeTakeFirstOrThrow()).lesson_id;
    expect((await post(newPracticeAction, "/practices/new", fields(String(own)), contributor)).status).toBe(302);
    expect(await stored("lardomens-exempel")).toBe(own);
    expect((await post(newPracticeAction, "/practices/new", fields(String(foreign)), contributor)).status).toBe(302);
    expect(await stored("lardomens-exempel-2")).toBeNull();
    const bad = await post(newPracticeAction, "/practices/new", fields("tre"), contributor);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { result: { error: Record<string, string[]> } }).result.error).toEqual({ from_lesson: ["Ogiltigt val."] });
  });
});
