import fs from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";

import { sql, type Kysely } from "kysely";

import type { Database } from "../../db/schema";
import { getEnv } from "../utils/env.server";
import { loadSearchDocs, searchFingerprint, type SearchDoc } from "./documents.server";
import { buildEngine, loadEngine, type PackedEngine, type SearchPart, type SerializedEngine } from "./engine.server";
import { PERSIST_VERSION } from "./persist";

/**
 * The live search index: a large main index, built in a worker thread and persisted, and a
 * small delta index of records changed since, rebuilt in milliseconds on every write. Main
 * entries of changed records are hidden ("stale"). When the delta grows, a new main index is
 * built in the background and swapped in. See docs/decisions/004-search.md.
 */

type Part = SearchPart;

interface State {
  /** Where the main index came from when the process started. */
  source: "persisted" | "built";
  main: Part;
  delta: Part | null;
  /** Changed records: the current doc (null when no longer published) and when it changed. */
  changes: Map<number, { doc: SearchDoc | null; seq: number }>;
  seq: number;
  rebuilding: Promise<void> | null;
  dataVersion: number | null;
  /** version/status/visibility/updated_at per record, to spot writes made by other processes. */
  stamps: Map<number, string>;
  poller: NodeJS.Timeout | null;
  quietTimer: NodeJS.Timeout | null;
}

/** When the delta holds this many records, the main index is rebuilt in the background. */
const DELTA_LIMIT = 200;
/**
 * Otherwise the main index is rebuilt once writes have been quiet this long: a record in the
 * small delta index is scored against few documents, so it ranks as if its words were common.
 */
const QUIET_MS = 10_000;
/** How often to look for writes made by other processes (`npm run db:seed` while serving). */
const POLL_MS = 1000;

declare global {
  // Shared by the server bundle and the start script, which each load this module.
  var __lardomSearch: { state: State | null; ready: Promise<State> | null } | undefined;
}
const holder = (globalThis.__lardomSearch ??= { state: null, ready: null });

export function isSearchReady(): boolean {
  return holder.state !== null;
}

/** What the index holds and where it came from: for tests and the start-up log. */
export function searchStatus() {
  const state = holder.state;
  if (!state) return null;
  return { source: state.source, mainDocs: state.main.docs.size, changed: state.changes.size };
}

/** Loads the persisted index when the data is unchanged, or builds one; once per process. */
export function ensureSearchReady(db: Kysely<Database>): Promise<State> {
  holder.ready ??= initialise(db).then(
    (state) => (holder.state = state),
    (error) => {
      holder.ready = null;
      throw error;
    },
  );
  return holder.ready;
}

/** The current parts, for queries. */
export async function searchParts(db: Kysely<Database>) {
  const state = holder.state ?? (await ensureSearchReady(db));
  const stale = new Set(state.changes.keys());
  return { main: state.main, delta: state.delta, stale };
}

/**
 * Tells search that a record was created, edited, published or archived, so that it is
 * searchable (or gone) at once. Call it after the write has committed.
 */
export async function recordChanged(db: Kysely<Database>, recordId: number): Promise<void> {
  if (!holder.ready) return; // no index yet: the first build will read the record
  const state = await holder.ready;
  const [doc] = await loadSearchDocs(db, { ids: [recordId] });
  state.changes.set(recordId, { doc: doc ?? null, seq: ++state.seq });
  rebuildDelta(state);
  const stamp = await stampOf(db, recordId);
  if (stamp) state.stamps.set(recordId, stamp);
  else state.stamps.delete(recordId);
  if (state.quietTimer) clearTimeout(state.quietTimer);
  if (state.changes.size >= DELTA_LIMIT) rebuildInBackground(db, state);
  else {
    state.quietTimer = setTimeout(() => rebuildInBackground(db, state), QUIET_MS);
    state.quietTimer.unref();
  }
}

/**
 * Looks for writes by other processes now rather than at the next poll: another server worker
 * says when it wrote (app/server/cluster.server.ts).
 */
export async function checkForOutsideWrites(db: Kysely<Database>): Promise<void> {
  const state = holder.state;
  if (state) await pollForOutsideWrites(db, state);
}

/** A failed background rebuild leaves the current index serving, and is said in the log. */
function rebuildInBackground(db: Kysely<Database>, state: State) {
  rebuildMain(db, state).catch((error: unknown) =>
    console.error(`Sökindexet kunde inte byggas om: ${error instanceof Error ? error.message : String(error)}`),
  );
}

/** Stops background work (tests, shutdown). */
export async function stopSearch(): Promise<void> {
  const state = holder.state;
  if (state?.poller) clearInterval(state.poller);
  if (state?.quietTimer) clearTimeout(state.quietTimer);
  await state?.rebuilding;
  holder.state = null;
  holder.ready = null;
}

// ---------------------------------------------------------------------------------------------

function persistPath(): string {
  const db = path.resolve(getEnv().DATABASE_PATH);
  return `${db}.search.json`;
}

