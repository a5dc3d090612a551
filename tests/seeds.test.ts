import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

import type { Kysely } from "kysely";
import { afterEach, describe, expect, it } from "vitest";

import type { Database } from "../db/schema";
import { loadSeedDirectory, SeedError, type SeedProblem } from "../seeds/loader";
import { copySeeds, createTestDb, DEMO_SEEDS, ROOT } from "./helpers/db";

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function testDb() {
  const test = await createTestDb();
  cleanups.push(test.destroy);
  return test.db;
}

function brokenCopy(): string {
  const dir = copySeeds();
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function problemsOf(db: Kysely<Database>, dir: string): Promise<SeedProblem[]> {
  const error = await loadSeedDirectory(db, dir).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SeedError);
  return (error as SeedError).problems;
}

/** Row counts of every table: what "the database is unchanged" means. */
async function snapshot(db: Kysely<Database>) {
  const tables = [
    "themes", "organisations", "records", "practice_details", "event_details", "activity_details",
    "record_themes", "record_tags", "lessons", "event_participants", "record_links", "paths", "path_steps", "revisions",
  ] as const;
  const counts: Record<string, number> = {};
  for (const t of tables) {
    const row = await db.selectFrom(t).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    counts[t] = Number(row.n);
  }
  const titles = await db.selectFrom("records").select(["slug", "title", "body"]).orderBy("id").execute();
  return { counts, titles };
}

function editFile(file: string, edit: (text: string) => string) {
  fs.writeFileSync(file, edit(fs.readFileSync(file, "utf8")));
}

function firstFile(dir: string, folder: string) {
  return path.join(dir, folder, fs.readdirSync(path.join(dir, folder)).sort()[0]);
}

describe("demo content", () => {
  it("loads with at least the content the foundation promises", async () => {
    const db = await testDb();
    const counts = await loadSeedDirectory(db, DEMO_SEEDS);
    expect(counts.themes).toBeGreaterThanOrEqual(9);
    expect(counts.organisations).toBeGreaterThanOrEqual(12);
    expect(counts.practices).toBeGreaterThanOrEqual(24);
    expect(counts.events).toBeGreaterThanOrEqual(16);
    expect(counts.activities).toBeGreaterThanOrEqual(12);
    expect(counts.paths).toBeGreaterThanOrEqual(3);

    const children = await db.selectFrom("themes").select("id").where("level", "=", 2).execute();
    expect(children.length).toBeGreaterThan(0);
    const eventsWithoutLessons = await db
      .selectFrom("records as r")
      .select("r.slug")
      .where("r.kind", "=", "event")
      .where((eb) => eb.not(eb.exists(eb.selectFrom("lessons").select("id").whereRef("lessons.event_id", "=", "r.id"))))
      .execute();
    expect(eventsWithoutLessons).toEqual([]);
    const english = await db.selectFrom("records").select("id").where("language", "=", "en").execute();
    expect(english.length).toBeGreaterThan(0);
    const counties = await db.selectFrom("organisations").select("county").distinct().execute();
    expect(counties.map((c) => c.county).sort()).toEqual(["Dalarna", "Gävleborg", "Värmland"]);
  });

  it("loads idempotently: a second load changes nothing and adds no revisions", async () => {
    const db = await testDb();
    await loadSeedDirectory(db, DEMO_SEEDS);
    const before = await snapshot(db);
    await loadSeedDirectory(db, DEMO_SEEDS);
    expect(await snapshot(db)).toEqual(before);
  });

  it("updates by slug: an edited file changes its record and stores a new revision", async () => {
    const db = await testDb();
    const dir = brokenCopy();
    await loadSeedDirectory(db, dir);
    const file = firstFile(dir, "practices");
    const slug = path.basename(file, ".md");
    editFile(file, (t) => t.replace(/^title: .*$/m, "title: Ny rubrik efter granskning"));
    await loadSeedDirectory(db, dir);
    const rows = await db.selectFrom("records").select(["title", "version"]).where("slug", "=", slug).execute();
    expect(rows).toEqual([{ title: "Ny rubrik efter granskning", version: 2 }]);
  });
});

