import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { CompiledQuery, sql, type Generated, type Kysely } from "kysely";
import sqlite3 from "sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { openDatabase } from "../db/connection";
import { Sqlite3Connection } from "../db/dialect/sqlite3-driver";
import type { Database } from "../db/schema";
import { createTestDb } from "./helpers/db";

/** Scratch tables the dialect tests use beside the real schema. */
type Scratch = {
  items: { id: Generated<number>; name: string; n: Generated<number> };
  counter: { id: number; n: number };
};

type ScratchDb = Kysely<Database & Scratch>;

let test: Awaited<ReturnType<typeof createTestDb>>;
let db: ScratchDb;
const extra: Kysely<Database>[] = [];
const rawDbs: sqlite3.Database[] = [];

beforeEach(async () => {
  test = await createTestDb();
  db = test.db.withTables<Scratch>();
  await sql`create table items (id integer primary key autoincrement, name text not null unique, n integer not null default 0)`.execute(
    db,
  );
  await sql`create table counter (id integer primary key, n integer not null)`.execute(db);
  await db.insertInto("counter").values({ id: 1, n: 0 }).execute();
});

afterEach(async () => {
  for (const raw of rawDbs.splice(0)) await new Promise<void>((resolve) => raw.close(() => resolve()));
  for (const other of extra.splice(0)) await other.destroy();
  await test.destroy();
});

/** A second, independent Kysely instance (its own sqlite3 connection) on the test file. */
function openSecond(): Kysely<Database & Scratch> {
  const other = openDatabase(test.file);
  extra.push(other);
  return other.withTables<Scratch>();
}

/** A bare sqlite3 connection with no busy timeout: it fails at once where a lock is held. */
async function openRaw(): Promise<sqlite3.Database> {
  const raw = await new Promise<sqlite3.Database>((resolve, reject) => {
    const d = new sqlite3.Database(test.file, (err) => (err ? reject(err) : resolve(d)));
  });
  raw.configure("busyTimeout", 0); // node-sqlite3 would otherwise wait 1 s
  rawDbs.push(raw);
  return raw;
}

function rawRun(raw: sqlite3.Database, statement: string): Promise<void> {
  return new Promise((resolve, reject) => raw.run(statement, [], (err) => (err ? reject(err) : resolve())));
}

/** Rejects if `promise` does not settle within `ms`: a held mutex shows up as a hang. */
function within<T>(promise: Promise<T>, ms = 3000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`did not settle within ${ms} ms (connection never released?)`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function itemNames(kysely: ScratchDb = db): Promise<string[]> {
  const rows = await kysely.selectFrom("items").select("name").orderBy("id").execute();
  return rows.map((r) => r.name);
}

async function counterValue(kysely: ScratchDb = db): Promise<number> {
  const row = await kysely.selectFrom("counter").select("n").where("id", "=", 1).executeTakeFirstOrThrow();
  return row.n;
}

describe("connection pragmas", () => {
  it("enforces foreign keys, WAL, a 5 s busy timeout and synchronous=normal", async () => {
    const fk = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(db);
    const journal = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(db);
    const busy = await sql<{ timeout: number }>`pragma busy_timeout`.execute(db);
    const sync = await sql<{ synchronous: number }>`pragma synchronous`.execute(db);
    expect(fk.rows).toEqual([{ foreign_keys: 1 }]);
    expect(journal.rows).toEqual([{ journal_mode: "wal" }]);
    expect(busy.rows).toEqual([{ timeout: 5000 }]);
    expect(sync.rows).toEqual([{ synchronous: 1 }]); // 1 = NORMAL
  });

  it("sets them on every new connection, including one opened on a brand-new file", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lardom-dialect-"));
    const fresh = openDatabase(path.join(dir, "nested", "fresh.db"));
    try {
      expect((await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(fresh)).rows).toEqual([
        { foreign_keys: 1 },
      ]);
      expect((await sql<{ journal_mode: string }>`pragma journal_mode`.execute(fresh)).rows).toEqual([
        { journal_mode: "wal" },
      ]);
      expect((await sql<{ timeout: number }>`pragma busy_timeout`.execute(fresh)).rows).toEqual([{ timeout: 5000 }]);
    } finally {
      await fresh.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    }
    const second = openSecond();
    expect((await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(second)).rows).toEqual([
      { foreign_keys: 1 },
    ]);
  });

  it("really refuses a dangling foreign key (foreign_keys is not just reported)", async () => {
    await expect(
      db
        .insertInto("users")
        .values({
          email: "a@example.se",
          name: "A",
          role: "member",
          organisation_id: 999,
          password_hash: "x",
          disabled_at: null,
        })
        .execute(),
    ).rejects.toMatchObject({ code: "SQLITE_CONSTRAINT", message: expect.stringContaining("FOREIGN KEY") });
  });
});

