import { sql, type Kysely } from "kysely";

import type { Database, RecordKind } from "../../db/schema";
import type { PathValues } from "../forms/path";
import type { Text } from "../i18n";
import { KIND_PATH } from "../utils/labels";
import { slugify } from "../utils/slug";
import { ConflictError, FieldErrors } from "./authoring.server";

/**
 * Editors write reading paths: ordered steps through records of any kind. Steps are rebuilt on
 * every save; readers' progress is kept per (path, record), so it survives reordering.
 */

const FOLDER_KIND = Object.fromEntries(Object.entries(KIND_PATH).map(([kind, folder]) => [folder, kind])) as Record<string, RecordKind>;

export async function getPathForm(db: Kysely<Database>, slug: string) {
  const path = await db
    .selectFrom("paths as p")
    .innerJoin("themes as t", "t.id", "p.theme_id")
    .select(["p.id", "p.slug", "p.title", "p.summary", "p.audience", "p.status", "p.version", "t.slug as theme"])
    .where("p.slug", "=", slug)
    .executeTakeFirst();
  if (!path) return null;
  const steps = await db
    .selectFrom("path_steps as s")
    .innerJoin("records as r", "r.id", "s.record_id")
    .select(["r.kind", "r.slug", "s.note", "s.optional"])
    .where("s.path_id", "=", path.id)
    .orderBy("s.position")
    .execute();
  const values: PathValues = {
    title: path.title,
    summary: path.summary,
    theme: path.theme,
    audience: path.audience,
    status: path.status,
    steps: steps.map((s) => ({ entry: `${KIND_PATH[s.kind]}/${s.slug}`, note: s.note, optional: s.optional === 1 })),
  };
  return { id: path.id, slug: path.slug, version: path.version, values };
}

/** Every record a step may point at, for the step picker; the editor marks the unpublished ones. */
export async function stepOptions(db: Kysely<Database>) {
  const rows = await db
    .selectFrom("records")
    .select(["kind", "slug", "title", "status", "language"])
    .where("status", "!=", "archived")
    .orderBy("kind")
    .orderBy("title")
    .execute();
  return rows.map((r) => ({ value: `${KIND_PATH[r.kind]}/${r.slug}`, label: r.title, lang: r.language, published: r.status === "published", kind: r.kind }));
}

async function resolve(db: Kysely<Database>, values: PathValues) {
  const errors: Record<string, Text[]> = {};
  const theme = await db.selectFrom("themes").select("id").where("slug", "=", values.theme).executeTakeFirst();
  if (!theme) errors.theme = [{ sv: "Okänt tema.", en: "Unknown theme." }];
  const recordIds: number[] = [];
  for (const [i, step] of values.steps.entries()) {
    const [folder, slug] = step.entry.split("/");
    const row = await db.selectFrom("records").select("id").where("kind", "=", FOLDER_KIND[folder]).where("slug", "=", slug).executeTakeFirst();
    if (!row) errors[`steps[${i}].entry`] = [{ sv: "Materialet finns inte.", en: "That material does not exist." }];
    else if (recordIds.includes(row.id)) {
      errors[`steps[${i}].entry`] = [{ sv: "Materialet finns redan i lärvägen.", en: "That material is already in the path." }];
    }
    recordIds.push(row?.id ?? -1);
  }
  if (Object.keys(errors).length) throw new FieldErrors(errors);
  return { themeId: theme!.id, recordIds };
}

async function writeSteps(db: Kysely<Database>, pathId: number, values: PathValues, recordIds: number[]) {
  await db.deleteFrom("path_steps").where("path_id", "=", pathId).execute();
  await db
    .insertInto("path_steps")
    .values(values.steps.map((s, position) => ({ path_id: pathId, position, record_id: recordIds[position], note: s.note, optional: s.optional ? 1 : 0 })))
    .execute();
}

export async function createPath(db: Kysely<Database>, { values, userId }: { values: PathValues; userId: number }): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const { themeId, recordIds } = await resolve(trx, values);
    const base = slugify(values.title);
    const taken = new Set((await trx.selectFrom("paths").select("slug").where("slug", "like", `${base}%`).execute()).map((r) => r.slug));
    let slug = base;
    for (let n = 2; taken.has(slug) || slug === "new"; n++) slug = `${base}-${n}`;
    const { id } = await trx
      .insertInto("paths")
      .values({ slug, title: values.title, summary: values.summary, audience: values.audience, theme_id: themeId, status: values.status, created_by: userId })
      .returning("id")
      .executeTakeFirstOrThrow();
    await writeSteps(trx, id, values, recordIds);
    return slug;
  });
}

/** Saves over a path if nobody saved since `expectedVersion`; otherwise ConflictError and nothing written. */
export async function savePath(db: Kysely<Database>, { id, values, expectedVersion }: { id: number; values: PathValues; expectedVersion: number }) {
  await db.transaction().execute(async (trx) => {
    const { themeId, recordIds } = await resolve(trx, values);
    const result = await trx
      .updateTable("paths")
      .set({
        title: values.title,
        summary: values.summary,
        audience: values.audience,
        theme_id: themeId,
        status: values.status,
        version: expectedVersion + 1,
        updated_at: sql<string>`CURRENT_TIMESTAMP`,
      })
      .where("id", "=", id)
      .where("version", "=", expectedVersion)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw new ConflictError();
    await writeSteps(trx, id, values, recordIds);
  });
}