async function initialise(db: Kysely<Database>): Promise<State> {
  const fingerprint = await searchFingerprint(db);
  const persisted = await loadPersisted(fingerprint);
  const state: State = {
    source: persisted ? "persisted" : "built",
    main: persisted ?? (await buildMain(db, fingerprint)),
    delta: null,
    changes: new Map(),
    seq: 0,
    rebuilding: null,
    dataVersion: await dataVersion(db),
    stamps: await allStamps(db),
    poller: null,
    quietTimer: null,
  };
  // A failed poll (the database busy or closing) is simply tried again a second later.
  state.poller = setInterval(() => void pollForOutsideWrites(db, state).catch(() => {}), POLL_MS);
  state.poller.unref();
  return state;
}

async function loadPersisted(fingerprint: string): Promise<Part | null> {
  try {
    const saved = JSON.parse(await fs.readFile(persistPath(), "utf8")) as {
      version: number;
      fingerprint: string;
      engine: SerializedEngine;
      docs: SearchDoc[];
    };
    if (saved.version !== PERSIST_VERSION || saved.fingerprint !== fingerprint) return null;
    return { engine: loadEngine(saved.engine), docs: new Map(saved.docs.map((d) => [d.id, d])) };
  } catch {
    return null; // missing or unreadable: build anew
  }
}

async function buildMain(db: Kysely<Database>, fingerprint: string): Promise<Part> {
  const docs = await loadSearchDocs(db);
  const serialized = await buildInWorker(docs, fingerprint);
  return { engine: loadEngine(serialized), docs: new Map(docs.map((d) => [d.id, d])) };
}

function workerFile(): string {
  // From app/search/ (tsx, tests) or build/ (the server bundle): find the project root.
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!dir.endsWith(path.sep) && path.basename(dir) !== "app" && path.basename(dir) !== "build") dir = path.dirname(dir);
  return path.join(path.dirname(dir), "app/search/build-worker.mjs");
}

function buildInWorker(docs: SearchDoc[], fingerprint: string): Promise<PackedEngine> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerFile(), {
      workerData: { docs, persistPath: persistPath(), fingerprint },
    });
    worker.once("message", (engine: PackedEngine) => resolve(engine));
    worker.once("error", reject);
    worker.once("exit", (code) => code !== 0 && reject(new Error(`search build worker exited with ${code}`)));
  });
}

function rebuildDelta(state: State) {
  const docs = [...state.changes.values()].flatMap((c) => (c.doc ? [c.doc] : []));
  state.delta =
    docs.length > 0 ? { engine: loadEngine(buildEngine(docs)), docs: new Map(docs.map((d) => [d.id, d])) } : null;
}

/** A new main index from the database; changes made while it was built stay in the delta. */
function rebuildMain(db: Kysely<Database>, state: State): Promise<void> {
  state.rebuilding ??= (async () => {
    if (state.quietTimer) clearTimeout(state.quietTimer);
    const startSeq = state.seq;
    const main = await buildMain(db, await searchFingerprint(db));
    state.main = main;
    for (const [id, change] of state.changes) if (change.seq <= startSeq) state.changes.delete(id);
    rebuildDelta(state);
  })().finally(() => {
    state.rebuilding = null;
  });
  return state.rebuilding;
}

async function dataVersion(db: Kysely<Database>): Promise<number | null> {
  // SQLite's counter of commits by *other* connections; writes through this process call
  // recordChanged themselves.
  const { rows } = await sql<{ data_version: number }>`pragma data_version`.execute(db);
  return rows[0]?.data_version ?? null;
}

const stampColumns = ["id", "version", "status", "visibility", "updated_at"] as const;
const stamp = (r: { version: number; status: string; visibility: string; updated_at: string }) =>
  `${r.version}|${r.status}|${r.visibility}|${r.updated_at}`;

async function allStamps(db: Kysely<Database>): Promise<Map<number, string>> {
  const rows = await db.selectFrom("records").select(stampColumns).execute();
  return new Map(rows.map((r) => [r.id, stamp(r)]));
}

async function stampOf(db: Kysely<Database>, id: number): Promise<string | null> {
  const row = await db.selectFrom("records").select(stampColumns).where("id", "=", id).executeTakeFirst();
  return row ? stamp(row) : null;
}

async function pollForOutsideWrites(db: Kysely<Database>, state: State) {
  const version = await dataVersion(db);
  if (version === state.dataVersion) return;
  state.dataVersion = version;
  const now = await allStamps(db);
  const changed = [...now].filter(([id, s]) => state.stamps.get(id) !== s).map(([id]) => id);
  const removed = [...state.stamps.keys()].filter((id) => !now.has(id));
  for (const id of [...changed, ...removed]) await recordChanged(db, id);
}

/** Rebuilds the main index now and folds the delta into it (tests; the quiet timer does this). */
export async function rebuildSearchIndex(db: Kysely<Database>): Promise<void> {
  await rebuildMain(db, await ensureSearchReady(db));
}
