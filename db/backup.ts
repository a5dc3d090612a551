/**
 * `npm run db:backup -- FILE [--force]`: a consistent copy of the database at DATABASE_PATH,
 * safe to take while the server runs. See docs/decisions/008-backup.md for why VACUUM INTO.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { sql } from "kysely";
import sqlite3 from "sqlite3";

import { openDatabase } from "./connection";

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BackupError";
  }
}

/**
 * Copies `source` to `target` with `VACUUM INTO`, which reads one snapshot in one read transaction
 * (writers carry on under WAL). The copy is written beside the target under a temporary name,
 * checked with `PRAGMA integrity_check`, and only then renamed into place, so a failed backup
 * never leaves a half-written file at `target`. An existing `target` is kept unless `force`.
 */
export async function backupDatabase({ source, target, force = false }: { source: string; target: string; force?: boolean }): Promise<{ target: string; bytes: number }> {
  const from = path.resolve(source);
  const to = path.resolve(target);
  if (!fs.existsSync(from)) throw new BackupError(`Databasen ${source} finns inte (DATABASE_PATH).`);
  if (from === to) throw new BackupError("Säkerhetskopian kan inte skrivas över databasen själv.");
  if (fs.existsSync(to) && !force) throw new BackupError(`${target} finns redan; välj ett annat namn eller lägg till --force för att skriva över.`);
  if (!fs.existsSync(path.dirname(to))) throw new BackupError(`Katalogen ${path.dirname(target)} finns inte.`);

  const temporary = `${to}.${process.pid}.tmp`;
  fs.rmSync(temporary, { force: true });
  const db = openDatabase(from);
  try {
    await sql`vacuum into ${temporary}`.execute(db);
    const result = await integrityCheck(temporary);
    if (result !== "ok") throw new BackupError(`Kopian klarade inte integrity_check: ${result}`);
    fs.renameSync(temporary, to);
    return { target: to, bytes: fs.statSync(to).size };
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    if (error instanceof BackupError) throw error;
    throw new BackupError(`Säkerhetskopieringen misslyckades: ${(error as Error).message}`);
  } finally {
    await db.destroy();
  }
}

/** `PRAGMA integrity_check` on a file opened read-only: "ok", or what is wrong. */
function integrityCheck(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(file, sqlite3.OPEN_READONLY, (err) => {
      if (err) return reject(err);
      db.all("pragma integrity_check", [], (error, rows: { integrity_check: string }[]) => {
        db.close(() => (error ? reject(error) : resolve(rows.map((r) => r.integrity_check).join("; "))));
      });
    });
  });
}

async function main(argv: string[]) {
  const force = argv.includes("--force");
  const args = argv.filter((a) => a !== "--force");
  const unknown = args.filter((a) => a.startsWith("-"));
  if (unknown.length > 0 || args.length !== 1) {
    console.error(
      unknown.length > 0 ? `Okänd flagga: ${unknown.join(" ")}` : "Ange en fil att skriva säkerhetskopian till.",
    );
    console.error("Användning: npm run db:backup -- FIL [--force]");
    process.exitCode = 2;
    return;
  }
  const { getEnv } = await import("../app/utils/env.server");
  try {
    const source = getEnv().DATABASE_PATH;
    const { target, bytes } = await backupDatabase({ source, target: args[0], force });
    console.log(`Säkerhetskopia av ${source} skriven till ${target} (${Math.round(bytes / 1024)} kB).`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main(process.argv.slice(2));
}
