import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { unzipSync } from "fflate";
import { sql, type Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { migrateToLatest } from "../db/migrator";
import type { Database } from "../db/schema";
import { loadSeedDirectory } from "../seeds/loader";
import { exportSeeds, exportZip } from "~/models/export.server";
import { loader as zipLoader } from "~/routes/manage.export[.]zip";
import { closeDb, getDb } from "~/utils/db.server";
import { addUser, getRequest, respond, signInCookie } from "./helpers/auth";
import { createSeededDb, createTestDb, DEMO_SEEDS } from "./helpers/db";

/**
 * Issue 7's "done when": the demo content, exported as a zip in the seeds format and loaded into
 * an empty database, gives the same database back, table by table (ids and timestamps aside).
 */

type Db = Kysely<Database>;
const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function seeded() {
  const t = await createSeededDb();
  cleanups.push(t.destroy);
  return t.db;
}
async function empty() {
  const t = await createTestDb();
  cleanups.push(t.destroy);
  return t.db;
}

/** Unzips into a fresh temporary directory and returns it. */
function unzipTo(zip: Uint8Array): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lardom-export-"));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  for (const [name, data] of Object.entries(unzipSync(zip))) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), data);
  }
  return dir;
}

/**
 * Every table as rows with ids replaced by natural keys (slugs, kind/slug, email, event#position)
 * through the foreign keys SQLite reports, without `id`, `created_at` and `updated_at`, sorted.
 * Generic on purpose: a table added later is compared too.
 */
async function dump(db: Db): Promise<Record<string, string[]>> {
  const tables = (
    await sql<{ name: string }>`select name from sqlite_master where type = 'table'
      and name not like 'sqlite_%' and name not like 'kysely_%' order by name`.execute(db)
  ).rows.map((r) => r.name);
  const rowsOf = async (table: string) => (await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db)).rows;

  const keys = new Map<string, Map<unknown, string>>();
  const keyed = async (table: string, key: (row: Record<string, unknown>) => string) =>
    keys.set(table, new Map((await rowsOf(table)).map((r) => [r.id, key(r)])));
  await keyed("records", (r) => `${r.kind}/${r.slug}`);
  await keyed("lessons", (r) => `${keys.get("records")!.get(r.event_id)}#${r.position}`);
  for (const table of ["themes", "organisations", "paths"]) await keyed(table, (r) => String(r.slug));
  await keyed("users", (r) => String(r.email));

  const result: Record<string, string[]> = {};
  for (const table of tables) {
    const fks = (await sql<{ table: string; from: string; to: string | null }>`select * from pragma_foreign_key_list(${table})`.execute(db)).rows;
    result[table] = (await rowsOf(table))
      .map((row) => {
        const out: Record<string, unknown> = { ...row };
        for (const fk of fks) {
          if ((fk.to ?? "id") !== "id" || out[fk.from] === null) continue;
          const map = keys.get(fk.table);
          if (!map) throw new Error(`no natural key for ${fk.table} (${table}.${fk.from})`);
          out[fk.from] = map.get(row[fk.from]) ?? `?${String(row[fk.from])}`;
        }
        delete out.id;
        delete out.created_at;
        delete out.updated_at;
        return JSON.stringify(out);
      })
      .sort();
  }
  return result;
}

