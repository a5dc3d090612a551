import {
  CompiledQuery,
  SelectQueryNode,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
} from "kysely";

import type { Sqlite3Database, Sqlite3DialectConfig } from "./sqlite3-dialect";

/**
 * One connection guarded by a mutex, like Kysely's SQLite driver: SQLite has one writer at a
 * time anyway, and a single connection keeps transactions from interleaving. Write transactions
 * begin IMMEDIATE so two writers queue on `busy_timeout` instead of failing when one upgrades
 * its read lock.
 */
export class Sqlite3Driver implements Driver {
  readonly #config: Sqlite3DialectConfig;
  readonly #mutex = new ConnectionMutex();
  #db?: Sqlite3Database;
  #connection?: Sqlite3Connection;

  constructor(config: Sqlite3DialectConfig) {
    this.#config = config;
  }

  async init(): Promise<void> {
    const { database } = this.#config;
    this.#db = typeof database === "function" ? await database() : database;
    this.#connection = new Sqlite3Connection(this.#db);
    await this.#config.onCreateConnection?.(this.#connection);
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    await this.#mutex.lock();
    return this.#connection!;
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("begin immediate"));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("commit"));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("rollback"));
  }

  async savepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`savepoint "${name}"`));
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`rollback to "${name}"`));
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`release "${name}"`));
  }

  async releaseConnection(): Promise<void> {
    this.#mutex.unlock();
  }

  async destroy(): Promise<void> {
    const db = this.#db;
    this.#db = undefined;
    if (db) await new Promise<void>((resolve, reject) => db.close((err) => (err ? reject(err) : resolve())));
  }
}

/** Raw statements that hand back rows; everything else is run for its change count. */
const ROW_RETURNING_SQL = /^(select|with|pragma|values|explain)\b|\breturning\b/i;
const LEADING_COMMENTS = /^(\s+|--[^\n]*(\n|$)|\/\*[\s\S]*?\*\/)*/;

/**
 * sqlite3 has no way to ask a statement whether it returns rows (better-sqlite3's `reader`), so
 * decide from the query: built queries by their node, raw SQL by its first keyword or a RETURNING.
 */
function returnsRows(compiled: CompiledQuery): boolean {
  const node = compiled.query as { kind: string; returning?: unknown };
  if (SelectQueryNode.is(compiled.query) || node.returning) return true;
  return node.kind === "RawNode" && ROW_RETURNING_SQL.test(compiled.sql.replace(LEADING_COMMENTS, ""));
}

export class Sqlite3Connection implements DatabaseConnection {
  readonly #db: Sqlite3Database;

  constructor(db: Sqlite3Database) {
    this.#db = db;
  }

  executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const params = [...compiled.parameters];
    if (returnsRows(compiled)) {
      return new Promise((resolve, reject) => {
        this.#db.all(compiled.sql, params, (err, rows) => (err ? reject(err) : resolve({ rows: rows as R[] })));
      });
    }
    return new Promise((resolve, reject) => {
      this.#db.run(compiled.sql, params, function (err) {
        if (err) return reject(err);
        resolve({
          rows: [],
          numAffectedRows: BigInt(this.changes),
          insertId: BigInt(this.lastID),
        });
      });
    });
  }

  async *streamQuery<R>(compiled: CompiledQuery, chunkSize = 100): AsyncIterableIterator<QueryResult<R>> {
    // sqlite3 offers no back-pressure, so read the rows once and hand them out in chunks.
    const { rows } = await this.executeQuery<R>(compiled);
    for (let i = 0; i < rows.length; i += chunkSize) yield { rows: rows.slice(i, i + chunkSize) };
  }
}

/** A promise queue that lets one caller hold the connection at a time. */
class ConnectionMutex {
  #promise?: Promise<void>;
  #resolve?: () => void;

  async lock(): Promise<void> {
    while (this.#promise) await this.#promise;
    this.#promise = new Promise((resolve) => {
      this.#resolve = resolve;
    });
  }

  unlock(): void {
    const resolve = this.#resolve;
    this.#promise = undefined;
    this.#resolve = undefined;
    resolve?.();
  }
}
