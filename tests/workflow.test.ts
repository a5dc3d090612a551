import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { action as newActivityAction } from "~/routes/activities.new";
import { action as newEventAction } from "~/routes/events.new";
import { action as editPracticeAction } from "~/routes/practices.$slug_.edit";
import { action as newPracticeAction } from "~/routes/practices.new";
import { loader as practiceLoader } from "~/routes/practices.$slug";
import { action as workflowAction } from "~/routes/records.$id.workflow";
import { closeDb, getDb } from "~/utils/db.server";
import { formRequest, getRequest, respond } from "./helpers/auth";
import { post, practice, setupAuthors, storedPractice as stored } from "./helpers/authoring";

/** The workflow draft → review → published → archived, and writing events and activities. */
let contributor: string;
let other: string;
let editor: string;
let organiser: string;

beforeAll(async () => {
  ({ contributor, other, editor, organiser } = await setupAuthors());
  const draft = await post(newPracticeAction, "/practices/new", practice(), contributor);
  expect(draft.headers.get("Location")).toBe("/practices/spillvarme-at-olme-steg-for-steg/edit?saved=created");
});
afterAll(closeDb);

describe("the workflow", () => {
  const slug = "spillvarme-at-olme-steg-for-steg";
  const workflow = async (fields: Record<string, string>, cookie: string) => {
    const { id } = await stored(slug);
    return respond(() => workflowAction({ request: formRequest(`/records/${id}/workflow`, fields, cookie), params: { id: String(id) }, context: {} }));
  };

  it("goes draft → review → (sent back) → review → published → archived, each step a revision", async () => {
    expect((await workflow({ intent: "publish", version: "1" }, contributor)).status).toBe(403);
    expect((await workflow({ intent: "submit", version: "1" }, contributor)).status).toBe(302);
    expect((await stored(slug)).status).toBe("review");
    // Submitted: the contributor can no longer change it.
    const locked = await post(editPracticeAction, `/practices/${slug}/edit`, practice({ version: "2" }), contributor, { slug });
    expect(locked.status).toBe(403);
    expect((await workflow({ intent: "return", version: "2" }, editor)).status).toBe(400); // a comment is required
    expect((await workflow({ intent: "return", version: "2", comment: "Lägg till resultat." }, editor)).status).toBe(302);
    expect(await stored(slug)).toMatchObject({ status: "draft", review_comment: "Lägg till resultat." });
    expect((await workflow({ intent: "submit", version: "1" }, contributor)).status).toBe(409); // stale version
    expect((await workflow({ intent: "submit", version: "3" }, contributor)).status).toBe(302);
    const anonymous = await practiceLoader({ request: getRequest(`/practices/${slug}`), params: { slug }, context: {} }).catch((e) => e);
    expect((anonymous as Response).status).toBe(404);
    expect((await workflow({ intent: "publish", version: "4" }, editor)).status).toBe(302);
    const published = await stored(slug);
    expect(published).toMatchObject({ status: "published", review_comment: null, version: 5 });
    expect(published.published_on).toBe(new Date().toISOString().slice(0, 10));
    const page = await practiceLoader({ request: getRequest(`/practices/${slug}`), params: { slug }, context: {} });
    expect(page.status).toBe(200);
    expect(((await page.json()) as { editUrl: string | null }).editUrl).toBeNull();
    const forEditor = await practiceLoader({ request: getRequest(`/practices/${slug}`, editor), params: { slug }, context: {} });
    expect(((await forEditor.json()) as { editUrl: string | null }).editUrl).toBe(`/practices/${slug}/edit`);
    const forOther = await practiceLoader({ request: getRequest(`/practices/${slug}`, other), params: { slug }, context: {} });
    expect(((await forOther.json()) as { editUrl: string | null }).editUrl).toBeNull();
    expect((await workflow({ intent: "archive", version: "5" }, contributor)).status).toBe(403);
    expect((await workflow({ intent: "archive", version: "5" }, editor)).status).toBe(302);
    expect((await stored(slug)).status).toBe("archived");
    const notes = await getDb().selectFrom("revisions").select("note").where("record_id", "=", published.id).orderBy("version").execute();
    expect(notes.map((n) => n.note)).toEqual([
      "Skapad",
      "Skickad för granskning",
      "Skickad tillbaka: Lägg till resultat.",
      "Skickad för granskning",
      "Publicerad",
      "Arkiverad",
    ]);
  });

  it("refuses an unknown step and a malformed version with 400, and a signed-out post with a redirect", async () => {
    expect((await workflow({ intent: "delete", version: "6" }, editor)).status).toBe(400);
    expect((await workflow({ intent: "reopen", version: "x" }, editor)).status).toBe(400);
    const anonymous = await workflow({ intent: "reopen", version: "6" }, "");
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toMatch(/^\/login\?redirectTo=/);
    expect((await stored(slug)).status).toBe("archived");
  });
});
describe("events and activities", () => {
  it("an organiser logs an event with lessons and participants, and lists an activity", async () => {
    const event = await post(
      newEventAction,
      "/events/new",
      {
        title: "Nätverksträff om värmeåtervinning",
        summary: "Tio företag jämförde lösningar.",
        body: "Minnesanteckningar.",
        themes: ["data-och-sensorer"],
        type: "network-meeting",
        date: "2026-03-04",
        location: "Falu rådhus",
        municipality: "Falun",
        organiser: "region-dalarna",
        participants: "23",
        participating_organisations: ["olmeviks-hydraulik", "hyttberga-mekaniska"],
        "lessons[0]": "Börja med att mäta.",
        "lessons[1]": "Dela mätdata mellan företagen.",
        intent: "submit",
      },
      organiser,
    );
    expect(event.status).toBe(302);
    const row = await getDb().selectFrom("records").selectAll().where("slug", "=", "natverkstraff-om-varmeatervinning").executeTakeFirstOrThrow();
    expect(row).toMatchObject({ kind: "event", status: "review", published_on: "2026-03-04" });
    const lessons = await getDb().selectFrom("lessons").select("text").where("event_id", "=", row.id).orderBy("position").execute();
    expect(lessons.map((l) => l.text)).toEqual(["Börja med att mäta.", "Dela mätdata mellan företagen."]);
    const participants = await getDb().selectFrom("event_participants").select("organisation_id").where("event_id", "=", row.id).execute();
    expect(participants).toHaveLength(2);

    const activityFields = {
      title: "Kurs i energikartläggning",
      summary: "Tre halvdagar.",
      themes: ["data-och-sensorer"],
      provider: "region-dalarna",
      format: "hybrid",
      level: "intro",
      hours: "12,5",
      skills: "mätning, analys",
      start_date: "2026-04-01",
      end_date: "2026-03-01",
      intent: "save",
    };
    const activity = await post(newActivityAction, "/activities/new", activityFields, organiser);
    expect(activity.status).toBe(400);
    const refused = ((await activity.json()) as { result: { error: Record<string, string[]> } }).result.error;
    expect(refused).toEqual({ end_date: ["Slutdatum kan inte vara före startdatum."] });
    const fixed = await post(newActivityAction, "/activities/new", { ...activityFields, end_date: "2026-04-15" }, organiser);
    expect(fixed.status).toBe(302);
    const saved = await getDb()
      .selectFrom("records as r")
      .innerJoin("activity_details as d", "d.record_id", "r.id")
      .select(["d.hours", "d.format", "r.published_on"])
      .where("r.slug", "=", "kurs-i-energikartlaggning")
      .executeTakeFirstOrThrow();
    expect(saved).toEqual({ hours: 12.5, format: "hybrid", published_on: "2026-04-01" });
    const skills = await getDb().selectFrom("activity_skills as s").innerJoin("records as r", "r.id", "s.record_id").select("s.skill").where("r.slug", "=", "kurs-i-energikartlaggning").orderBy("s.skill").execute();
    expect(skills.map((s) => s.skill)).toEqual(["analys", "mätning"]);
  });

  it("an event without lessons, or a contributor logging an event, is refused", async () => {
    const fields = { title: "X", summary: "Y", themes: ["data-och-sensorer"], type: "webinar", date: "2026-01-01", location: "Webb", municipality: "Falun", organiser: "region-dalarna", participants: "3", intent: "save" };
    const none = await post(newEventAction, "/events/new", fields, organiser);
    expect(none.status).toBe(400);
    expect(((await none.json()) as { result: { error: Record<string, string[]> } }).result.error.lessons).toEqual(["Skriv minst en lärdom."]);
    expect((await post(newEventAction, "/events/new", { ...fields, "lessons[0]": "L" }, contributor)).status).toBe(403);
  });
});
