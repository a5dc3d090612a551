import { sql, type Kysely } from "kysely";

/**
 * Maturity self-assessments (processmognad): a questionnaire per theme, each question with five
 * answers for levels 1 to 5, and the results signed-in readers keep. Frozen.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("assessment_questions")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("theme_id", "integer", (c) => c.notNull().references("themes.id").onDelete("cascade"))
    .addColumn("position", "integer", (c) => c.notNull().check(sql`position >= 0`))
    .addColumn("text", "text", (c) => c.notNull().check(sql`length(text) > 0`))
    .addColumn("level_1", "text", (c) => c.notNull().check(sql`length(level_1) > 0`))
    .addColumn("level_2", "text", (c) => c.notNull().check(sql`length(level_2) > 0`))
    .addColumn("level_3", "text", (c) => c.notNull().check(sql`length(level_3) > 0`))
    .addColumn("level_4", "text", (c) => c.notNull().check(sql`length(level_4) > 0`))
    .addColumn("level_5", "text", (c) => c.notNull().check(sql`length(level_5) > 0`))
    .addUniqueConstraint("assessment_questions_position", ["theme_id", "position"])
    .execute();

  // The introduction a questionnaire opens with; one row per theme that has one.
  await db.schema
    .createTable("assessments")
    .addColumn("theme_id", "integer", (c) => c.primaryKey().references("themes.id").onDelete("cascade"))
    .addColumn("intro", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1).check(sql`version >= 1`))
    .execute();

  await db.schema
    .createTable("assessment_results")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("theme_id", "integer", (c) => c.notNull().references("themes.id").onDelete("cascade"))
    .addColumn("level", "integer", (c) => c.notNull().check(sql`level between 1 and 5`))
    // The answers as given, a JSON list of levels in question order, for the reader's history.
    .addColumn("answers", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(sql`CURRENT_TIMESTAMP`))
    .execute();
  await db.schema
    .createIndex("assessment_results_user_theme")
    .on("assessment_results")
    .columns(["user_id", "theme_id"])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("assessment_results").execute();
  await db.schema.dropTable("assessments").execute();
  await db.schema.dropTable("assessment_questions").execute();
}