describe("queries", () => {
  it("insert reports insertId and the number of inserted rows", async () => {
    const first = await db.insertInto("items").values({ name: "a" }).executeTakeFirstOrThrow();
    const second = await db.insertInto("items").values({ name: "b" }).executeTakeFirstOrThrow();
    expect(first.numInsertedOrUpdatedRows).toBe(1n);
    expect(second.insertId).toBe(first.insertId! + 1n);
    const stored = await db.selectFrom("items").select("id").where("name", "=", "b").executeTakeFirstOrThrow();
    expect(BigInt(stored.id)).toBe(second.insertId);

    const many = await db
      .insertInto("items")
      .values([{ name: "c" }, { name: "d" }, { name: "e" }])
      .executeTakeFirstOrThrow();
    expect(many.numInsertedOrUpdatedRows).toBe(3n);
  });

  it("update and delete report the number of affected rows", async () => {
    await db
      .insertInto("items")
      .values([{ name: "a" }, { name: "b" }, { name: "c" }])
      .execute();
    const updated = await db
      .updateTable("items")
      .set({ n: 7 })
      .where("name", "in", ["a", "c"])
      .executeTakeFirstOrThrow();
    expect(updated.numUpdatedRows).toBe(2n);
    const none = await db.updateTable("items").set({ n: 1 }).where("name", "=", "zzz").executeTakeFirstOrThrow();
    expect(none.numUpdatedRows).toBe(0n);
    const deleted = await db.deleteFrom("items").where("n", "=", 7).executeTakeFirstOrThrow();
    expect(deleted.numDeletedRows).toBe(2n);
    expect(await itemNames()).toEqual(["b"]);
  });

  it("returning hands back the written rows for insert, update and delete", async () => {
    const inserted = await db
      .insertInto("items")
      .values([
        { name: "a", n: 1 },
        { name: "b", n: 2 },
      ])
      .returning(["id", "name", "n"])
      .execute();
    expect(inserted).toEqual([
      { id: expect.any(Number), name: "a", n: 1 },
      { id: expect.any(Number), name: "b", n: 2 },
    ]);
    const updated = await db
      .updateTable("items")
      .set((eb) => ({ n: eb("n", "+", 10) }))
      .where("name", "=", "b")
      .returning(["name", "n"])
      .executeTakeFirstOrThrow();
    expect(updated).toEqual({ name: "b", n: 12 });
    const deleted = await db.deleteFrom("items").where("name", "=", "a").returning("id").execute();
    expect(deleted).toEqual([{ id: inserted[0].id }]);
  });

  it("select returns rows with parameters bound, including values that look like SQL", async () => {
    const tricky = "Robert'); drop table items;--";
    await db
      .insertInto("items")
      .values([
        { name: "åäö", n: 1 },
        { name: tricky, n: 3 },
      ])
      .execute();
    const rows = await db.selectFrom("items").select(["name", "n"]).where("name", "=", tricky).execute();
    expect(rows).toEqual([{ name: tricky, n: 3 }]);
    expect(await itemNames()).toEqual(["åäö", tricky]);
    const count = await db
      .selectFrom("items")
      .select((eb) => eb.fn.countAll<number>().as("c"))
      .executeTakeFirstOrThrow();
    expect(count.c).toBe(2);
  });

  it("raw select and pragma statements return their rows", async () => {
    const result = await sql<{ x: number; y: string }>`select ${41} + 1 as x, ${"hej"} as y`.execute(db);
    expect(result.rows).toEqual([{ x: 42, y: "hej" }]);
    const withCte = await sql<{ v: number }>`with t(v) as (values (1), (2)) select v from t order by v`.execute(db);
    expect(withCte.rows).toEqual([{ v: 1 }, { v: 2 }]);
  });

  it("a raw write reports affected rows", async () => {
    await db
      .insertInto("items")
      .values([{ name: "a" }, { name: "b" }])
      .execute();
    const result = await sql`update items set n = n + 1`.execute(db);
    expect(result.numAffectedRows).toBe(2n);
  });

  // sqlite3 cannot tell whether a statement returns rows, so the driver reads the raw SQL: a
  // RETURNING clause, or a leading comment before a select, must still hand back the rows.
  it("a raw insert ... returning hands back the inserted row", async () => {
    const result = await sql<{
      id: number;
      name: string;
    }>`insert into items (name) values ('raw') returning id, name`.execute(db);
    expect(await itemNames()).toEqual(["raw"]); // the write itself happened
    expect(result.rows).toEqual([{ id: expect.any(Number), name: "raw" }]);
  });
});

