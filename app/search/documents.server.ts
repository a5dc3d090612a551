import type { Kysely } from "kysely";

import type { County, Database, Language, RecordKind } from "../../db/schema";
import { markdownToText } from "../utils/markdown.server";

/** Everything search knows of one published record. */
export interface SearchDoc {
  id: number;
  kind: RecordKind;
  slug: string;
  title: string;
  summary: string;
  /** Plain text of the body and, for practices, the structured fields. */
  text: string;
  lessons: string[];
  tags: string[];
  themes: { slug: string; name: string }[];
  /** The record's themes and their parents: what a theme filter matches. */
  themeSlugs: string[];
  organisation: string;
  county: County;
  year: number | null;
  publishedOn: string | null;
  language: Language;
  membersOnly: boolean;
}

/**
 * Published records as search documents; all of them, or those of `ids` (missing ids are
 * simply not returned: the record was unpublished or removed).
 */
export async function loadSearchDocs(db: Kysely<Database>, { ids }: { ids?: number[] } = {}): Promise<SearchDoc[]> {
  if (ids && ids.length === 0) return [];
  const rows = await db
    .selectFrom("records as r")
    .innerJoin("organisations as o", "o.id", "r.organisation_id")
    .leftJoin("practice_details as pd", "pd.record_id", "r.id")
    .leftJoin("event_details as ed", "ed.record_id", "r.id")
    .leftJoin("activity_details as ad", "ad.record_id", "r.id")
    .select([
      "r.id", "r.kind", "r.slug", "r.title", "r.summary", "r.body", "r.language", "r.visibility", "r.published_on",
      "o.name as organisation", "o.county",
      "pd.problem", "pd.solution", "pd.results", "pd.resources", "pd.transferability", "pd.difficulties",
      "ed.location", "ed.municipality", "ad.target_group",
    ])
    .where("r.status", "=", "published")
    .$if(!!ids, (q) => q.where("r.id", "in", ids!))
    .orderBy("r.id")
    .execute();
  const found = rows.map((r) => r.id);
  const [themes, tags, lessons, skills] = found.length
    ? await Promise.all([
        db
          .selectFrom("record_themes as rt")
          .innerJoin("themes as t", "t.id", "rt.theme_id")
          .leftJoin("themes as p", "p.id", "t.parent_id")
          .select(["rt.record_id", "t.slug", "t.name", "p.slug as parent"])
          .where("rt.record_id", "in", found)
          .orderBy("t.position")
          .execute(),
        db.selectFrom("record_tags").select(["record_id", "tag"]).where("record_id", "in", found).execute(),
        db
          .selectFrom("lessons")
          .select(["event_id", "text"])
          .where("event_id", "in", found)
          .orderBy("position")
          .execute(),
        db.selectFrom("activity_skills").select(["record_id", "skill"]).where("record_id", "in", found).execute(),
      ])
    : [[], [], [], []];
  const group = <T, V>(items: T[], key: (t: T) => number, value: (t: T) => V) => {
    const map = new Map<number, V[]>();
    for (const item of items) map.set(key(item), [...(map.get(key(item)) ?? []), value(item)]);
    return map;
  };
  const themesOf = group(themes, (t) => t.record_id, (t) => t);
  const tagsOf = group([...tags.map((t) => ({ id: t.record_id, v: t.tag })), ...skills.map((s) => ({ id: s.record_id, v: s.skill }))], (t) => t.id, (t) => t.v);
  const lessonsOf = group(lessons, (l) => l.event_id, (l) => l.text);

  return rows.map((r) => {
    const own = themesOf.get(r.id) ?? [];
    const fields = [r.body, r.problem, r.solution, r.results, r.resources, r.transferability, r.difficulties];
    const places = [r.location, r.municipality, r.target_group].filter(Boolean).join(". ");
    return {
      id: r.id,
      kind: r.kind,
      slug: r.slug,
      title: r.title,
      summary: r.summary,
      text: [...fields.filter(Boolean).map((f) => markdownToText(f!)), places].filter(Boolean).join(" "),
      lessons: lessonsOf.get(r.id) ?? [],
      tags: tagsOf.get(r.id) ?? [],
      themes: own.map((t) => ({ slug: t.slug, name: t.name })),
      themeSlugs: [...new Set(own.flatMap((t) => (t.parent ? [t.slug, t.parent] : [t.slug])))],
      organisation: r.organisation,
      county: r.county,
      year: r.published_on ? Number(r.published_on.slice(0, 4)) : null,
      publishedOn: r.published_on,
      language: r.language,
      membersOnly: r.visibility === "members",
    };
  });
}

/**
 * A cheap fingerprint of everything the index is built from. A persisted index is reused only
 * when it matches, so a restart with unchanged data does not rebuild.
 */
export async function searchFingerprint(db: Kysely<Database>): Promise<string> {
  const [records, themes, organisations] = await Promise.all([
    db
      .selectFrom("records")
      .select((eb) => [
        eb.fn.countAll<number>().as("n"),
        eb.fn.sum<number>("version").as("versions"),
        eb.fn.max("updated_at").as("updated"),
        eb.fn.sum<number>("id").as("ids"),
      ])
      .where("status", "=", "published")
      .executeTakeFirstOrThrow(),
    db.selectFrom("themes").select(["id", "name", "parent_id"]).orderBy("id").execute(),
    db.selectFrom("organisations").select(["id", "name", "county"]).orderBy("id").execute(),
  ]);
  const { createHash } = await import("node:crypto");
  return createHash("sha256").update(JSON.stringify([records, themes, organisations])).digest("hex").slice(0, 32);
}
