import { strToU8, zipSync } from "fflate";
import { sql, type Kysely } from "kysely";
import { stringify } from "yaml";

import type { Database, RecordKind } from "../../db/schema";
import { makeT, type Translate } from "../i18n";

/**
 * The whole knowledge base in the seeds format (README, "Seeds format"), so that loading the
 * export into an empty database with `npm run db:seed -- DIR` gives the same content back.
 *
 * The seeds format has no workflow: only published records and paths are exported, and the
 * loader publishes them again. What the format cannot hold is left out and named in `omitted`
 * rather than written as a file that would make the whole load fail (the loader is all or
 * nothing): a record without body text, theme or (events) lesson, a path step or link to a
 * record that is not exported, a path left without steps.
 */

export interface SeedExport {
  /** Path inside the export → file content. */
  files: Record<string, string>;
  /** What was left out, one line each, for the export page (in Swedish unless given the reader's `t`). */
  omitted: string[];
}

const FOLDER: Record<RecordKind, string> = { practice: "practices", event: "events", activity: "activities" };

/** YAML as the seeds are written: no line folding, so text fields stay one line each. */
const yaml = (value: unknown) => stringify(value, { lineWidth: 0 });

/** Groups rows by a key, keeping their order. */
function groupBy<T, K>(rows: T[], key: (row: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const row of rows) map.set(key(row), [...(map.get(key(row)) ?? []), row]);
  return map;
}

/** Drops empty optional values so the files read like hand-written seeds. */
function compact(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(o).filter(([, v]) => v !== null && v !== undefined && v !== "" && !(Array.isArray(v) && v.length === 0)),
  );
}

