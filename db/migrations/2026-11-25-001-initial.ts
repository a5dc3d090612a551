import { sql, type Kysely } from "kysely";

/**
 * The whole data model of DESIGN.md. Frozen: later changes get their own migration.
 *
 * Record kinds share one `records` table (title, summary, body, workflow) with a details table
 * per kind; see docs/decisions/001-records-share-one-table.md. Several foreign keys carry the
 * referenced row's kind or level as a second column so the database itself refuses, say, a
 * lesson on a practice or a theme three levels deep.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // Portable SQL only (PostgreSQL is a later target): no GLOB, no SQLite date functions.
  const now = sql`CURRENT_TIMESTAMP`;

  await db.schema
    .createTable("organisations")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull().check(sql`length(name) > 0`))
    .addColumn("kind", "text", (c) =>
      c.notNull().check(sql`kind in ('company', 'municipality', 'region', 'academy', 'cluster', 'other')`),
    )
    .addColumn("municipality", "text", (c) => c.notNull())
    .addColumn("county", "text", (c) => c.notNull().check(sql`county in ('Dalarna', 'Gävleborg', 'Värmland')`))
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .execute();

  await db.schema
    .createTable("users")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("email", "text", (c) => c.notNull().unique().check(sql`email = lower(email) and email like '%_@_%'`))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) =>
      c.notNull().check(sql`role in ('member', 'contributor', 'organiser', 'editor', 'admin')`),
    )
    .addColumn("organisation_id", "integer", (c) => c.references("organisations.id").onDelete("set null"))
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("disabled_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .execute();

  await db.schema
    .createTable("sessions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("expires_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("sessions_user_id").on("sessions").column("user_id").execute();

  // Two levels: a top theme has level 1 and no parent; a child has level 2 and its parent's
  // (parent_id, parent_level) must match a row of level 1.
  await db.schema
    .createTable("themes")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull().check(sql`length(name) > 0`))
    .addColumn("name_en", "text", (c) => c.notNull())
    .addColumn("summary", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("position", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("level", "integer", (c) => c.notNull())
    .addColumn("parent_id", "integer")
    .addColumn("parent_level", "integer")
    .addUniqueConstraint("themes_id_level", ["id", "level"])
    .addForeignKeyConstraint("themes_parent", ["parent_id", "parent_level"], "themes", ["id", "level"], (c) =>
      c.onDelete("restrict"),
    )
    .addCheckConstraint(
      "themes_two_levels",
      sql`(parent_id is null and parent_level is null and level = 1)
        or (parent_id is not null and parent_level = 1 and level = 2)`,
    )
    .execute();

  await db.schema
    .createTable("records")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('practice', 'event', 'activity')`))
    .addColumn("slug", "text", (c) => c.notNull().check(sql`length(slug) > 0`))
    .addColumn("title", "text", (c) => c.notNull().check(sql`length(title) > 0`))
    .addColumn("summary", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("language", "text", (c) => c.notNull().defaultTo("sv").check(sql`language in ('sv', 'en')`))
    .addColumn("status", "text", (c) =>
      c.notNull().defaultTo("draft").check(sql`status in ('draft', 'review', 'published', 'archived')`),
    )
    .addColumn("visibility", "text", (c) =>
      c.notNull().defaultTo("public").check(sql`visibility in ('public', 'members')`),
    )
    // The practice's organisation, the event's organiser or the activity's provider.
    .addColumn("organisation_id", "integer", (c) => c.notNull().references("organisations.id").onDelete("restrict"))
    .addColumn("published_on", "text")
    .addColumn("review_by", "text")
    .addColumn("review_comment", "text")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1).check(sql`version >= 1`))
    .addColumn("created_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "text", (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint("records_kind_slug", ["kind", "slug"])
    .addUniqueConstraint("records_id_kind", ["id", "kind"])
    .addCheckConstraint("records_published_dated", sql`status <> 'published' or published_on is not null`)
    .execute();
  await db.schema.createIndex("records_status_published").on("records").columns(["status", "published_on"]).execute();
  await db.schema.createIndex("records_organisation").on("records").column("organisation_id").execute();

  const detailsTable = (name: string, kind: string) =>
    db.schema
      .createTable(name)
      .addColumn("record_id", "integer", (c) => c.primaryKey())
      .addColumn("kind", "text", (c) => c.notNull().defaultTo(kind).check(sql.raw(`kind = '${kind}'`)))
      .addForeignKeyConstraint(`${name}_record`, ["record_id", "kind"], "records", ["id", "kind"], (c) =>
        c.onDelete("cascade"),
      );

  await detailsTable("practice_details", "practice")
    .addColumn("problem", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("solution", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("results", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("resources", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("transferability", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("difficulties", "text", (c) => c.notNull().defaultTo(""))
    .execute();

  await detailsTable("event_details", "event")
    .addColumn("type", "text", (c) =>
      c
        .notNull()
        .check(sql`type in ('workshop', 'exchange', 'study-visit', 'seminar', 'network-meeting', 'webinar')`),
    )
    .addColumn("starts_on", "text", (c) => c.notNull())
    .addColumn("ends_on", "text")
    .addColumn("location", "text", (c) => c.notNull())
    .addColumn("municipality", "text", (c) => c.notNull())
    .addColumn("participant_count", "integer", (c) => c.notNull().check(sql`participant_count >= 0`))
    .addCheckConstraint("event_dates_in_order", sql`ends_on is null or ends_on >= starts_on`)
    .execute();

  await detailsTable("activity_details", "activity")
    .addColumn("format", "text", (c) => c.notNull().check(sql`format in ('on-site', 'online', 'hybrid')`))
    .addColumn("level", "text", (c) => c.notNull().check(sql`level in ('intro', 'intermediate', 'advanced')`))
    .addColumn("hours", "real", (c) => c.notNull().check(sql`hours > 0`))
    .addColumn("target_group", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("starts_on", "text")
    .addColumn("ends_on", "text")
    .addCheckConstraint("activity_dates_in_order", sql`ends_on is null or ends_on >= starts_on`)
    .execute();

  await db.schema
    .createTable("record_themes")
    .addColumn("record_id", "integer", (c) => c.notNull().references("records.id").onDelete("cascade"))
    .addColumn("theme_id", "integer", (c) => c.notNull().references("themes.id").onDelete("restrict"))
    .addPrimaryKeyConstraint("record_themes_pk", ["record_id", "theme_id"])
    .execute();
  await db.schema.createIndex("record_themes_theme").on("record_themes").column("theme_id").execute();

  await db.schema
    .createTable("record_tags")
    .addColumn("record_id", "integer", (c) => c.notNull().references("records.id").onDelete("cascade"))
    .addColumn("tag", "text", (c) => c.notNull().check(sql`length(tag) > 0 and tag = lower(tag)`))
    .addPrimaryKeyConstraint("record_tags_pk", ["record_id", "tag"])
    .execute();
  await db.schema.createIndex("record_tags_tag").on("record_tags").column("tag").execute();

  await db.schema
    .createTable("activity_skills")
    .addColumn("record_id", "integer", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull().defaultTo("activity").check(sql`kind = 'activity'`))
    .addColumn("skill", "text", (c) => c.notNull().check(sql`length(skill) > 0`))
    .addPrimaryKeyConstraint("activity_skills_pk", ["record_id", "skill"])
    .addForeignKeyConstraint("activity_skills_record", ["record_id", "kind"], "records", ["id", "kind"], (c) =>
      c.onDelete("cascade"),
    )
    .execute();

  await db.schema
    .createTable("lessons")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("event_id", "integer", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull().defaultTo("event").check(sql`kind = 'event'`))
    .addColumn("position", "integer", (c) => c.notNull().check(sql`position >= 0`))
    .addColumn("text", "text", (c) => c.notNull().check(sql`length(trim(text)) > 0`))
    .addUniqueConstraint("lessons_event_position", ["event_id", "position"])
    .addForeignKeyConstraint("lessons_event", ["event_id", "kind"], "records", ["id", "kind"], (c) =>
      c.onDelete("cascade"),
    )
    .execute();

  await db.schema
    .createTable("event_participants")
    .addColumn("event_id", "integer", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull().defaultTo("event").check(sql`kind = 'event'`))
    .addColumn("organisation_id", "integer", (c) => c.notNull().references("organisations.id").onDelete("restrict"))
    .addPrimaryKeyConstraint("event_participants_pk", ["event_id", "organisation_id"])
    .addForeignKeyConstraint("event_participants_event", ["event_id", "kind"], "records", ["id", "kind"], (c) =>
      c.onDelete("cascade"),
    )
    .execute();

  // Typed links between records. adopted_from: a practice took up another practice (the
  // learning cycle's "apply"). from_event: a practice grew out of an event, optionally one lesson.
  await db.schema
    .createTable("record_links")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("type", "text", (c) => c.notNull().check(sql`type in ('adopted_from', 'from_event')`))
    .addColumn("from_id", "integer", (c) => c.notNull())
    .addColumn("from_kind", "text", (c) => c.notNull())
    .addColumn("to_id", "integer", (c) => c.notNull())
    .addColumn("to_kind", "text", (c) => c.notNull())
    .addColumn("lesson_id", "integer", (c) => c.references("lessons.id").onDelete("set null"))
    .addUniqueConstraint("record_links_unique", ["type", "from_id", "to_id"])
    .addForeignKeyConstraint("record_links_from", ["from_id", "from_kind"], "records", ["id", "kind"], (c) =>
      c.onDelete("cascade"),
    )
    .addForeignKeyConstraint("record_links_to", ["to_id", "to_kind"], "records", ["id", "kind"], (c) =>
      c.onDelete("cascade"),
    )
    .addCheckConstraint("record_links_not_self", sql`from_id <> to_id`)
    .addCheckConstraint(
      "record_links_kinds",
      sql`(type = 'adopted_from' and from_kind = 'practice' and to_kind = 'practice' and lesson_id is null)
        or (type = 'from_event' and from_kind = 'practice' and to_kind = 'event')`,
    )
    .execute();
  await db.schema.createIndex("record_links_to").on("record_links").columns(["to_id", "type"]).execute();

  await db.schema
    .createTable("paths")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("slug", "text", (c) => c.notNull().unique().check(sql`length(slug) > 0`))
    .addColumn("title", "text", (c) => c.notNull().check(sql`length(title) > 0`))
    .addColumn("summary", "text", (c) => c.notNull())
    .addColumn("audience", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("theme_id", "integer", (c) => c.notNull().references("themes.id").onDelete("restrict"))
    .addColumn("status", "text", (c) =>
      c.notNull().defaultTo("draft").check(sql`status in ('draft', 'published', 'archived')`),
    )
    .addColumn("created_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "text", (c) => c.notNull().defaultTo(now))
    .execute();

  await db.schema
    .createTable("path_steps")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("path_id", "integer", (c) => c.notNull().references("paths.id").onDelete("cascade"))
    .addColumn("position", "integer", (c) => c.notNull().check(sql`position >= 0`))
    .addColumn("record_id", "integer", (c) => c.notNull().references("records.id").onDelete("cascade"))
    .addColumn("note", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("optional", "integer", (c) => c.notNull().defaultTo(0).check(sql`optional in (0, 1)`))
    .addUniqueConstraint("path_steps_position", ["path_id", "position"])
    .addUniqueConstraint("path_steps_record", ["path_id", "record_id"])
    .execute();

  // Progress is kept per (reader, path, record), not per step row, so reordering or rebuilding a
  // path's steps keeps what a reader has done, and a removed step just drops out.
  await db.schema
    .createTable("path_progress")
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("path_id", "integer", (c) => c.notNull().references("paths.id").onDelete("cascade"))
    .addColumn("record_id", "integer", (c) => c.notNull().references("records.id").onDelete("cascade"))
    .addColumn("done_at", "text", (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint("path_progress_pk", ["user_id", "path_id", "record_id"])
    .execute();

  // Every save of a record keeps a full snapshot (JSON) so history can diff and restore.
  await db.schema
    .createTable("revisions")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("record_id", "integer", (c) => c.notNull().references("records.id").onDelete("cascade"))
    .addColumn("version", "integer", (c) => c.notNull().check(sql`version >= 1`))
    .addColumn("author_id", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("snapshot", "text", (c) => c.notNull())
    .addColumn("note", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint("revisions_record_version", ["record_id", "version"])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "revisions",
    "path_progress",
    "path_steps",
    "paths",
    "record_links",
    "event_participants",
    "lessons",
    "activity_skills",
    "record_tags",
    "record_themes",
    "activity_details",
    "event_details",
    "practice_details",
    "records",
    "themes",
    "sessions",
    "users",
    "organisations",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
