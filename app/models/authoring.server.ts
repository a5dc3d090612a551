import { sql, type Kysely, type Transaction } from "kysely";

import type { Database, RecordKind, RecordStatus } from "../../db/schema";
import type { Text, Translate } from "../i18n";
import { ORG_FIELD, RECORD_SCHEMAS, type EventValues, type ActivityValues, type PracticeValues, type RecordValues } from "../forms/record";
import { isEditor } from "../utils/permissions.server";
import { slugify } from "../utils/slug";
import { loadLinks, resolveLinks, syncLinks } from "./practice-links.server";
import { addRevision } from "./revision.server";
import type { SessionUser } from "./user.server";

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Problems with particular fields found against the database (an unknown theme, say): pairs in
 * both languages (or one string quoting the input). `in(t)` gives them for Conform's fieldErrors.
 */
export class FieldErrors extends Error {
  constructor(public messages: Record<string, (string | Text)[]>) {
    super("Formuläret har fel.");
  }

  /** The messages in the reader's language. */
  in(t: Translate): Record<string, string[]> {
    return Object.fromEntries(
      Object.entries(this.messages).map(([field, list]) => [field, list.map((m) => (typeof m === "string" ? m : t(m)))]),
    );
  }
}

/** Someone else saved the record since this form was loaded. */
export class ConflictError extends Error {
  constructor() {
    super("Posten har ändrats av någon annan sedan du öppnade den.");
  }
}

/** A record as its edit page needs it: workflow state and the form's values. */
export interface EditableRecord {
  id: number;
  kind: RecordKind;
  slug: string;
  status: RecordStatus;
  organisationId: number;
  version: number;
  reviewComment: string | null;
  updatedAt: string;
  values: RecordValues;
}

/** A record of any status by kind and slug, for writers; null when there is none. */
export async function getEditable(db: Db, { kind, slug }: { kind: RecordKind; slug: string }): Promise<EditableRecord | null> {
  const row = await db
    .selectFrom("records")
    .select(["id", "kind", "slug", "status", "organisation_id", "version", "review_comment", "updated_at"])
    .where("kind", "=", kind)
    .where("slug", "=", slug)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    kind: row.kind,
    slug: row.slug,
    status: row.status,
    organisationId: row.organisation_id,
    version: row.version,
    reviewComment: row.review_comment,
    updatedAt: row.updated_at,
    values: await loadValues(db, row.id),
  };
}

/** The record's current content in the forms' (and snapshots') vocabulary. */
export async function loadValues(db: Db, id: number): Promise<RecordValues> {
  const r = await db
    .selectFrom("records as r")
    .innerJoin("organisations as o", "o.id", "r.organisation_id")
    .select(["r.kind", "r.title", "r.summary", "r.body", "r.language", "r.visibility", "r.review_by", "o.slug as org"])
    .where("r.id", "=", id)
    .executeTakeFirstOrThrow();
  const themes = await db
    .selectFrom("record_themes as rt")
    .innerJoin("themes as t", "t.id", "rt.theme_id")
    .select("t.slug")
    .where("rt.record_id", "=", id)
    .orderBy("t.position")
    .execute();
  const tags = await db.selectFrom("record_tags").select("tag").where("record_id", "=", id).orderBy("tag").execute();
  const common = {
    title: r.title,
    summary: r.summary,
    body: r.body,
    themes: themes.map((t) => t.slug),
    tags: tags.map((t) => t.tag),
    language: r.language,
    visibility: r.visibility,
    review_by: r.review_by ?? undefined,
  };
  if (r.kind === "practice") {
    const d = await db.selectFrom("practice_details").selectAll().where("record_id", "=", id).executeTakeFirst();
    const v: PracticeValues = {
      ...common,
      organisation: r.org,
      problem: d?.problem ?? "",
      solution: d?.solution ?? "",
      results: d?.results ?? "",
      resources: d?.resources ?? "",
      transferability: d?.transferability ?? "",
      difficulties: d?.difficulties ?? "",
      ...(await loadLinks(db, id)),
    };
    return v;
  }
  if (r.kind === "event") {
    const d = await db.selectFrom("event_details").selectAll().where("record_id", "=", id).executeTakeFirstOrThrow();
    const lessons = await db.selectFrom("lessons").select("text").where("event_id", "=", id).orderBy("position").execute();
    const participants = await db
      .selectFrom("event_participants as ep")
      .innerJoin("organisations as o", "o.id", "ep.organisation_id")
      .select("o.slug")
      .where("ep.event_id", "=", id)
      .orderBy("o.slug")
      .execute();
    const v: EventValues = {
      ...common,
      organiser: r.org,
      type: d.type,
      date: d.starts_on,
      end_date: d.ends_on ?? undefined,
      location: d.location,
      municipality: d.municipality,
      participants: d.participant_count,
      participating_organisations: participants.map((p) => p.slug),
      lessons: lessons.map((l) => l.text),
    };
    return v;
  }
  const d = await db.selectFrom("activity_details").selectAll().where("record_id", "=", id).executeTakeFirstOrThrow();
  const skills = await db.selectFrom("activity_skills").select("skill").where("record_id", "=", id).orderBy("skill").execute();
  const v: ActivityValues = {
    ...common,
    provider: r.org,
    format: d.format,
    level: d.level,
    hours: d.hours,
    target_group: d.target_group,
    skills: skills.map((s) => s.skill),
    start_date: d.starts_on ?? "",
    end_date: d.ends_on ?? undefined,
  };
  return v;
}

