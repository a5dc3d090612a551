import { sql, type Transaction } from "kysely";

import type { Database } from "../db/schema";
import { idBySlug } from "./lookup";
import type { ParsedRecord, SeedProblem } from "./read";
import type { ActivitySeed, EventSeed, PracticeSeed } from "./schema";

/** Writing one practice, event or activity of a seed directory, with its details and links to themes. */

type Trx = Transaction<Database>;

export type RecordSeed =
  | ({ kind: "practice" } & ParsedRecord<PracticeSeed>)
  | ({ kind: "event" } & ParsedRecord<EventSeed>)
  | ({ kind: "activity" } & ParsedRecord<ActivitySeed>);

export async function applyRecord(trx: Trx, seed: RecordSeed, problems: SeedProblem[]) {
  const { value, file } = seed;
  const before = problems.length;

  const orgField = seed.kind === "practice" ? "organisation" : seed.kind === "event" ? "organiser" : "provider";
  const orgSlug =
    seed.kind === "practice" ? seed.value.organisation : seed.kind === "event" ? seed.value.organiser : seed.value.provider;
  const organisationId = await idBySlug(trx, "organisations", orgSlug);
  if (!organisationId) problems.push({ file, field: orgField, message: `okänd organisation "${orgSlug}"` });

  const themeIds: number[] = [];
  for (const [i, slug] of value.themes.entries()) {
    const id = await idBySlug(trx, "themes", slug);
    if (id) themeIds.push(id);
    else problems.push({ file, field: `themes[${i}]`, message: `okänt tema "${slug}"` });
  }

  const participantIds: number[] = [];
  if (seed.kind === "event") {
    for (const [i, slug] of seed.value.participating_organisations.entries()) {
      const id = await idBySlug(trx, "organisations", slug);
      if (id) participantIds.push(id);
      else problems.push({ file, field: `participating_organisations[${i}]`, message: `okänd organisation "${slug}"` });
    }
  }
  if (problems.length > before || !organisationId) return;

  const publishedOn =
    seed.kind === "practice" ? seed.value.published : seed.kind === "event" ? seed.value.date : seed.value.start_date;
  const row = {
    kind: seed.kind,
    slug: seed.slug,
    title: value.title,
    summary: value.summary,
    body: seed.body,
    language: value.language,
    visibility: value.visibility,
    status: "published" as const,
    organisation_id: organisationId,
    published_on: publishedOn,
  };
  const { id } = await trx
    .insertInto("records")
    .values(row)
    .onConflict((oc) => oc.columns(["kind", "slug"]).doUpdateSet(row))
    .returning("id")
    .executeTakeFirstOrThrow();

  if (seed.kind === "practice") {
    const v = seed.value;
    const details = {
      problem: v.problem,
      solution: v.solution,
      results: v.results,
      resources: v.resources,
      transferability: v.transferability,
      difficulties: v.difficulties,
    };
    await trx
      .insertInto("practice_details")
      .values({ record_id: id, ...details })
      .onConflict((oc) => oc.column("record_id").doUpdateSet(details))
      .execute();
  } else if (seed.kind === "event") {
    const v = seed.value;
    const details = {
      type: v.type,
      starts_on: v.date,
      ends_on: v.end_date ?? null,
      location: v.location,
      municipality: v.municipality,
      participant_count: v.participants,
    };
    await trx
      .insertInto("event_details")
      .values({ record_id: id, ...details })
      .onConflict((oc) => oc.column("record_id").doUpdateSet(details))
      .execute();
    await replaceLessons(trx, id, v.lessons);
    await trx.deleteFrom("event_participants").where("event_id", "=", id).execute();
    if (participantIds.length > 0) {
      await trx
        .insertInto("event_participants")
        .values([...new Set(participantIds)].map((organisation_id) => ({ event_id: id, organisation_id })))
        .execute();
    }
  } else {
    const v = seed.value;
    const details = {
      format: v.format,
      level: v.level,
      hours: v.hours,
      target_group: v.target_group,
      starts_on: v.start_date,
      ends_on: v.end_date ?? null,
    };
    await trx
      .insertInto("activity_details")
      .values({ record_id: id, ...details })
      .onConflict((oc) => oc.column("record_id").doUpdateSet(details))
      .execute();
    await trx.deleteFrom("activity_skills").where("record_id", "=", id).execute();
    const skills = [...new Set(v.skills)];
    if (skills.length > 0) {
      await trx
        .insertInto("activity_skills")
        .values(skills.map((skill) => ({ record_id: id, skill })))
        .execute();
    }
  }

  await trx.deleteFrom("record_themes").where("record_id", "=", id).execute();
  await trx
    .insertInto("record_themes")
    .values([...new Set(themeIds)].map((theme_id) => ({ record_id: id, theme_id })))
    .execute();
  await trx.deleteFrom("record_tags").where("record_id", "=", id).execute();
  const tags = [...new Set(value.tags)];
  if (tags.length > 0) {
    await trx
      .insertInto("record_tags")
      .values(tags.map((tag) => ({ record_id: id, tag })))
      .execute();
  }

  await recordRevision(trx, id, { ...value, body: seed.body });
}

/** Updates lessons in place by position so their ids, which links may point at, stay stable. */
async function replaceLessons(trx: Trx, eventId: number, lessons: string[]) {
  for (const [position, text] of lessons.entries()) {
    await trx
      .insertInto("lessons")
      .values({ event_id: eventId, position, text })
      .onConflict((oc) => oc.columns(["event_id", "position"]).doUpdateSet({ text }))
      .execute();
  }
  await trx.deleteFrom("lessons").where("event_id", "=", eventId).where("position", ">=", lessons.length).execute();
}

/**
 * Keeps the record's history honest: a revision is stored when the seeded content differs from
 * the newest revision, and the record's version moves on with it. Loading the same files twice
 * changes nothing.
 */
async function recordRevision(trx: Trx, recordId: number, content: unknown) {
  const snapshot = JSON.stringify(content);
  const latest = await trx
    .selectFrom("revisions")
    .select(["version", "snapshot"])
    .where("record_id", "=", recordId)
    .orderBy("version", "desc")
    .executeTakeFirst();
  if (latest?.snapshot === snapshot) return;
  const version = latest ? latest.version + 1 : 1;
  await trx
    .updateTable("records")
    .set({ version, updated_at: sql<string>`CURRENT_TIMESTAMP` })
    .where("id", "=", recordId)
    .execute();
  await trx
    .insertInto("revisions")
    .values({ record_id: recordId, version, snapshot, note: "Inläst från seeds" })
    .execute();
}
