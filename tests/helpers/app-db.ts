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
