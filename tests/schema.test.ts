import { type Insertable, type Kysely } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import type { Database, RecordKind, RecordTable } from "../db/schema";
import { createTestDb } from "./helpers/db";

/**
 * The database itself must refuse inconsistent data, whatever the application code does. Every
 * refusal is checked for the SQLite constraint error that names the rule, and every table has at
 * least one accepted insert so a refusal cannot come from a broken test setup.
 */

let test: Awaited<ReturnType<typeof createTestDb>>;
let db: Kysely<Database>;
let orgId: number;
let topThemeId: number;
let childThemeId: number;

beforeEach(async () => {
  test = await createTestDb();
  db = test.db;
  orgId = await addOrganisation("dala-industri");
  topThemeId = await addTheme({ slug: "top", level: 1 });
  childThemeId = await addTheme({ slug: "child", level: 2, parent_id: topThemeId, parent_level: 1 });
});

afterEach(async () => {
  await test.destroy();
});

/** Lets a test put a value the TypeScript types rightly forbid into an insert. */
function invalid<T>(value: unknown): T {
  return value as T;
}

async function addOrganisation(slug: string, county = "Dalarna"): Promise<number> {
  const row = await db
    .insertInto("organisations")
    .values({ slug, name: slug, kind: "company", municipality: "Falun", county: invalid(county) })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

async function addTheme(values: {
  slug: string;
  level: number;
  parent_id?: number | null;
  parent_level?: number | null;
}): Promise<number> {
  const row = await db
    .insertInto("themes")
    .values({
      slug: values.slug,
      name: values.slug,
      name_en: values.slug,
      level: invalid(values.level),
      parent_id: values.parent_id ?? null,
      parent_level: invalid(values.parent_level ?? null),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

let slugCounter = 0;
async function addRecord(kind: RecordKind, overrides: Partial<Insertable<RecordTable>> = {}): Promise<number> {
  const row = await db
    .insertInto("records")
    .values({
      kind,
      slug: `${kind}-${++slugCounter}`,
      title: "Titel",
      summary: "Sammanfattning",
      body: "Text",
      organisation_id: orgId,
      ...overrides,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

function eventDetails(recordId: number, overrides: Record<string, unknown> = {}) {
  return db
    .insertInto("event_details")
    .values({
      record_id: recordId,
      type: "workshop",
      starts_on: "2026-03-10",
      ends_on: null,
      location: "Borlänge",
      municipality: "Borlänge",
      participant_count: 12,
      ...overrides,
    })
    .execute();
}

/** Asserts that `promise` is refused by SQLite with a constraint error whose message matches. */
async function expectRefused(promise: Promise<unknown>, message: RegExp): Promise<void> {
  await expect(promise).rejects.toMatchObject({ code: "SQLITE_CONSTRAINT", message: expect.stringMatching(message) });
}

const FOREIGN_KEY = /FOREIGN KEY constraint failed/;

async function count(table: keyof Database): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe("themes: a two-level hierarchy", () => {
  it("accepts a top theme and a child of it", async () => {
    const themes = await db
      .selectFrom("themes")
      .select(["id", "level", "parent_id", "parent_level"])
      .orderBy("id")
      .execute();
    expect(themes).toEqual([
      { id: topThemeId, level: 1, parent_id: null, parent_level: null },
      { id: childThemeId, level: 2, parent_id: topThemeId, parent_level: 1 },
    ]);
  });

  it("refuses a child of a child (a third level) that claims its parent is top level", async () => {
    await expectRefused(
      addTheme({ slug: "grandchild", level: 2, parent_id: childThemeId, parent_level: 1 }),
      FOREIGN_KEY,
    );
  });

  it("refuses a third level stated honestly (level 3 under a level-2 parent)", async () => {
    await expectRefused(
      addTheme({ slug: "grandchild", level: 3, parent_id: childThemeId, parent_level: 2 }),
      /CHECK constraint failed: themes_two_levels/,
    );
  });

  it("refuses a top theme with a parent_level", async () => {
    await expectRefused(
      addTheme({ slug: "odd-top", level: 1, parent_id: null, parent_level: 1 }),
      /CHECK constraint failed: themes_two_levels/,
    );
  });

  it("refuses a theme with a parent that says it is level 1", async () => {
    await expectRefused(
      addTheme({ slug: "odd-child", level: 1, parent_id: topThemeId, parent_level: 1 }),
      /CHECK constraint failed: themes_two_levels/,
    );
  });

  it("refuses a child whose parent does not exist", async () => {
    await expectRefused(addTheme({ slug: "orphan", level: 2, parent_id: 9999, parent_level: 1 }), FOREIGN_KEY);
  });

  it("refuses demoting a theme that has children below another theme (it would make a third level)", async () => {
    const otherTop = await addTheme({ slug: "other-top", level: 1 });
    await expectRefused(
      db
        .updateTable("themes")
        .set({ level: 2, parent_id: otherTop, parent_level: 1 })
        .where("id", "=", topThemeId)
        .execute(),
      FOREIGN_KEY,
    );
    // A theme without children may move under another top theme.
    const loneTop = await addTheme({ slug: "lone", level: 1 });
    await db
      .updateTable("themes")
      .set({ level: 2, parent_id: otherTop, parent_level: 1 })
      .where("id", "=", loneTop)
      .execute();
    const lone = await db
      .selectFrom("themes")
      .select(["level", "parent_id"])
      .where("id", "=", loneTop)
      .executeTakeFirstOrThrow();
    expect(lone).toEqual({ level: 2, parent_id: otherTop });
  });

  it("refuses deleting a top theme that still has children", async () => {
    await expectRefused(db.deleteFrom("themes").where("id", "=", topThemeId).execute(), FOREIGN_KEY);
  });

  it("refuses a duplicate theme slug", async () => {
    await expectRefused(addTheme({ slug: "top", level: 1 }), /UNIQUE constraint failed: themes.slug/);
  });

  it("refuses deleting a theme still used by a record, and allows it once unused", async () => {
    const recordId = await addRecord("practice");
    await db.insertInto("record_themes").values({ record_id: recordId, theme_id: childThemeId }).execute();
    await expectRefused(db.deleteFrom("themes").where("id", "=", childThemeId).execute(), FOREIGN_KEY);
    expect(await count("themes")).toBe(2);

    await db.deleteFrom("record_themes").where("theme_id", "=", childThemeId).execute();
    const deleted = await db.deleteFrom("themes").where("id", "=", childThemeId).executeTakeFirstOrThrow();
    expect(deleted.numDeletedRows).toBe(1n);
  });

  it("refuses linking a record to a theme that does not exist", async () => {
    const recordId = await addRecord("practice");
    await expectRefused(
      db.insertInto("record_themes").values({ record_id: recordId, theme_id: 9999 }).execute(),
      FOREIGN_KEY,
    );
  });
});

describe("organisations", () => {
  it.each(["Dalarna", "Gävleborg", "Värmland"])("accepts an organisation in %s", async (county) => {
    const id = await addOrganisation(`org-${county}`, county);
    const row = await db.selectFrom("organisations").select("county").where("id", "=", id).executeTakeFirstOrThrow();
    expect(row.county).toBe(county);
  });

  it.each(["Stockholm", "dalarna", "Gavleborg", ""])("refuses county %j", async (county) => {
    await expectRefused(addOrganisation(`org-x`, county), /CHECK constraint failed: county in/);
  });

  it("refuses an unknown organisation kind and an empty name", async () => {
    await expectRefused(
      db
        .insertInto("organisations")
        .values({ slug: "x", name: "X", kind: invalid("church"), municipality: "Falun", county: "Dalarna" })
        .execute(),
      /CHECK constraint failed: kind in/,
    );
    await expectRefused(
      db
        .insertInto("organisations")
        .values({ slug: "y", name: "", kind: "company", municipality: "Falun", county: "Dalarna" })
        .execute(),
      /CHECK constraint failed: length\(name\) > 0/,
    );
  });
});

describe("records", () => {
  it("accepts a record of each kind, and a published record with its date", async () => {
    for (const kind of ["practice", "event", "activity"] as const) await addRecord(kind);
    const id = await addRecord("practice", { status: "published", published_on: "2026-01-15" });
    const row = await db
      .selectFrom("records")
      .select(["status", "published_on", "version", "language"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: "published", published_on: "2026-01-15", version: 1, language: "sv" });
    expect(await count("records")).toBe(4);
  });

  it("refuses a record of unknown kind", async () => {
    await expectRefused(addRecord(invalid("course")), /CHECK constraint failed: kind in/);
  });

  it("refuses a published record without published_on", async () => {
    await expectRefused(
      addRecord("practice", { status: "published" }),
      /CHECK constraint failed: records_published_dated/,
    );
    // ...also when publishing an existing draft.
    const draft = await addRecord("practice");
    await expectRefused(
      db.updateTable("records").set({ status: "published" }).where("id", "=", draft).execute(),
      /CHECK constraint failed: records_published_dated/,
    );
  });

  it("refuses an unknown status, language or visibility, and version 0", async () => {
    await expectRefused(addRecord("practice", { status: invalid("live") }), /CHECK constraint failed: status in/);
    await expectRefused(addRecord("practice", { language: invalid("de") }), /CHECK constraint failed: language in/);
    await expectRefused(
      addRecord("practice", { visibility: invalid("secret") }),
      /CHECK constraint failed: visibility in/,
    );
    await expectRefused(addRecord("practice", { version: 0 }), /CHECK constraint failed: version >= 1/);
  });

  it("refuses an empty slug or title", async () => {
    await expectRefused(addRecord("practice", { slug: "" }), /CHECK constraint failed: length\(slug\) > 0/);
    await expectRefused(addRecord("practice", { title: "" }), /CHECK constraint failed: length\(title\) > 0/);
  });

  it("refuses a duplicate (kind, slug) but allows the same slug for another kind", async () => {
    await addRecord("practice", { slug: "same" });
    await expectRefused(
      addRecord("practice", { slug: "same" }),
      /UNIQUE constraint failed: records.kind, records.slug/,
    );
    await addRecord("event", { slug: "same" });
    expect(await db.selectFrom("records").select("kind").where("slug", "=", "same").orderBy("kind").execute()).toEqual([
      { kind: "event" },
      { kind: "practice" },
    ]);
  });

  it("refuses a record pointing to a missing organisation", async () => {
    await expectRefused(addRecord("practice", { organisation_id: orgId + 1000 }), FOREIGN_KEY);
  });

  it("refuses deleting an organisation that still has records", async () => {
    await addRecord("practice");
    await expectRefused(db.deleteFrom("organisations").where("id", "=", orgId).execute(), FOREIGN_KEY);
  });

  it("refuses changing the kind of a record that has details of its kind", async () => {
    const id = await addRecord("practice");
    await db.insertInto("practice_details").values({ record_id: id }).execute();
    await expectRefused(db.updateTable("records").set({ kind: "event" }).where("id", "=", id).execute(), FOREIGN_KEY);
    // Without details nothing ties the kind down.
    const bare = await addRecord("practice");
    await db.updateTable("records").set({ kind: "event" }).where("id", "=", bare).execute();
  });
});

describe("details tables follow the record's kind", () => {
  it("accepts practice, event and activity details on records of their kind", async () => {
    const practice = await addRecord("practice");
    const event = await addRecord("event");
    const activity = await addRecord("activity");
    await db.insertInto("practice_details").values({ record_id: practice, problem: "p" }).execute();
    await eventDetails(event, { ends_on: "2026-03-10" }); // same day is in order
    await db
      .insertInto("activity_details")
      .values({ record_id: activity, format: "online", level: "intro", hours: 1.5 })
      .execute();
    expect(await db.selectFrom("practice_details").select(["record_id", "kind"]).execute()).toEqual([
      { record_id: practice, kind: "practice" },
    ]);
    expect(await db.selectFrom("event_details").select(["record_id", "kind"]).execute()).toEqual([
      { record_id: event, kind: "event" },
    ]);
    expect(await db.selectFrom("activity_details").select(["record_id", "kind"]).execute()).toEqual([
      { record_id: activity, kind: "activity" },
    ]);
  });

  it("refuses practice_details on an event record", async () => {
    const event = await addRecord("event");
    await expectRefused(db.insertInto("practice_details").values({ record_id: event }).execute(), FOREIGN_KEY);
  });

  it("refuses practice_details that lie about their kind", async () => {
    const event = await addRecord("event");
    await expectRefused(
      db
        .insertInto("practice_details")
        .values({ record_id: event, kind: invalid("event") })
        .execute(),
      /CHECK constraint failed: kind = 'practice'/,
    );
  });

  it("refuses event_details on a practice and activity_details on an event", async () => {
    const practice = await addRecord("practice");
    const event = await addRecord("event");
    await expectRefused(eventDetails(practice), FOREIGN_KEY);
    await expectRefused(
      db
        .insertInto("activity_details")
        .values({ record_id: event, format: "online", level: "intro", hours: 2 })
        .execute(),
      FOREIGN_KEY,
    );
  });

  it("refuses event_details with ends_on before starts_on", async () => {
    const event = await addRecord("event");
    await expectRefused(
      eventDetails(event, { starts_on: "2026-03-10", ends_on: "2026-03-09" }),
      /CHECK constraint failed: event_dates_in_order/,
    );
  });

  it("refuses a negative participant_count", async () => {
    const event = await addRecord("event");
    await expectRefused(
      eventDetails(event, { participant_count: -1 }),
      /CHECK constraint failed: participant_count >= 0/,
    );
    await eventDetails(event, { participant_count: 0 });
  });

  it("refuses an unknown event type", async () => {
    const event = await addRecord("event");
    await expectRefused(eventDetails(event, { type: "party" }), /CHECK constraint failed: type in/);
  });

  it("refuses activity details with zero hours, unknown format or dates out of order", async () => {
    const activity = await addRecord("activity");
    const base = { record_id: activity, format: "hybrid", level: "advanced", hours: 8 } as const;
    await expectRefused(
      db
        .insertInto("activity_details")
        .values({ ...base, hours: 0 })
        .execute(),
      /CHECK constraint failed: hours > 0/,
    );
    await expectRefused(
      db
        .insertInto("activity_details")
        .values({ ...base, format: invalid("in-person") })
        .execute(),
      /CHECK constraint failed: format in/,
    );
    await expectRefused(
      db
        .insertInto("activity_details")
        .values({ ...base, starts_on: "2026-05-02", ends_on: "2026-05-01" })
        .execute(),
      /CHECK constraint failed: activity_dates_in_order/,
    );
  });

  it("refuses activity skills on an event", async () => {
    const activity = await addRecord("activity");
    const event = await addRecord("event");
    await db.insertInto("activity_skills").values({ record_id: activity, skill: "lean" }).execute();
    await expectRefused(
      db.insertInto("activity_skills").values({ record_id: event, skill: "lean" }).execute(),
      FOREIGN_KEY,
    );
  });
});

describe("lessons and participants belong to events", () => {
  it("accepts lessons and participants on an event", async () => {
    const event = await addRecord("event");
    await db
      .insertInto("lessons")
      .values([
        { event_id: event, position: 0, text: "Börja smått" },
        { event_id: event, position: 1, text: "Mät effekten" },
      ])
      .execute();
    await db.insertInto("event_participants").values({ event_id: event, organisation_id: orgId }).execute();
    expect(await db.selectFrom("lessons").select(["position", "kind"]).orderBy("position").execute()).toEqual([
      { position: 0, kind: "event" },
      { position: 1, kind: "event" },
    ]);
    expect(await count("event_participants")).toBe(1);
  });

  it("refuses a lesson attached to a practice record", async () => {
    const practice = await addRecord("practice");
    await expectRefused(
      db.insertInto("lessons").values({ event_id: practice, position: 0, text: "Lärdom" }).execute(),
      FOREIGN_KEY,
    );
  });

  it("refuses a lesson that claims another kind", async () => {
    const practice = await addRecord("practice");
    await expectRefused(
      db
        .insertInto("lessons")
        .values({ event_id: practice, kind: invalid("practice"), position: 0, text: "Lärdom" })
        .execute(),
      /CHECK constraint failed: kind = 'event'/,
    );
  });

  it.each([[""], ["   "]])("refuses a lesson with empty text %j", async (text) => {
    const event = await addRecord("event");
    await expectRefused(
      db.insertInto("lessons").values({ event_id: event, position: 0, text }).execute(),
      /CHECK constraint failed: length\(trim\(text\)\) > 0/,
    );
  });

  it("refuses two lessons at the same position of one event", async () => {
    const event = await addRecord("event");
    await db.insertInto("lessons").values({ event_id: event, position: 0, text: "Ett" }).execute();
    await expectRefused(
      db.insertInto("lessons").values({ event_id: event, position: 0, text: "Två" }).execute(),
      /UNIQUE constraint failed: lessons.event_id, lessons.position/,
    );
  });

  it("refuses participants on a practice, or from a missing organisation", async () => {
    const practice = await addRecord("practice");
    const event = await addRecord("event");
    await expectRefused(
      db.insertInto("event_participants").values({ event_id: practice, organisation_id: orgId }).execute(),
      FOREIGN_KEY,
    );
    await expectRefused(
      db.insertInto("event_participants").values({ event_id: event, organisation_id: 9999 }).execute(),
      FOREIGN_KEY,
    );
  });
});

describe("record_links", () => {
  async function link(values: {
    type: string;
    from_id: number;
    from_kind: string;
    to_id: number;
    to_kind: string;
    lesson_id?: number | null;
  }) {
    return db
      .insertInto("record_links")
      .values({
        type: invalid(values.type),
        from_id: values.from_id,
        from_kind: invalid(values.from_kind),
        to_id: values.to_id,
        to_kind: invalid(values.to_kind),
        lesson_id: values.lesson_id ?? null,
      })
      .execute();
  }

  it("accepts practice adopted_from practice, and practice from_event event with a lesson", async () => {
    const a = await addRecord("practice");
    const b = await addRecord("practice");
    const event = await addRecord("event");
    const lesson = await db
      .insertInto("lessons")
      .values({ event_id: event, position: 0, text: "Lärdom" })
      .returning("id")
      .executeTakeFirstOrThrow();
    await link({ type: "adopted_from", from_id: a, from_kind: "practice", to_id: b, to_kind: "practice" });
    await link({
      type: "from_event",
      from_id: a,
      from_kind: "practice",
      to_id: event,
      to_kind: "event",
      lesson_id: lesson.id,
    });
    expect(await count("record_links")).toBe(2);
  });

  it("refuses adopted_from pointing at an event", async () => {
    const practice = await addRecord("practice");
    const event = await addRecord("event");
    await expectRefused(
      link({ type: "adopted_from", from_id: practice, from_kind: "practice", to_id: event, to_kind: "event" }),
      /CHECK constraint failed: record_links_kinds/,
    );
  });

  it("refuses adopted_from pointing at an event that is passed off as a practice", async () => {
    const practice = await addRecord("practice");
    const event = await addRecord("event");
    await expectRefused(
      link({ type: "adopted_from", from_id: practice, from_kind: "practice", to_id: event, to_kind: "practice" }),
      FOREIGN_KEY,
    );
  });

  it("refuses from_event pointing at a practice, and links from an event", async () => {
    const a = await addRecord("practice");
    const b = await addRecord("practice");
    const event = await addRecord("event");
    await expectRefused(
      link({ type: "from_event", from_id: a, from_kind: "practice", to_id: b, to_kind: "practice" }),
      /CHECK constraint failed: record_links_kinds/,
    );
    await expectRefused(
      link({ type: "adopted_from", from_id: event, from_kind: "event", to_id: a, to_kind: "practice" }),
      /CHECK constraint failed: record_links_kinds/,
    );
  });

  it("refuses adopted_from carrying a lesson", async () => {
    const a = await addRecord("practice");
    const b = await addRecord("practice");
    const event = await addRecord("event");
    const lesson = await db
      .insertInto("lessons")
      .values({ event_id: event, position: 0, text: "Lärdom" })
      .returning("id")
      .executeTakeFirstOrThrow();
    await expectRefused(
      link({
        type: "adopted_from",
        from_id: a,
        from_kind: "practice",
        to_id: b,
        to_kind: "practice",
        lesson_id: lesson.id,
      }),
      /CHECK constraint failed: record_links_kinds/,
    );
  });

  it("refuses a self-link", async () => {
    const a = await addRecord("practice");
    await expectRefused(
      link({ type: "adopted_from", from_id: a, from_kind: "practice", to_id: a, to_kind: "practice" }),
      /CHECK constraint failed: record_links_not_self/,
    );
  });

  it("refuses an unknown link type and a duplicate link", async () => {
    const a = await addRecord("practice");
    const b = await addRecord("practice");
    await expectRefused(
      link({ type: "inspired_by", from_id: a, from_kind: "practice", to_id: b, to_kind: "practice" }),
      /CHECK constraint failed: type in/,
    );
    await link({ type: "adopted_from", from_id: a, from_kind: "practice", to_id: b, to_kind: "practice" });
    await expectRefused(
      link({ type: "adopted_from", from_id: a, from_kind: "practice", to_id: b, to_kind: "practice" }),
      /UNIQUE constraint failed: record_links.type, record_links.from_id, record_links.to_id/,
    );
  });
});

describe("deleting a record", () => {
  it("cascades to its details, lessons, participants, themes, tags, links, steps and revisions", async () => {
    const event = await addRecord("event");
    const practice = await addRecord("practice");
    const other = await addRecord("practice");
    await eventDetails(event);
    await db.insertInto("practice_details").values({ record_id: practice }).execute();
    await db.insertInto("lessons").values({ event_id: event, position: 0, text: "Lärdom" }).execute();
    await db.insertInto("event_participants").values({ event_id: event, organisation_id: orgId }).execute();
    await db
      .insertInto("record_themes")
      .values([
        { record_id: event, theme_id: topThemeId },
        { record_id: event, theme_id: childThemeId },
        { record_id: other, theme_id: childThemeId },
      ])
      .execute();
    await db.insertInto("record_tags").values({ record_id: event, tag: "lean" }).execute();
    await db
      .insertInto("record_links")
      .values({
        type: "from_event",
        from_id: practice,
        from_kind: "practice",
        to_id: event,
        to_kind: "event",
        lesson_id: null,
      })
      .execute();
    const pathRow = await db
      .insertInto("paths")
      .values({ slug: "p", title: "P", summary: "", theme_id: topThemeId, created_by: null })
      .returning("id")
      .executeTakeFirstOrThrow();
    await db.insertInto("path_steps").values({ path_id: pathRow.id, position: 0, record_id: event }).execute();
    await db
      .insertInto("revisions")
      .values({ record_id: event, version: 1, author_id: null, snapshot: "{}" })
      .execute();

    const deleted = await db.deleteFrom("records").where("id", "=", event).executeTakeFirstOrThrow();
    expect(deleted.numDeletedRows).toBe(1n);

    expect(await count("event_details")).toBe(0);
    expect(await count("lessons")).toBe(0);
    expect(await count("event_participants")).toBe(0);
    expect(await count("record_tags")).toBe(0);
    expect(await count("record_links")).toBe(0);
    expect(await count("path_steps")).toBe(0);
    expect(await count("revisions")).toBe(0);
    // Only the deleted record's theme links go; the other record's link and the themes stay.
    expect(await db.selectFrom("record_themes").select(["record_id", "theme_id"]).execute()).toEqual([
      { record_id: other, theme_id: childThemeId },
    ]);
    expect(await count("themes")).toBe(2);
    expect(await count("organisations")).toBe(1);
    expect(await count("practice_details")).toBe(1);
    expect(await count("paths")).toBe(1);
  });
});