describe("bad seed files", () => {
  it("names the file and line of malformed YAML", async () => {
    const db = await testDb();
    const dir = brokenCopy();
    const file = firstFile(dir, "events");
    editFile(file, (t) => t.replace(/^title: /m, "title: [unclosed\nfoo: "));
    const problems = await problemsOf(db, dir);
    expect(problems).toContainEqual(
      expect.objectContaining({ file: expect.stringContaining(path.join("events", path.basename(file))), field: expect.stringMatching(/^rad \d+$/) }),
    );
  });

  it("names file and field of a missing or wrongly typed field", async () => {
    const db = await testDb();
    const dir = brokenCopy();
    const practice = firstFile(dir, "practices");
    editFile(practice, (t) => t.replace(/^organisation: .*\n/m, ""));
    const event = firstFile(dir, "events");
    editFile(event, (t) => t.replace(/^participants: .*$/m, "participants: många"));
    editFile(event, (t) => t.replace(/^lessons:\n/m, 'lessons:\n  - "\\t\\n"\n'));
    const activity = firstFile(dir, "activities");
    editFile(activity, (t) => t.replace(/^format: .*$/m, "format: by-carrier-pigeon"));
    const problems = await problemsOf(db, dir);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: expect.stringContaining(path.basename(practice)), field: "organisation", message: "saknas" }),
        expect.objectContaining({ file: expect.stringContaining(path.basename(event)), field: "participants" }),
        // SQL's trim() strips only spaces, so a lesson of tabs and newlines is refused here.
        expect.objectContaining({ file: expect.stringContaining(path.basename(event)), field: "lessons[0]", message: "får inte vara tom" }),
        expect.objectContaining({ file: expect.stringContaining(path.basename(activity)), field: "format" }),
      ]),
    );
  });

  it("names file and field of a reference to something that does not exist", async () => {
    const db = await testDb();
    const dir = brokenCopy();
    const file = firstFile(dir, "practices");
    editFile(file, (t) => t.replace(/^themes:.*(\n\s+- .*)*$/m, "themes: [finns-inte]"));
    const pathFile = firstFile(dir, "paths");
    editFile(pathFile, (t) => t.replace(/entry: (practices|events|activities)\/[a-z0-9-]+/, "entry: practices/saknas-helt"));
    const problems = await problemsOf(db, dir);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: expect.stringContaining(path.basename(file)), field: "themes[0]", message: 'okänt tema "finns-inte"' }),
        expect.objectContaining({ file: expect.stringContaining(path.basename(pathFile)), field: "steps[0].entry" }),
      ]),
    );
  });

  it("refuses a third theme level and a file name that is not a slug", async () => {
    const db = await testDb();
    const dir = brokenCopy();
    fs.appendFileSync(
      path.join(dir, "themes.yaml"),
      "\n- slug: barnbarn\n  name: Barnbarn\n  name_en: Grandchild\n  parent: " +
        (await firstChildTheme(dir)) + "\n",
    );
    fs.copyFileSync(firstFile(dir, "practices"), path.join(dir, "practices", "Fel Namn.md"));
    const problems = await problemsOf(db, dir);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: expect.stringContaining("Fel Namn.md"), field: "filnamn" }),
      ]),
    );
    // Validation stops before the database: the theme problem shows once the file name is fixed.
    fs.rmSync(path.join(dir, "practices", "Fel Namn.md"));
    const second = await problemsOf(db, dir);
    expect(second).toEqual([expect.objectContaining({ file: expect.stringContaining("themes.yaml"), field: "parent" })]);
  });

  it("leaves the database exactly as it was when any file is bad", async () => {
    const db = await testDb();
    await loadSeedDirectory(db, DEMO_SEEDS);
    const before = await snapshot(db);
    const dir = brokenCopy();
    // A valid change that would be written first, then a reference error found later.
    editFile(firstFile(dir, "practices"), (t) => t.replace(/^title: .*$/m, "title: Detta får aldrig sparas"));
    editFile(firstFile(dir, "paths"), (t) => t.replace(/^theme: .*$/m, "theme: inget-sadant-tema"));
    const problems = await problemsOf(db, dir);
    expect(problems).toEqual([expect.objectContaining({ field: "theme" })]);
    expect(await snapshot(db)).toEqual(before);
  });

  it("`npm run db:seed -- DIR` exits non-zero naming file and field, and writes nothing", async () => {
    const { file: dbFile, db } = await createTestDb().then((t) => {
      cleanups.push(t.destroy);
      return t;
    });
    const dir = brokenCopy();
    const broken = firstFile(dir, "events");
    editFile(broken, (t) => t.replace(/^date: .*$/m, "date: 2024-02-30"));
    const result = spawnSync(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "seeds/cli.ts", dir], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_PATH: dbFile },
      encoding: "utf8",
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${path.basename(broken)}: date: är inte ett giltigt datum`);
    const records = await db.selectFrom("records").select("id").execute();
    expect(records).toEqual([]);
  });
});

async function firstChildTheme(dir: string): Promise<string> {
  const { parse } = await import("yaml");
  const themes = parse(fs.readFileSync(path.join(dir, "themes.yaml"), "utf8")) as { slug: string; parent?: string }[];
  return themes.find((t) => t.parent)!.slug;
}
