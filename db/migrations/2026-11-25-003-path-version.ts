import type { Kysely } from "kysely";

/**
 * Reading paths get the same optimistic lock as records: editing a path sends the version it
 * was loaded at, and a save against an older version is refused (issue 4). Frozen.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("paths").addColumn("version", "integer", (c) => c.notNull().defaultTo(1)).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("paths").dropColumn("version").execute();
}