/** Slugs in the values turned into ids; unknown ones, or someone else's organisation, are field errors. */
export async function resolve(db: Db, kind: RecordKind, values: RecordValues, user: SessionUser, selfId?: number) {
  const errors: Record<string, (string | Text)[]> = {};
  const unknownOrganisation = { sv: "Okänd organisation.", en: "Unknown organisation." };
  const orgField = ORG_FIELD[kind];
  const orgSlug = (values as Record<string, unknown>)[orgField] as string;
  const org = await db.selectFrom("organisations").select("id").where("slug", "=", orgSlug).executeTakeFirst();
  if (!org) errors[orgField] = [unknownOrganisation];
  else if (!isEditor(user) && org.id !== user.organisationId) {
    errors[orgField] = [{ sv: "Du kan bara skriva för din egen organisation.", en: "You can only write for your own organisation." }];
  }
  const themes = await db.selectFrom("themes").select(["id", "slug"]).where("slug", "in", values.themes).execute();
  if (themes.length !== new Set(values.themes).size) errors.themes = [{ sv: "Okänt tema.", en: "Unknown theme." }];
  let participantIds: number[] = [];
  if (kind === "event") {
    const wanted = (values as EventValues).participating_organisations;
    if (wanted.length) {
      const rows = await db.selectFrom("organisations").select("id").where("slug", "in", wanted).execute();
      if (rows.length !== new Set(wanted).size) errors.participating_organisations = [unknownOrganisation];
      participantIds = rows.map((r) => r.id);
    }
  }
  const linkErrors: Record<string, string[]> = {};
  const links = kind === "practice" ? await resolveLinks(db, values as PracticeValues, selfId, linkErrors) : {};
  Object.assign(errors, linkErrors);
  if (Object.keys(errors).length) throw new FieldErrors(errors);
  return { organisationId: org!.id, themeIds: themes.map((t) => t.id), participantIds, links };
}

/** The date lists sort by: the event's date, the activity's start, a practice's publication. */
function sortDate(kind: RecordKind, values: RecordValues): string | null | undefined {
  if (kind === "event") return (values as EventValues).date;
  if (kind === "activity") return (values as ActivityValues).start_date;
  return undefined; // practices: set when published
}

/** Writes the values over the record's rows (details, themes, tags, lessons, …). */
async function writeValues(trx: Transaction<Database>, id: number, kind: RecordKind, values: RecordValues, ids: Awaited<ReturnType<typeof resolve>>) {
  const publishedOn = sortDate(kind, values);
  await trx
    .updateTable("records")
    .set({
      title: values.title,
      summary: values.summary,
      body: values.body,
      language: values.language,
      visibility: values.visibility,
      review_by: values.review_by ?? null,
      organisation_id: ids.organisationId,
      ...(publishedOn !== undefined ? { published_on: publishedOn } : {}),
      updated_at: sql<string>`CURRENT_TIMESTAMP`,
    })
    .where("id", "=", id)
    .execute();
  await trx.deleteFrom("record_themes").where("record_id", "=", id).execute();
  await trx.insertInto("record_themes").values(ids.themeIds.map((theme_id) => ({ record_id: id, theme_id }))).execute();
  await trx.deleteFrom("record_tags").where("record_id", "=", id).execute();
  if (values.tags.length) await trx.insertInto("record_tags").values(values.tags.map((tag) => ({ record_id: id, tag }))).execute();
  if (kind === "practice") {
    const v = values as PracticeValues;
    const d = { problem: v.problem, solution: v.solution, results: v.results, resources: v.resources, transferability: v.transferability, difficulties: v.difficulties };
    await trx.insertInto("practice_details").values({ record_id: id, ...d }).onConflict((oc) => oc.column("record_id").doUpdateSet(d)).execute();
    await syncLinks(trx, id, ids.links);
  } else if (kind === "event") {
    const v = values as EventValues;
    const d = { type: v.type, starts_on: v.date, ends_on: v.end_date ?? null, location: v.location, municipality: v.municipality, participant_count: v.participants };
    await trx.insertInto("event_details").values({ record_id: id, ...d }).onConflict((oc) => oc.column("record_id").doUpdateSet(d)).execute();
    // In place by position, so lesson ids (which links may point at) stay stable.
    for (const [position, text] of v.lessons.entries()) {
      await trx.insertInto("lessons").values({ event_id: id, position, text }).onConflict((oc) => oc.columns(["event_id", "position"]).doUpdateSet({ text })).execute();
    }
    await trx.deleteFrom("lessons").where("event_id", "=", id).where("position", ">=", v.lessons.length).execute();
    await trx.deleteFrom("event_participants").where("event_id", "=", id).execute();
    const participants = [...new Set(ids.participantIds)];
    if (participants.length) await trx.insertInto("event_participants").values(participants.map((organisation_id) => ({ event_id: id, organisation_id }))).execute();
  } else {
    const v = values as ActivityValues;
    const d = { format: v.format, level: v.level, hours: v.hours, target_group: v.target_group, starts_on: v.start_date, ends_on: v.end_date ?? null };
    await trx.insertInto("activity_details").values({ record_id: id, ...d }).onConflict((oc) => oc.column("record_id").doUpdateSet(d)).execute();
    await trx.deleteFrom("activity_skills").where("record_id", "=", id).execute();
    if (v.skills.length) await trx.insertInto("activity_skills").values(v.skills.map((skill) => ({ record_id: id, skill }))).execute();
  }
}

