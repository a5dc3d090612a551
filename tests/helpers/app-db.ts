import { afterAll, beforeAll } from "vitest";

import { migrateToLatest } from "../../db/migrator";
import { loadSeedDirectory } from "../../seeds/loader";
import { ensureSearchReady, stopSearch } from "~/search/service.server";
import { closeDb, getDb } from "~/utils/db.server";
import { DEMO_SEEDS } from "./db";

/**
 * For tests that call loaders and models as the server does: the app's own database handle
 * (this test file's DATABASE_PATH, see tests/setup) with the demo content and a ready search
 * index, closed after the file.
 */
export function withSeededApp() {
  beforeAll(async () => {
    const db = getDb();
    await migrateToLatest(db);
    await loadSeedDirectory(db, DEMO_SEEDS);
    await ensureSearchReady(db);
  }, 60_000);
  afterAll(async () => {
    await stopSearch();
    await closeDb();
  });
}

/** The slugs of a theme and, for a top theme, its children: what a theme filter matches. */
export async function themeFamily(slug: string): Promise<string[]> {
  const rows = await getDb()
    .selectFrom("themes as t")
    .leftJoin("themes as p", "p.id", "t.parent_id")
    .select("t.slug")
    .where((eb) => eb.or([eb("t.slug", "=", slug), eb("p.slug", "=", slug)]))
    .execute();
  return rows.map((r) => r.slug);
}