describe("export in the seeds format", () => {
  let original: Db;
  let restored: Db;
  let files: Record<string, string>;

  beforeAll(async () => {
    original = await seeded();
    const { zip, omitted } = await exportZip(original);
    expect(omitted).toEqual([]);
    const dir = unzipTo(zip);
    restored = await empty();
    await loadSeedDirectory(restored, dir);
    files = (await exportSeeds(original)).files;
  }, 60_000);

  it("writes every part of the seeds format", () => {
    const names = Object.keys(files);
    expect(names).toEqual(expect.arrayContaining(["themes.yaml", "organisations.yaml", "assessments.yaml"]));
    for (const folder of ["practices", "events", "activities", "paths"]) {
      const inDemo = fs.readdirSync(path.resolve("seeds", folder)).sort();
      expect(names.filter((n) => n.startsWith(`${folder}/`)).map((n) => n.slice(folder.length + 1)).sort(), folder).toEqual(inDemo);
    }
  });

  it("loads into an empty database as the same content, table by table", async () => {
    const [before, after] = [await dump(original), await dump(restored)];
    expect(Object.keys(after)).toEqual(Object.keys(before));
    for (const table of Object.keys(before)) expect(after[table], table).toEqual(before[table]);
    // The comparison is not vacuous: the demo has all of these.
    for (const table of ["records", "themes", "organisations", "record_themes", "record_tags", "lessons", "event_participants",
      "record_links", "activity_skills", "paths", "path_steps", "assessment_questions", "revisions"]) {
      expect(before[table].length, table).toBeGreaterThan(0);
    }
    expect(before.themes.some((t) => JSON.parse(t).parent_id !== null)).toBe(true);
    expect(before.path_steps.some((s) => JSON.parse(s).optional === 1)).toBe(true);
    expect(before.record_links.map((l) => JSON.parse(l).type)).toEqual(expect.arrayContaining(["adopted_from", "from_event"]));
  });

  it("keeps lessons in order and a practice's links", async () => {
    const lessons = (db: Db) =>
      db.selectFrom("lessons as l").innerJoin("records as r", "r.id", "l.event_id").select(["r.slug", "l.position", "l.text"])
        .orderBy("r.slug").orderBy("l.position").execute();
    expect(await lessons(restored)).toEqual(await lessons(original));
    const event = files["events/cobot-exchange-day-arvika.md"];
    expect(event).toContain("participating_organisations:");
    expect(event.indexOf("Choose the first cobot task")).toBeLessThan(event.indexOf("A risk assessment of the whole cell"));
  });

  it("exporting the loaded export gives the same files", async () => {
    expect((await exportSeeds(restored)).files).toEqual(files);
  });
});

describe("what the export leaves out", () => {
  it("exports published records only, and names what the format cannot hold", async () => {
    const db = await seeded();
    const org = await db.selectFrom("organisations").select("id").where("slug", "=", "region-dalarna").executeTakeFirstOrThrow();
    const theme = await db.selectFrom("themes").select("id").where("slug", "=", "data-och-sensorer").executeTakeFirstOrThrow();
    const base = { kind: "practice" as const, title: "T", summary: "S", organisation_id: org.id, published_on: "2026-01-01" };
    const draft = await db.insertInto("records").values({ ...base, slug: "ett-utkast", body: "Text", status: "draft" }).returning("id").executeTakeFirstOrThrow();
    const bare = await db.insertInto("records").values({ ...base, slug: "utan-text", body: "  ", status: "published" }).returning("id").executeTakeFirstOrThrow();
    for (const { id } of [draft, bare]) {
      await db.insertInto("practice_details").values({ record_id: id }).execute();
      await db.insertInto("record_themes").values({ record_id: id, theme_id: theme.id }).execute();
    }
    const { files, omitted } = await exportSeeds(db);
    expect(Object.keys(files)).not.toContain("practices/ett-utkast.md");
    expect(Object.keys(files)).not.toContain("practices/utan-text.md");
    expect(omitted).toEqual(["practices/utan-text: saknar brödtext"]);
  });
});

describe("GET /manage/export.zip", () => {
  beforeAll(async () => {
    const db = getDb();
    await migrateToLatest(db);
    await loadSeedDirectory(db, DEMO_SEEDS);
    await addUser(db, { email: "redaktor@example.se", role: "editor" });
    await addUser(db, { email: "medlem@example.se", role: "member" });
  }, 60_000);
  afterAll(closeDb);

  const get = (cookie?: string) =>
    respond(() => zipLoader({ request: getRequest("/manage/export.zip", cookie), params: {}, context: {} }));

  it("hands editors the zip as a download, and no one else", async () => {
    const response = await get(await signInCookie("redaktor@example.se"));
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/zip");
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename="lardom-export-\d{4}-\d{2}-\d{2}\.zip"$/);
    const entries = unzipSync(new Uint8Array(await response.arrayBuffer()));
    expect(Object.keys(entries)).toContain("themes.yaml");
    expect((await get(await signInCookie("medlem@example.se"))).status).toBe(403);
    expect((await get()).status).toBe(302);
  });
});
