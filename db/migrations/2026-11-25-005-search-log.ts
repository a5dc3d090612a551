import type { Kysely } from "kysely";

/**
 * Searches that found nothing, counted per normalised term for the editors' dashboard (issue 7).
 * Only a count and the time of the last one: no visitor, no address. One row per distinct term,
 * and the application keeps the table capped (see app/models/dashboard.server.ts), so anonymous
 * searches cannot fill it without bound. Frozen: later changes get their own migration.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("search_misses")
    .addColumn("term", "text", (c) => c.primaryKey())
    .addColumn("count", "integer", (c) => c.notNull().defaultTo(1))
    // ISO 8601 in UTC, written by the application so comparisons stay portable.
    .addColumn("last_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("search_misses_last_at").on("search_misses").column("last_at").execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("search_misses").execute();
}