describe("transactions", () => {
  it("commits what the callback wrote and returns its value", async () => {
    const value = await db.transaction().execute(async (trx) => {
      await trx.insertInto("items").values({ name: "a" }).execute();
      await trx.insertInto("items").values({ name: "b" }).execute();
      // Reads inside the transaction see its own writes.
      expect(await itemNames(trx)).toEqual(["a", "b"]);
      return "done";
    });
    expect(value).toBe("done");
    expect(await itemNames()).toEqual(["a", "b"]);
    // Committed means visible to another connection, not just this one.
    expect(await itemNames(openSecond())).toEqual(["a", "b"]);
  });

  it("rolls back everything written inside a transaction that throws, and rethrows", async () => {
    await db.insertInto("items").values({ name: "before" }).execute();
    const failure = new Error("boom");
    await expect(
      db.transaction().execute(async (trx) => {
        await trx.insertInto("items").values({ name: "a" }).execute();
        await trx.updateTable("items").set({ n: 99 }).where("name", "=", "before").execute();
        await trx.deleteFrom("counter").execute();
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(await itemNames()).toEqual(["before"]);
    const before = await db.selectFrom("items").select("n").where("name", "=", "before").executeTakeFirstOrThrow();
    expect(before.n).toBe(0);
    expect(await counterValue()).toBe(0);
    // And the connection is free for the next transaction (no "transaction within a transaction").
    await within(db.transaction().execute((trx) => trx.insertInto("items").values({ name: "after" }).execute()));
    expect(await itemNames()).toEqual(["before", "after"]);
  });

  it("rolls back when a statement inside the transaction fails", async () => {
    await expect(
      db.transaction().execute(async (trx) => {
        await trx.insertInto("items").values({ name: "a" }).execute();
        await trx.insertInto("items").values({ name: "a" }).execute(); // unique violation
      }),
    ).rejects.toMatchObject({ code: "SQLITE_CONSTRAINT" });
    expect(await itemNames()).toEqual([]);
  });

  it("a controlled transaction can be committed or rolled back by hand", async () => {
    const kept = await db.startTransaction().execute();
    await kept.insertInto("items").values({ name: "kept" }).execute();
    await kept.commit().execute();
    const dropped = await db.startTransaction().execute();
    await dropped.insertInto("items").values({ name: "dropped" }).execute();
    await dropped.rollback().execute();
    expect(await itemNames()).toEqual(["kept"]);
  });

  it("supports nested savepoints: roll back to one, release another, commit the rest", async () => {
    const trx = await db.startTransaction().execute();
    await trx.insertInto("items").values({ name: "a" }).execute();
    const sp1 = await trx.savepoint("sp1").execute();
    await sp1.insertInto("items").values({ name: "b" }).execute();
    const sp2 = await sp1.savepoint("sp2").execute();
    await sp2.insertInto("items").values({ name: "c" }).execute();
    expect(await itemNames(sp2)).toEqual(["a", "b", "c"]);
    const back = await sp2.rollbackToSavepoint("sp2").execute();
    expect(await itemNames(back)).toEqual(["a", "b"]);
    const released = await back.releaseSavepoint("sp1").execute();
    await released.insertInto("items").values({ name: "d" }).execute();
    await released.commit().execute();
    expect(await itemNames()).toEqual(["a", "b", "d"]);
  });

  it("rolling back to an outer savepoint undoes the inner ones too; rollback undoes all", async () => {
    const trx = await db.startTransaction().execute();
    await trx.insertInto("items").values({ name: "a" }).execute();
    const sp1 = await trx.savepoint("outer").execute();
    await sp1.insertInto("items").values({ name: "b" }).execute();
    const sp2 = await sp1.savepoint("inner").execute();
    await sp2.insertInto("items").values({ name: "c" }).execute();
    const back = await sp2.rollbackToSavepoint("outer").execute();
    expect(await itemNames(back)).toEqual(["a"]);
    await back.insertInto("items").values({ name: "e" }).execute();
    await back.rollback().execute();
    expect(await itemNames()).toEqual([]);
  });

  it("begins write transactions IMMEDIATE: the write lock is taken before the first write", async () => {
    const raw = await openRaw(); // busy timeout 0: a held lock fails at once
    const trx = await db.startTransaction().execute();
    // Only a read so far; a deferred BEGIN would hold no write lock yet.
    await trx.selectFrom("counter").selectAll().execute();
    await expect(rawRun(raw, "begin immediate")).rejects.toMatchObject({ code: "SQLITE_BUSY" });
    await trx.rollback().execute();
    await rawRun(raw, "begin immediate");
    await rawRun(raw, "rollback");
  });

  it("a query issued during a transaction on the same instance waits for it and never sees its uncommitted writes", async () => {
    const trx = await db.startTransaction().execute();
    await trx.insertInto("items").values({ name: "uncommitted" }).execute();
    const outside = itemNames(); // not awaited: must queue behind the transaction
    await tick(20);
    await trx.rollback().execute();
    expect(await within(outside)).toEqual([]);
  });

  it("readers on another connection are not blocked by a writer (WAL) and see only committed data", async () => {
    const reader = openSecond();
    await db.insertInto("items").values({ name: "committed" }).execute();
    const trx = await db.startTransaction().execute();
    await trx.insertInto("items").values({ name: "pending" }).execute();
    expect(await within(itemNames(reader), 1000)).toEqual(["committed"]);
    await trx.commit().execute();
    expect(await itemNames(reader)).toEqual(["committed", "pending"]);
  });
});

describe("errors", () => {
  it("a constraint violation rejects with the SQLite error, and the connection keeps working", async () => {
    await db.insertInto("items").values({ name: "a" }).execute();
    const error = await db
      .insertInto("items")
      .values({ name: "a" })
      .execute()
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({
      code: "SQLITE_CONSTRAINT",
      errno: 19,
      message: expect.stringContaining("UNIQUE constraint failed: items.name"),
    });
    // The mutex was released: the next queries run (a held mutex would hang here).
    await within(db.insertInto("items").values({ name: "b" }).execute());
    expect(await within(itemNames())).toEqual(["a", "b"]);
  });

  it("a syntax error and a missing table reject and leave the connection usable", async () => {
    await expect(sql`selec 1`.execute(db)).rejects.toMatchObject({
      code: "SQLITE_ERROR",
      message: expect.stringContaining("syntax error"),
    });
    await expect(sql`select * from no_such_table`.execute(db)).rejects.toMatchObject({
      code: "SQLITE_ERROR",
      message: expect.stringContaining("no such table"),
    });
    await expect(sql`update no_such_table set x = 1`.execute(db)).rejects.toMatchObject({ code: "SQLITE_ERROR" });
    expect((await within(sql<{ one: number }>`select 1 as one`.execute(db))).rows).toEqual([{ one: 1 }]);
  });

  it("many failing queries in a row do not leak the connection", async () => {
    await db.insertInto("items").values({ name: "a" }).execute();
    const results = await within(
      Promise.allSettled(Array.from({ length: 20 }, () => db.insertInto("items").values({ name: "a" }).execute())),
    );
    expect(results.every((r) => r.status === "rejected")).toBe(true);
    expect(await within(itemNames())).toEqual(["a"]);
  });
});

describe("concurrency", () => {
  /** Read, pause (so the other side can interleave), write back plus one. */
  async function increment(kysely: ScratchDb): Promise<void> {
    await kysely.transaction().execute(async (trx) => {
      const { n } = await trx.selectFrom("counter").select("n").where("id", "=", 1).executeTakeFirstOrThrow();
      await tick(1);
      await trx
        .updateTable("counter")
        .set({ n: n + 1 })
        .where("id", "=", 1)
        .execute();
    });
  }

  it("two instances on one file: 2 × 20 interleaved read-modify-write transactions lose no update", async () => {
    const a = db;
    const b = openSecond();
    const runs: Promise<void>[] = [];
    for (let i = 0; i < 20; i++) runs.push(increment(a), increment(b));
    const results = await Promise.allSettled(runs);
    const failures = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(failures.map((f) => String(f.reason))).toEqual([]); // no SQLITE_BUSY escaped
    expect(await counterValue(a)).toBe(40);
    expect(await counterValue(b)).toBe(40);
  });

  it("one instance: 50 concurrent transactions and plain queries all succeed, serialised", async () => {
    const runs: Promise<unknown>[] = [];
    for (let i = 0; i < 50; i++) {
      runs.push(increment(db));
      runs.push(
        db
          .insertInto("items")
          .values({ name: `item-${i}` })
          .execute(),
      );
    }
    await within(Promise.all(runs), 15_000);
    expect(await counterValue()).toBe(50);
    expect((await itemNames()).length).toBe(50);
  });

  it("one instance: a failing transaction among concurrent ones affects only itself", async () => {
    const runs = Array.from({ length: 30 }, (_, i) =>
      db.transaction().execute(async (trx) => {
        await trx
          .insertInto("items")
          .values({ name: `t-${i}` })
          .execute();
        if (i % 3 === 0) throw new Error(`fail ${i}`);
      }),
    );
    const results = await within(Promise.allSettled(runs), 15_000);
    expect(results.filter((r) => r.status === "rejected")).toHaveLength(10);
    const names = await itemNames();
    expect(names).toHaveLength(20);
    expect(names.some((n) => Number(n.slice(2)) % 3 === 0)).toBe(false);
  });
});

describe("streaming", () => {
  beforeEach(async () => {
    await db
      .insertInto("items")
      .values(Array.from({ length: 95 }, (_, i) => ({ name: `s-${String(i).padStart(3, "0")}`, n: i })))
      .execute();
  });

  it("db.stream() yields every row, in order", async () => {
    const seen: number[] = [];
    for await (const row of db.selectFrom("items").select(["n"]).orderBy("n").stream(10)) seen.push(row.n);
    expect(seen).toEqual(Array.from({ length: 95 }, (_, i) => i));
  });

  it("streamQuery hands out the rows in chunks of the requested size", async () => {
    const raw = await openRaw();
    const connection = new Sqlite3Connection(raw);
    const chunks: number[][] = [];
    for await (const chunk of connection.streamQuery<{ n: number }>(
      CompiledQuery.raw("select n from items where n >= ? order by n", [0]),
      10,
    )) {
      chunks.push(chunk.rows.map((r) => r.n));
    }
    expect(chunks.map((c) => c.length)).toEqual([10, 10, 10, 10, 10, 10, 10, 10, 10, 5]);
    expect(chunks.flat()).toEqual(Array.from({ length: 95 }, (_, i) => i));
  });

  it("streamQuery yields nothing for an empty result", async () => {
    const raw = await openRaw();
    const connection = new Sqlite3Connection(raw);
    const chunks: unknown[] = [];
    for await (const chunk of connection.streamQuery(CompiledQuery.raw("select * from items where n < 0"), 10)) {
      chunks.push(chunk);
    }
    expect(chunks).toEqual([]);
  });

  it("leaving a stream early releases the connection", async () => {
    const seen: number[] = [];
    for await (const row of db.selectFrom("items").select("n").orderBy("n").stream(10)) {
      seen.push(row.n);
      if (seen.length === 15) break;
    }
    expect(seen).toEqual(Array.from({ length: 15 }, (_, i) => i));
    expect(await within(counterValue())).toBe(0);
  });

  it("a failing stream rejects and releases the connection", async () => {
    const consume = async () => {
      for await (const _row of db
        .selectFrom("no_such_table" as "items")
        .selectAll()
        .stream(10)) {
        // never reached
      }
    };
    await expect(consume()).rejects.toMatchObject({ code: "SQLITE_ERROR" });
    expect(await within(counterValue())).toBe(0);
  });
});
