import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { sql, type Kysely } from "kysely";
import { afterAll, describe, expect, it } from "vitest";

import { backupDatabase, BackupError } from "../db/backup";
import { openDatabase } from "../db/connection";
import type { Database } from "../db/schema";
import { createSeededDb, ROOT } from "./helpers/db";

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

function tempDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lardom-backup-"));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const ROWS_PER_TRANSACTION = 20;

/** Inserts failed sign-ins in transactions of 20 rows until `until`; returns how many were committed. */
async function keepWriting(db: Kysely<Database>, until: number): Promise<number> {
  let committed = 0;
  while (Date.now() < until) {
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < ROWS_PER_TRANSACTION; i++) {
        await trx.insertInto("login_attempts").values({ email: `loop-${committed + i}@example.se`, address: "10.0.0.1", attempted_at: new Date().toISOString() }).execute();
      }
    });
    committed += ROWS_PER_TRANSACTION;
  }
  return committed;
}

describe("npm run db:backup", () => {
  it("copies the live database consistently while another connection keeps writing", async () => {
    const { db, file } = await createSeededDb();
    cleanups.push(async () => {
      await db.destroy();
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    });
    await db.insertInto("login_attempts").values({ email: "before@example.se", address: "10.0.0.2", attempted_at: "2026-01-01T00:00:00Z" }).execute();
    const records = (await db.selectFrom("records").select("id").execute()).length;

    const writer = openDatabase(file);
    cleanups.push(() => writer.destroy());
    const until = Date.now() + 1000;
    const writing = keepWriting(writer, until);
    await new Promise((r) => setTimeout(r, 200)); // the loop is under way
    const target = path.join(tempDir(), "kopia.db");
    await backupDatabase({ source: file, target });
    const finished = Date.now();
    const written = await writing;
    expect(written).toBeGreaterThan(0);

    const copy = openDatabase(target);
    cleanups.push(() => copy.destroy());
    const integrity = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(copy);
    expect(integrity.rows).toEqual([{ integrity_check: "ok" }]);
    expect((await sql`pragma foreign_key_check`.execute(copy)).rows).toEqual([]);
    expect(await copy.selectFrom("records").select("id").execute()).toHaveLength(records);
    expect(await copy.selectFrom("login_attempts").select("id").where("email", "=", "before@example.se").execute()).toHaveLength(1);
    // Whole transactions only: never part of one.
    const loop = await copy.selectFrom("login_attempts").select("id").where("email", "like", "loop-%").execute();
    expect(loop.length % ROWS_PER_TRANSACTION).toBe(0);
    expect(loop.length).toBeLessThanOrEqual(written);
    // Taken mid-stream: when the loop outlived the backup, it wrote rows the copy does not have.
    if (finished < until - 100) expect(loop.length).toBeLessThan(written);
  });

  it("refuses to overwrite a file unless forced, and names a missing database", async () => {
    const { file, destroy } = await createSeededDb();
    cleanups.push(destroy);
    const target = path.join(tempDir(), "finns.db");
    fs.writeFileSync(target, "viktigt");
    await expect(backupDatabase({ source: file, target })).rejects.toThrow(/finns redan.*--force/);
    expect(fs.readFileSync(target, "utf8")).toBe("viktigt");
    await backupDatabase({ source: file, target, force: true });
    expect(fs.readFileSync(target).subarray(0, 15).toString()).toBe("SQLite format 3");
    await expect(backupDatabase({ source: path.join(tempDir(), "saknas.db"), target: `${target}2` })).rejects.toThrow(BackupError);
    expect(fs.readdirSync(path.dirname(target))).toEqual(["finns.db"]);
  });

  it("as a command: writes the copy, and exits non-zero with a clear message when it cannot", async () => {
    const { file, destroy } = await createSeededDb();
    cleanups.push(destroy);
    const dir = tempDir();
    const run = (source: string, ...args: string[]) =>
      spawnSync(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "db/backup.ts", ...args], {
        cwd: ROOT,
        env: { ...process.env, DATABASE_PATH: source },
        encoding: "utf8",
      });
    const target = path.join(dir, "kopia.db");
    const ok = run(file, target);
    expect(ok.stderr).toBe("");
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain(target);
    const again = run(file, target);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain("--force");
    expect(run(file, target, "--force").status).toBe(0);
    const missing = run(path.join(dir, "saknas.db"), path.join(dir, "annan.db"));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain("saknas.db finns inte");
    expect(run(file).status).toBe(2);
  }, 60_000);
});
