/** `npm run db:migrate`: migrates the database at DATABASE_PATH to the newest schema. */
import { openDatabase } from "./connection";
import { migrateToLatest } from "./migrator";
import { getEnv } from "../app/utils/env.server";

const db = openDatabase(getEnv().DATABASE_PATH);
try {
  const { results = [] } = await migrateToLatest(db);
  if (results.length === 0) console.log(`Databasen ${getEnv().DATABASE_PATH} är redan uppdaterad.`);
  for (const r of results) console.log(`${r.status === "Success" ? "Körde" : "Misslyckades"}: ${r.migrationName}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.destroy();
}
