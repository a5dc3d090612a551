import type { Kysely } from "kysely";

import { openDatabase } from "../../db/connection";
import type { Database } from "../../db/schema";
import { getEnv } from "./env.server";

declare global {
  // Kept on globalThis so a development rebuild does not open a second connection.
  var __lardomDb: Kysely<Database> | undefined;
}

/** The server's one database handle, opened lazily at DATABASE_PATH. */
export function getDb(): Kysely<Database> {
  globalThis.__lardomDb ??= openDatabase(getEnv().DATABASE_PATH);
  return globalThis.__lardomDb;
}

/** Closes the handle (shutdown, tests); the next getDb() opens a new one. */
export async function closeDb(): Promise<void> {
  const db = globalThis.__lardomDb;
  globalThis.__lardomDb = undefined;
  await db?.destroy();
}
