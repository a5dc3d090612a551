import type { Kysely } from "kysely";

import type { County, Database, OrganisationKind } from "../../db/schema";
import { slugify } from "../utils/slug";
import { FieldErrors } from "./authoring.server";

/**
 * Editors' upkeep of the two directories every record points into: themes (two levels) and
 * organisations. Slugs are made from the name once and then kept, so links never break. Nothing
 * is deleted here: a theme or organisation that records use could not be, and unused ones harm
 * nobody.
 */

async function freeSlug(db: Kysely<Database>, table: "themes" | "organisations", name: string): Promise<string> {
  const base = slugify(name);
  const taken = new Set((await db.selectFrom(table).select("slug").where("slug", "like", `${base}%`).execute()).map((r) => r.slug));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

export interface ThemeInput {
  name: string;
  name_en: string;
  summary: string;
  parent?: string;
  position: number;
}

/**
 * The parent's id and level checks: a parent must be a top theme, and a theme with children stays
 * on top. Refusals are FieldErrors in both languages (`error.in(t)`).
 */
async function parentOf(db: Kysely<Database>, input: ThemeInput, selfId?: number) {
  if (!input.parent) return { parent_id: null, parent_level: null, level: 1 as const };
  const parent = await db.selectFrom("themes").select(["id", "level"]).where("slug", "=", input.parent).executeTakeFirst();
  if (!parent || parent.id === selfId) throw new FieldErrors({ parent: [{ sv: "Välj ett annat överordnat tema.", en: "Choose a different parent theme." }] });
  if (parent.level !== 1) {
    throw new FieldErrors({ parent: [{ sv: "Teman har bara två nivåer: välj ett tema på översta nivån.", en: "Themes have only two levels: choose a top-level theme." }] });
  }
  if (selfId !== undefined) {
    const child = await db.selectFrom("themes").select("id").where("parent_id", "=", selfId).executeTakeFirst();
    if (child) {
      throw new FieldErrors({
        parent: [{ sv: "Temat har egna underteman och måste ligga på översta nivån.", en: "This theme has subthemes of its own, so it must stay at the top level." }],
      });
    }
  }
  return { parent_id: parent.id, parent_level: 1 as const, level: 2 as const };
}

export async function createTheme(db: Kysely<Database>, input: ThemeInput): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const slug = await freeSlug(trx, "themes", input.name);
    await trx
      .insertInto("themes")
      .values({ slug, name: input.name, name_en: input.name_en, summary: input.summary, position: input.position, ...(await parentOf(trx, input)) })
      .execute();
    return slug;
  });
}

export async function updateTheme(db: Kysely<Database>, slug: string, input: ThemeInput): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const theme = await trx.selectFrom("themes").select("id").where("slug", "=", slug).executeTakeFirst();
    if (!theme) return false;
    await trx
      .updateTable("themes")
      .set({ name: input.name, name_en: input.name_en, summary: input.summary, position: input.position, ...(await parentOf(trx, input, theme.id)) })
      .where("id", "=", theme.id)
      .execute();
    return true;
  });
}

export async function getThemeForm(db: Kysely<Database>, slug: string) {
  const row = await db
    .selectFrom("themes as t")
    .leftJoin("themes as p", "p.id", "t.parent_id")
    .select(["t.slug", "t.name", "t.name_en", "t.summary", "t.position", "p.slug as parent"])
    .where("t.slug", "=", slug)
    .executeTakeFirst();
  return row ? { ...row, parent: row.parent ?? undefined } : null;
}

export interface OrganisationInput {
  name: string;
  kind: OrganisationKind;
  municipality: string;
  county: County;
}

export async function createOrganisation(db: Kysely<Database>, input: OrganisationInput): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const slug = await freeSlug(trx, "organisations", input.name);
    await trx.insertInto("organisations").values({ slug, ...input }).execute();
    return slug;
  });
}

export async function updateOrganisation(db: Kysely<Database>, slug: string, input: OrganisationInput): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const result = await trx.updateTable("organisations").set(input).where("slug", "=", slug).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  });
}

export async function listOrganisations(db: Kysely<Database>) {
  return db.selectFrom("organisations").select(["slug", "name", "kind", "municipality", "county"]).orderBy("name").execute();
}

export async function getOrganisationForm(db: Kysely<Database>, slug: string) {
  return (await db.selectFrom("organisations").select(["slug", "name", "kind", "municipality", "county"]).where("slug", "=", slug).executeTakeFirst()) ?? null;
}

/** Records whose search entry shows this theme (directly or as a child's parent): to reindex after an edit. */
export async function recordIdsOfTheme(db: Kysely<Database>, slug: string): Promise<number[]> {
  const rows = await db
    .selectFrom("record_themes as rt")
    .innerJoin("themes as t", "t.id", "rt.theme_id")
    .leftJoin("themes as p", "p.id", "t.parent_id")
    .select("rt.record_id")
    .where((eb) => eb.or([eb("t.slug", "=", slug), eb("p.slug", "=", slug)]))
    .distinct()
    .execute();
  return rows.map((r) => r.record_id);
}

/** Records that name this organisation (as theirs, organiser or provider): to reindex after an edit. */
export async function recordIdsOfOrganisation(db: Kysely<Database>, slug: string): Promise<number[]> {
  const rows = await db
    .selectFrom("records as r")
    .innerJoin("organisations as o", "o.id", "r.organisation_id")
    .select("r.id")
    .where("o.slug", "=", slug)
    .execute();
  return rows.map((r) => r.id);
}