/** A free slug for the kind: the title's, or with -2, -3 … when taken. */
async function freeSlug(db: Db, kind: RecordKind, title: string): Promise<string> {
  const base = slugify(title);
  const taken = new Set(
    (await db.selectFrom("records").select("slug").where("kind", "=", kind).where("slug", "like", `${base}%`).execute()).map((r) => r.slug),
  );
  // "new" would be shadowed by the /practices/new page.
  if (!taken.has(base) && base !== "new") return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** A new draft with its first revision. */
export async function createRecord(
  db: Kysely<Database>,
  { kind, values, user }: { kind: RecordKind; values: RecordValues; user: SessionUser },
): Promise<{ id: number; slug: string }> {
  RECORD_SCHEMAS[kind].parse(values);
  return db.transaction().execute((trx) => insertRecord(trx, { kind, values, user }));
}

/**
 * createRecord's work inside a transaction the caller holds, so that several records (a CSV
 * import) are written all or none. Throws FieldErrors like createRecord.
 */
export async function insertRecord(
  trx: Transaction<Database>,
  { kind, values, user, note = "Skapad" }: { kind: RecordKind; values: RecordValues; user: SessionUser; note?: string },
): Promise<{ id: number; slug: string }> {
  const ids = await resolve(trx, kind, values, user);
  const slug = await freeSlug(trx, kind, values.title);
  const { id } = await trx
    .insertInto("records")
    .values({ kind, slug, title: values.title, summary: values.summary, body: values.body, organisation_id: ids.organisationId, status: "draft", version: 1, created_by: user.id })
    .returning("id")
    .executeTakeFirstOrThrow();
  await writeValues(trx, id, kind, values, ids);
  await addRevision(trx, { recordId: id, version: 1, authorId: user.id, snapshot: values, note });
  return { id, slug };
}

/**
 * Saves new values over a record, only if nobody saved since `expectedVersion` (the version the
 * form was loaded at); otherwise throws ConflictError and writes nothing. Stores a revision.
 */
export async function saveRecord(
  db: Kysely<Database>,
  { id, kind, values, expectedVersion, user, note = "Sparad" }: { id: number; kind: RecordKind; values: RecordValues; expectedVersion: number; user: SessionUser; note?: string },
): Promise<{ version: number }> {
  RECORD_SCHEMAS[kind].parse(values);
  return db.transaction().execute(async (trx) => {
    const version = await bumpVersion(trx, id, expectedVersion);
    const ids = await resolve(trx, kind, values, user, id);
    await writeValues(trx, id, kind, values, ids);
    await addRevision(trx, { recordId: id, version, authorId: user.id, snapshot: values, note });
    return { version };
  });
}

/** Moves the version on by one if it is still `expected`; the optimistic lock of every write. */
export async function bumpVersion(trx: Transaction<Database>, id: number, expected: number): Promise<number> {
  const result = await trx
    .updateTable("records")
    .set({ version: expected + 1, updated_at: sql<string>`CURRENT_TIMESTAMP` })
    .where("id", "=", id)
    .where("version", "=", expected)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw new ConflictError();
  return expected + 1;
}
