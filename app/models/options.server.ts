import type { Kysely } from "kysely";

import type { Database } from "../../db/schema";

export interface Option {
  value: string;
  label: string;
  indent?: boolean;
}

/** Themes as the picker lists them: each top theme followed by its children, indented. */
export async function themeOptions(db: Kysely<Database>): Promise<Option[]> {
  const themes = await db.selectFrom("themes").select(["id", "slug", "name", "parent_id"]).orderBy("position").orderBy("name").execute();
  return themes
    .filter((t) => t.parent_id === null)
    .flatMap((top) => [
      { value: top.slug, label: top.name },
      ...themes.filter((t) => t.parent_id === top.id).map((c) => ({ value: c.slug, label: c.name, indent: true })),
    ]);
}

/** Organisations by name; `onlyId` narrows to one (a writer's own). */
export async function organisationOptions(db: Kysely<Database>, { onlyId }: { onlyId?: number | null } = {}): Promise<Option[]> {
  const rows = await db
    .selectFrom("organisations")
    .select(["slug", "name", "municipality"])
    .$if(onlyId !== undefined, (q) => q.where("id", "=", onlyId ?? -1))
    .orderBy("name")
    .execute();
  return rows.map((o) => ({ value: o.slug, label: `${o.name} (${o.municipality})` }));
}

/** The most used tags, offered beside the tag field so writers reuse them rather than invent near-copies. */
export async function popularTags(db: Kysely<Database>, limit = 15): Promise<string[]> {
  const rows = await db
    .selectFrom("record_tags")
    .select(["tag", (eb) => eb.fn.countAll<number>().as("n")])
    .groupBy("tag")
    .orderBy("n", "desc")
    .orderBy("tag")
    .limit(limit)
    .execute();
  return rows.map((r) => r.tag);
}

/** Records of a kind by title (archived ones left out), for the practice form's link pickers. */
export async function recordOptions(db: Kysely<Database>, kind: "practice" | "event"): Promise<Option[]> {
  const rows = await db
    .selectFrom("records")
    .select(["slug", "title"])
    .where("kind", "=", kind)
    .where("status", "!=", "archived")
    .orderBy("title")
    .execute();
  return rows.map((r) => ({ value: r.slug, label: r.title }));
}

/**
 * The lessons of an event (by slug, whatever its status), for the practice form's lesson picker.
 * Long lessons are cut in the label; the value is the lesson's id.
 */
export async function lessonOptions(db: Kysely<Database>, eventSlug: string | undefined): Promise<Option[]> {
  if (!eventSlug) return [];
  const rows = await db
    .selectFrom("lessons as l")
    .innerJoin("records as r", "r.id", "l.event_id")
    .select(["l.id", "l.text"])
    .where("r.kind", "=", "event")
    .where("r.slug", "=", eventSlug)
    .orderBy("l.position")
    .execute();
  return rows.map((l) => ({ value: String(l.id), label: l.text.length > 100 ? `${l.text.slice(0, 99).trimEnd()}…` : l.text }));
}
