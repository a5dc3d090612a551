import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import type { Kysely } from "kysely";

import { openDatabase } from "../../db/connection";
import { migrateToLatest } from "../../db/migrator";
import type { Database } from "../../db/schema";
import { loadSeedDirectory } from "../../seeds/loader";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const DEMO_SEEDS = path.join(ROOT, "seeds");

/** A migrated, empty database in a fresh temporary file. Call `destroy` when done. */
export async function createTestDb(): Promise<{ db: Kysely<Database>; file: string; destroy: () => Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lardom-db-"));
  const file = path.join(dir, "test.db");
  const db = openDatabase(file);
  await migrateToLatest(db);
  return {
    db,
    file,
    destroy: async () => {
      await db.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Like createTestDb, with the demo content of seeds/ loaded. */
export async function createSeededDb() {
  const test = await createTestDb();
  await loadSeedDirectory(test.db, DEMO_SEEDS);
  return test;
}

/** Copies a seed directory to a temporary place so a test can break it without harm. */
export function copySeeds(from = DEMO_SEEDS): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lardom-seeds-"));
  for (const entry of ["themes.yaml", "organisations.yaml", "practices", "events", "activities", "paths"]) {
    const source = path.join(from, entry);
    if (fs.existsSync(source)) fs.cpSync(source, path.join(dir, entry), { recursive: true });
  }
  return dir;
}
