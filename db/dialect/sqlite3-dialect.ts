import {
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type DatabaseIntrospector,
  type Dialect,
  type DatabaseConnection,
  type Driver,
  type Kysely,
  type QueryCompiler,
} from "kysely";

import { Sqlite3Driver } from "./sqlite3-driver";

/**
 * The part of the `sqlite3` package's `Database` that the driver uses. Described here rather than
 * imported so the dialect depends on a shape, not on the library (as Kysely's own dialects do).
 */
export interface Sqlite3Database {
  all(sql: string, params: unknown[], callback: (err: Error | null, rows: unknown[]) => void): unknown;
  run(
    sql: string,
    params: unknown[],
    callback: (this: { changes: number; lastID: number }, err: Error | null) => void,
  ): unknown;
  close(callback: (err: Error | null) => void): void;
}

export interface Sqlite3DialectConfig {
  /** An open database, or a function that opens one when Kysely first needs it. */
  database: Sqlite3Database | (() => Promise<Sqlite3Database>);
  /** Runs once on the connection before its first query: pragmas belong here. */
  onCreateConnection?: (connection: DatabaseConnection) => Promise<void>;
}

/**
 * Kysely's bundled SQLite dialect speaks better-sqlite3's synchronous API. This one drives the
 * asynchronous `sqlite3` package so a slow query waits on libuv's thread pool instead of blocking
 * the server; the SQL it generates is Kysely's own.
 */
export class Sqlite3Dialect implements Dialect {
  readonly #config: Sqlite3DialectConfig;

  constructor(config: Sqlite3DialectConfig) {
    this.#config = config;
  }

  createDriver(): Driver {
    return new Sqlite3Driver(this.#config);
  }

  createQueryCompiler(): QueryCompiler {
    return new SqliteQueryCompiler();
  }

  createAdapter() {
    return new SqliteAdapter();
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return new SqliteIntrospector(db);
  }
}
