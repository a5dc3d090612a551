import fs from "node:fs";
import path from "node:path";

import { CompiledQuery, Kysely } from "kysely";
import sqlite3 from "sqlite3";

import { Sqlite3Dialect } from "./dialect/sqlite3-dialect";
import type { Database } from "./schema";

/** How long a connection waits for another writer's lock before giving up. */
const BUSY_TIMEOUT_MS = 5000;

/**
 * Opens (creating if needed) the SQLite file at `filename` with the pragmas every connection
 * needs: foreign keys enforced, WAL so readers never wait for the writer, and a busy timeout.
 */
export function openDatabase(filename: string): Kysely<Database> {
  if (filename !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(filename)), { recursive: true });
  return new Kysely<Database>({
    dialect: new Sqlite3Dialect({
      database: () =>
        new Promise((resolve, reject) => {
          const db = new sqlite3.Database(filename, (err) => (err ? reject(err) : resolve(db)));
        }),
      onCreateConnection: async (connection) => {
        await connection.executeQuery(CompiledQuery.raw(`pragma busy_timeout = ${BUSY_TIMEOUT_MS}`));
        await connection.executeQuery(CompiledQuery.raw("pragma journal_mode = wal"));
        await connection.executeQuery(CompiledQuery.raw("pragma synchronous = normal"));
        await connection.executeQuery(CompiledQuery.raw("pragma foreign_keys = on"));
      },
    }),
  });
}
