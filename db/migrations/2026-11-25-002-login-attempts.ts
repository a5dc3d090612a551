import type { Kysely } from "kysely";

/**
 * Failed sign-ins, kept so that guessing passwords is slowed down per account and per address
 * (issue 4). Only failures are stored; a successful sign-in clears the account's failures.
 * Frozen: later changes get their own migration.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("login_attempts")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("address", "text", (c) => c.notNull())
    // ISO 8601 in UTC, written by the application so comparisons stay portable.
    .addColumn("attempted_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("login_attempts_email").on("login_attempts").columns(["email", "attempted_at"]).execute();
  await db.schema
    .createIndex("login_attempts_address")
    .on("login_attempts")
    .columns(["address", "attempted_at"])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("login_attempts").execute();
}
