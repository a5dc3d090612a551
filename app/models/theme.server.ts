import type { Kysely } from "kysely";

import type { Database, Language } from "../../db/schema";
import type { Access } from "../utils/access.server";
import { lessonsOf, type Lesson } from "./event.server";
import { findRecords, visibleTo, type RecordSummary } from "./record.server";

export interface ThemeItem {
  id: number;
  slug: string;
  name: string;
  nameEn: string;
  summary: string;
  /** Visible records linked to the theme itself or, for a top theme, its children. */
  recordCount: number;
}

export interface ThemeNode extends ThemeItem {
  children: ThemeItem[];
}

/** The two-level theme tree in its curated order, with record counts. */
export async function listThemeTree(db: Kysely<Database>, { access }: { access: Access }): Promise<ThemeNode[]> {
  const themes = await db
    .selectFrom("themes")
    .select(["id", "slug", "name", "name_en", "summary", "parent_id"])
    .orderBy("position")
    .orderBy("name")
    .execute();
  const links = await db
    .selectFrom("record_themes as rt")
    .innerJoin("records as r", "r.id", "rt.record_id")
    .select(["rt.theme_id", "rt.record_id"])
    .where(visibleTo(access))
    .execute();
  const recordsOf = new Map<number, Set<number>>();
  for (const { theme_id, record_id } of links) {
    recordsOf.set(theme_id, (recordsOf.get(theme_id) ?? new Set()).add(record_id));
  }
  const item = (t: (typeof themes)[number], ids: Set<number>): ThemeItem => ({
    id: t.id,
    slug: t.slug,
    name: t.name,
    nameEn: t.name_en,
    summary: t.summary,
    recordCount: ids.size,
  });
  return themes
    .filter((t) => t.parent_id === null)
    .map((top) => {
      const children = themes.filter((t) => t.parent_id === top.id);
      const all = new Set(recordsOf.get(top.id));
      for (const child of children) for (const id of recordsOf.get(child.id) ?? []) all.add(id);
      return {
        ...item(top, all),
        children: children.map((c) => item(c, recordsOf.get(c.id) ?? new Set())),
      };
    });
}

export interface ThemeDetail {
  id: number;
  slug: string;
  name: string;
  nameEn: string;
  summary: string;
  parent: { slug: string; name: string; nameEn: string } | null;
  children: { slug: string; name: string; nameEn: string }[];
}

export async function getTheme(db: Kysely<Database>, { slug }: { slug: string }): Promise<ThemeDetail | null> {
  const theme = await db
    .selectFrom("themes as t")
    .leftJoin("themes as p", "p.id", "t.parent_id")
    .select(["t.id", "t.slug", "t.name", "t.name_en", "t.summary", "p.slug as parent_slug", "p.name as parent_name", "p.name_en as parent_name_en"])
    .where("t.slug", "=", slug)
    .executeTakeFirst();
  if (!theme) return null;
  const children = await db
    .selectFrom("themes")
    .select(["slug", "name", "name_en"])
    .where("parent_id", "=", theme.id)
    .orderBy("position")
    .execute();
  return {
    id: theme.id,
    slug: theme.slug,
    name: theme.name,
    nameEn: theme.name_en,
    summary: theme.summary,
    parent: theme.parent_slug && theme.parent_name ? { slug: theme.parent_slug, name: theme.parent_name, nameEn: theme.parent_name_en ?? "" } : null,
    children: children.map((c) => ({ slug: c.slug, name: c.name, nameEn: c.name_en })),
  };
}

export async function themeExists(db: Kysely<Database>, slug: string): Promise<boolean> {
  return !!(await db.selectFrom("themes").select("id").where("slug", "=", slug).executeTakeFirst());
}

export interface LearningCycle {
  /** Practices to be inspired by. */
  inspire: RecordSummary[];
  /** Events and what was learned there. */
  exchange: (RecordSummary & { lessons: Lesson[] })[];
  /** Competence-development activities. */
  develop: RecordSummary[];
  /** Practices that took up another practice: the cycle closing. */
  apply: (RecordSummary & { adoptedFrom: { slug: string; title: string; language: Language } })[];
}

/**
 * A theme's material as one learning cycle: inspire → exchange → develop → apply. A practice
 * that reports having adopted another belongs to "apply", the others to "inspire".
 */
export async function getLearningCycle(
  db: Kysely<Database>,
  { slug, access }: { slug: string; access: Access },
): Promise<LearningCycle> {
  const records = await findRecords(db, { access, filters: { theme: slug } });
  const practiceIds = records.filter((r) => r.kind === "practice").map((r) => r.id);
  const adoptions = practiceIds.length
    ? await db
        .selectFrom("record_links as l")
        .innerJoin("records as r", "r.id", "l.to_id")
        .select(["l.from_id", "r.slug", "r.title", "r.language"])
        .where("l.type", "=", "adopted_from")
        .where("l.from_id", "in", practiceIds)
        .where(visibleTo(access))
        .execute()
    : [];
  const adoptedFrom = new Map(adoptions.map((a) => [a.from_id, { slug: a.slug, title: a.title, language: a.language }]));
  const events = records.filter((r) => r.kind === "event");
  const lessons = await lessonsOf(
    db,
    events.map((e) => e.id),
  );
  return {
    inspire: records.filter((r) => r.kind === "practice" && !adoptedFrom.has(r.id)),
    exchange: events.map((e) => ({ ...e, lessons: lessons.get(e.id) ?? [] })),
    develop: records.filter((r) => r.kind === "activity"),
    apply: records.flatMap((r) => {
      const from = adoptedFrom.get(r.id);
      return from ? [{ ...r, adoptedFrom: from }] : [];
    }),
  };
}

/** How many records of each stage a suggested path takes, in stage order. */
const SUGGESTED_STEPS = { inspire: 2, exchange: 2, develop: 1, apply: 1 } as const;

/**
 * A reading path made from a theme's own material where no editor has curated one: the newest
 * records of each stage of the cycle, in stage order (inspire, exchange, develop, apply).
 */
export function suggestedPath(cycle: LearningCycle): { stage: keyof LearningCycle; record: RecordSummary }[] {
  return (Object.keys(SUGGESTED_STEPS) as (keyof LearningCycle)[]).flatMap((stage) =>
    cycle[stage].slice(0, SUGGESTED_STEPS[stage]).map((record) => ({ stage, record })),
  );
}