export async function exportSeeds(db: Kysely<Database>, t: Translate = makeT("sv")): Promise<SeedExport> {
  const files: Record<string, string> = {};
  const omitted: string[] = [];

  const themes = await db
    .selectFrom("themes as t")
    .leftJoin("themes as p", "p.id", "t.parent_id")
    .select(["t.id", "t.slug", "t.name", "t.name_en", "t.summary", "p.slug as parent"])
    .orderBy("t.level")
    .orderBy("t.position")
    .orderBy("t.id")
    .execute();
  files["themes.yaml"] = yaml(themes.map((t) => compact({ slug: t.slug, name: t.name, name_en: t.name_en, summary: t.summary, parent: t.parent })));

  const organisations = await db
    .selectFrom("organisations")
    .select(["id", "slug", "name", "kind", "municipality", "county"])
    .orderBy("id")
    .execute();
  files["organisations.yaml"] = yaml(organisations.map(({ id: _id, ...o }) => o));
  const orgSlug = new Map(organisations.map((o) => [o.id, o.slug]));
  const themeSlug = new Map(themes.map((t) => [t.id, t.slug]));

  const records = await db
    .selectFrom("records")
    .select(["id", "kind", "slug", "title", "summary", "body", "language", "visibility", "organisation_id", "published_on"])
    .where("status", "=", "published")
    .orderBy("kind")
    .orderBy("slug")
    .execute();
  const ids = records.map((r) => r.id);
  const none = [-1];
  const inIds = ids.length > 0 ? ids : none;
  // rowid order is the order the lists were written in (the seeds' or the form's).
  const recordThemes = groupBy(
    await db.selectFrom("record_themes").select(["record_id", "theme_id"]).where("record_id", "in", inIds).orderBy(sql`rowid`).execute(),
    (r) => r.record_id,
  );
  const tags = groupBy(
    await db.selectFrom("record_tags").select(["record_id", "tag"]).where("record_id", "in", inIds).orderBy(sql`rowid`).execute(),
    (r) => r.record_id,
  );
  const practices = new Map(
    (await db.selectFrom("practice_details").selectAll().where("record_id", "in", inIds).execute()).map((d) => [d.record_id, d]),
  );
  const events = new Map(
    (await db.selectFrom("event_details").selectAll().where("record_id", "in", inIds).execute()).map((d) => [d.record_id, d]),
  );
  const activities = new Map(
    (await db.selectFrom("activity_details").selectAll().where("record_id", "in", inIds).execute()).map((d) => [d.record_id, d]),
  );
  const lessons = groupBy(
    await db.selectFrom("lessons").select(["event_id", "text"]).where("event_id", "in", inIds).orderBy("event_id").orderBy("position").execute(),
    (r) => r.event_id,
  );
  const participants = groupBy(
    await db
      .selectFrom("event_participants")
      .select(["event_id", "organisation_id"])
      .where("event_id", "in", inIds)
      .orderBy(sql`rowid`)
      .execute(),
    (r) => r.event_id,
  );
  const skills = groupBy(
    await db.selectFrom("activity_skills").select(["record_id", "skill"]).where("record_id", "in", inIds).orderBy(sql`rowid`).execute(),
    (r) => r.record_id,
  );
  const links = groupBy(
    await db.selectFrom("record_links").select(["from_id", "type", "to_id"]).where("from_id", "in", inIds).orderBy("id").execute(),
    (r) => r.from_id,
  );

  // Which records become files: the format requires body, themes and (events) lessons.
  const exported = new Map<number, { kind: RecordKind; slug: string }>();
  for (const r of records) {
    const name = `${FOLDER[r.kind]}/${r.slug}`;
    const missing = [
      !r.body.trim() && t("brödtext", "body text"),
      !recordThemes.get(r.id)?.length && t("tema", "theme"),
      r.kind === "event" && !lessons.get(r.id)?.length && t("lärdomar", "lessons"),
      r.kind === "practice" && !r.published_on && t("publiceringsdatum", "publication date"),
      r.kind === "activity" && !activities.get(r.id)?.starts_on && t("startdatum", "start date"),
    ].filter(Boolean);
    if (missing.length > 0) omitted.push(`${name}: ${t("saknar", "has no")} ${missing.join(", ")}`);
    else exported.set(r.id, { kind: r.kind, slug: r.slug });
  }

  for (const r of records) {
    if (!exported.has(r.id)) continue;
    const common = {
      title: r.title,
      summary: r.summary,
      themes: (recordThemes.get(r.id) ?? []).map((t) => themeSlug.get(t.theme_id)),
      tags: (tags.get(r.id) ?? []).map((t) => t.tag),
      language: r.language,
      visibility: r.visibility,
    };
    let front: Record<string, unknown>;
    if (r.kind === "practice") {
      const d = practices.get(r.id);
      const linkTo = (type: "adopted_from" | "from_event") => {
        const link = links.get(r.id)?.find((l) => l.type === type);
        if (!link) return undefined;
        const target = exported.get(link.to_id);
        if (!target) {
          omitted.push(
            `${FOLDER[r.kind]}/${r.slug}: ${t(`länken ${type} pekar på material som inte exporteras`, `the ${type} link points to material that is not exported`)}`,
          );
        }
        return target?.slug;
      };
      front = {
        ...common,
        organisation: orgSlug.get(r.organisation_id),
        published: r.published_on,
        problem: d?.problem,
        solution: d?.solution,
        results: d?.results,
        resources: d?.resources,
        transferability: d?.transferability,
        difficulties: d?.difficulties,
        adopted_from: linkTo("adopted_from"),
        from_event: linkTo("from_event"),
      };
    } else if (r.kind === "event") {
      const d = events.get(r.id)!;
      front = {
        ...common,
        type: d.type,
        date: d.starts_on,
        end_date: d.ends_on,
        location: d.location,
        municipality: d.municipality,
        organiser: orgSlug.get(r.organisation_id),
        participants: d.participant_count,
        participating_organisations: (participants.get(r.id) ?? []).map((p) => orgSlug.get(p.organisation_id)),
        lessons: (lessons.get(r.id) ?? []).map((l) => l.text),
      };
    } else {
      const d = activities.get(r.id)!;
      front = {
        ...common,
        provider: orgSlug.get(r.organisation_id),
        format: d.format,
        level: d.level,
        hours: d.hours,
        target_group: d.target_group,
        skills: (skills.get(r.id) ?? []).map((s) => s.skill),
        start_date: d.starts_on,
        end_date: d.ends_on,
      };
    }
    files[`${FOLDER[r.kind]}/${r.slug}.md`] = `---\n${yaml(compact(front))}---\n\n${r.body.trim()}\n`;
  }

  const paths = await db
    .selectFrom("paths as p")
    .innerJoin("themes as t", "t.id", "p.theme_id")
    .select(["p.id", "p.slug", "p.title", "p.summary", "p.audience", "t.slug as theme"])
    .where("p.status", "=", "published")
    .orderBy("p.slug")
    .execute();
  const steps = groupBy(
    await db
      .selectFrom("path_steps")
      .select(["path_id", "record_id", "note", "optional"])
      .where("path_id", "in", paths.length > 0 ? paths.map((p) => p.id) : none)
      .orderBy("path_id")
      .orderBy("position")
      .execute(),
    (s) => s.path_id,
  );
  for (const p of paths) {
    const kept = (steps.get(p.id) ?? []).flatMap((s) => {
      const target = exported.get(s.record_id);
      if (!target) {
        omitted.push(`paths/${p.slug}: ${t("ett steg pekar på material som inte exporteras", "a step points to material that is not exported")}`);
        return [];
      }
      return [compact({ entry: `${FOLDER[target.kind]}/${target.slug}`, note: s.note, optional: s.optional ? true : undefined })];
    });
    if (kept.length === 0) {
      omitted.push(`paths/${p.slug}: ${t("inga steg att exportera", "no steps to export")}`);
      continue;
    }
    files[`paths/${p.slug}.yaml`] = yaml(compact({ title: p.title, summary: p.summary, theme: p.theme, audience: p.audience, steps: kept }));
  }

  const assessments = await db
    .selectFrom("assessments as a")
    .innerJoin("themes as t", "t.id", "a.theme_id")
    .select(["a.theme_id", "a.intro", "t.slug"])
    .orderBy("t.level")
    .orderBy("t.position")
    .execute();
  const questions = groupBy(
    await db.selectFrom("assessment_questions").selectAll().orderBy("theme_id").orderBy("position").execute(),
    (q) => q.theme_id,
  );
  const questionnaires = assessments.flatMap((a) => {
    const qs = questions.get(a.theme_id) ?? [];
    if (qs.length === 0) return [];
    return [
      compact({
        theme: a.slug,
        intro: a.intro,
        questions: qs.map((q) => ({ text: q.text, levels: [q.level_1, q.level_2, q.level_3, q.level_4, q.level_5] })),
      }),
    ];
  });
  if (questionnaires.length > 0) files["assessments.yaml"] = yaml(questionnaires);

  return { files, omitted };
}

/** The export as one zip: the seeds directory's files at its top level. */
export async function exportZip(db: Kysely<Database>): Promise<{ zip: Uint8Array; omitted: string[] }> {
  const { files, omitted } = await exportSeeds(db);
  const zip = zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)])), { level: 6 });
  return { zip, omitted };
}
