/**
 * `npm run db:seed -- DIR`: migrates, then loads DIR (default: this folder's demo content).
 * Exits non-zero, naming file and field, when anything is wrong; the database is then unchanged.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";

import { getEnv } from "../app/utils/env.server";
import { openDatabase } from "../db/connection";
import { migrateToLatest } from "../db/migrator";
import { formatProblem, loadSeedDirectory, SeedError } from "./loader";

const dir = process.argv[2] ?? path.dirname(fileURLToPath(import.meta.url));
const db = openDatabase(getEnv().DATABASE_PATH);
try {
  await migrateToLatest(db);
  const counts = await loadSeedDirectory(db, dir);
  console.log(
    `Läste in ${dir}: ${counts.themes} teman, ${counts.organisations} organisationer, ${counts.practices} goda exempel, ` +
      `${counts.events} träffar, ${counts.activities} kompetensinsatser, ${counts.paths} lärvägar, ${counts.assessments} självskattningar.`,
  );
} catch (error) {
  if (error instanceof SeedError) {
    console.error(`Inget lästes in: ${error.problems.length} fel i ${dir}`);
    for (const problem of error.problems) console.error(`  ${formatProblem(problem)}`);
  } else {
    console.error(error instanceof Error ? error.message : error);
  }
  process.exitCode = 1;
} finally {
  await db.destroy();
}
