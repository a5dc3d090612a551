import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";

import sqlite3 from "sqlite3";
import { afterAll, describe, expect, it } from "vitest";

import { Browser, demoAccounts } from "./helpers/http";
import { startServer, type RunningServer } from "./helpers/server";

/**
 * Issue 8, durability: the real server (`npm start`'s app/cli/start.ts) is killed with SIGKILL
 * at random moments while signed-in writers post practices through the form, over and over on
 * one database file; afterwards the file must be intact and hold every write the server
 * acknowledged. Then SIGTERM with writes in flight must answer every request it took, exit 0
 * soon and close the database cleanly.
 *
 * DURABILITY_SEED=n repeats the random choices (writers, kill moments) of a failed run;
 * DURABILITY_ROUNDS=n changes the number of SIGKILL rounds (50).
 */
const SEED = Number(process.env.DURABILITY_SEED) || Math.floor(Math.random() * 2 ** 31);
const ROUNDS = Number(process.env.DURABILITY_ROUNDS) || 50;
console.log(`durability: seed ${SEED} (DURABILITY_SEED=${SEED} repeats it), ${ROUNDS} SIGKILL rounds`);

/** mulberry32: small, seedable, good enough to pick delays. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = random(SEED);
const between = (min: number, max: number) => min + Math.floor(rand() * (max - min + 1));

// One data directory for both tests: the SIGTERM test then also starts on a file left by a kill.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "lardom-durability-"));
const databasePath = path.join(dataDir, "lardom.db");
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const TITLE_PREFIX = "Tålighetsprov";
const EDIT_LOCATION = /^\/practices\/([a-z0-9-]+)\/edit\?saved=created$/;

/** slug → title of every write the server acknowledged, over all rounds and both tests. */
const acknowledged = new Map<string, string>();
let cookie = "";
let seededRecords = -1;

/** Starts the server on the shared file; signs in once, the first time (sessions live in the database). */
async function start(): Promise<{ server: RunningServer; startMs: number }> {
  const began = performance.now();
  const server = await startServer({ databasePath, pollMs: 20 });
  const startMs = performance.now() - began;
  if (!cookie) {
    const browser = new Browser(server);
    const { contributor } = demoAccounts(server.output());
    await browser.signIn(contributor.email, contributor.password);
    cookie = browser.cookie;
  }
  return { server, startMs };
}

interface Outcome {
  title: string;
  /** When the server said 100 Continue: it had read the request head and begun handling it. */
  acceptedAt?: number;
  status?: number;
  location?: string;
  /** The whole response arrived. */
  complete: boolean;
  error?: string;
  sentAt: number;
  /** When the response ended or the request failed. */
  endedAt: number;
}

/**
 * Posts a new practice through the form as a browser without JavaScript would. With
 * `expectContinue` the body waits for the server's 100 Continue (and for `holdBody`), which
 * tells exactly which requests the server had taken when a signal came.
 */
function postPractice(
  server: RunningServer,
  agent: http.Agent,
  title: string,
  { expectContinue = false, holdBody, onAccepted }: { expectContinue?: boolean; holdBody?: Promise<unknown>; onAccepted?: () => void } = {},
): Promise<Outcome> {
  const body = new URLSearchParams({
    title,
    summary: "Skrivet medan servern dödades.",
    body: "Ett **prov** av hållbarheten.",
    problem: "Går data förlorade?",
    themes: "data-och-sensorer",
    tags: "tålighet, prov",
    organisation: "olmeviks-hydraulik",
    intent: "save",
  }).toString();
  const outcome: Outcome = { title, complete: false, sentAt: performance.now(), endedAt: Infinity };
  return new Promise<Outcome>((resolve) => {
    const done = (error?: Error) => {
      if (outcome.endedAt !== Infinity) return;
      outcome.endedAt = performance.now();
      if (error) outcome.error ??= errorName(error);
      resolve(outcome);
    };
    const req = http.request(`${server.url}/practices/new`, {
      method: "POST",
      agent,
      headers: {
        Cookie: cookie,
        "Content-Type": "application/x-www-form-urlencoded",
        "Content-Length": Buffer.byteLength(body),
        ...(expectContinue ? { Expect: "100-continue" } : {}),
      },
    });
    req.on("response", (res) => {
      // The status line and Location are the acknowledgement, even if the body is cut off.
      outcome.status = res.statusCode;
      outcome.location = res.headers.location;
      res.resume();
      res.on("end", () => {
        outcome.complete = true;
        done();
      });
      res.on("error", done);
      res.on("aborted", () => done(new Error("response cut off")));
    });
    req.on("error", done);
    if (expectContinue) {
      req.on("continue", () => {
        outcome.acceptedAt = performance.now();
        onAccepted?.();
        void Promise.resolve(holdBody).then(() => req.end(body));
      });
      req.flushHeaders();
    } else {
      req.end(body);
    }
  });
}

const errorName = (error: Error) => (error as NodeJS.ErrnoException).code ?? error.message;

/** The slug the server acknowledged, or undefined. */
function acknowledgedSlug(outcome: Outcome): string | undefined {
  return outcome.status === 302 ? EDIT_LOCATION.exec(outcome.location ?? "")?.[1] : undefined;
}

interface WriterRun {
  outcomes: Outcome[];
  /** Set just before the signal: connection errors after it are expected. */
  signalledAt: number;
  stop: boolean;
}

/** One writer: posts practices one after the other on a keep-alive connection until stopped or refused. */
async function writer(server: RunningServer, run: WriterRun, name: string, expectContinue: boolean) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    for (let n = 0; !run.stop; n++) {
      const outcome = await postPractice(server, agent, `${TITLE_PREFIX} ${name} n${n}`, { expectContinue });
      run.outcomes.push(outcome);
      if (outcome.error) break;
    }
  } finally {
    agent.destroy();
  }
}

async function waitFor(check: () => boolean, ms: number) {
  const deadline = Date.now() + ms;
  while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
}

// ---------------------------------------------------------------------------------------------
// The database, read directly

interface StoredPractice {
  slug: string;
  title: string;
  status: string;
  version: number;
  details: number;
  themes: number;
  tags: number;
  revisions: number;
}

function query<T>(db: sqlite3.Database, sql: string): Promise<T[]> {
  return new Promise((resolve, reject) => db.all(sql, (err, rows) => (err ? reject(err) : resolve(rows as T[]))));
}

/**
 * Opens the file read-only, so that this check neither checkpoints nor removes a WAL the killed
 * server left: the next server start must recover it itself.
 */
async function inspect(file: string) {
  const db = await new Promise<sqlite3.Database>((resolve, reject) => {
    const handle = new sqlite3.Database(file, sqlite3.OPEN_READONLY, (err) => (err ? reject(err) : resolve(handle)));
  });
  try {
    const integrity = await query<{ integrity_check: string }>(db, "pragma integrity_check");
    const foreignKeys = await query<Record<string, unknown>>(db, "pragma foreign_key_check");
    // One row per practice written here, with the rows its one transaction wrote beside it.
    const practices = await query<StoredPractice>(
      db,
      `select r.slug, r.title, r.status, r.version,
         (select count(*) from practice_details d where d.record_id = r.id) as details,
         (select count(*) from record_themes t where t.record_id = r.id) as themes,
         (select count(*) from record_tags g where g.record_id = r.id) as tags,
         (select count(*) from revisions v where v.record_id = r.id) as revisions
       from records r where r.kind = 'practice' and r.title like '${TITLE_PREFIX} %'`,
    );
    const [{ others }] = await query<{ others: number }>(db, `select count(*) as others from records where title not like '${TITLE_PREFIX} %'`);
    return { integrity: integrity.map((r) => r.integrity_check), foreignKeys, practices, others };
  } finally {
    await new Promise<void>((resolve, reject) => db.close((err) => (err ? reject(err) : resolve())));
  }
}

/** The file is intact and holds every acknowledged write, each whole. Returns how many it holds. */
async function expectIntact(label: string): Promise<number> {
  const { integrity, foreignKeys, practices, others } = await inspect(databasePath);
  expect(integrity, `${label}: integrity_check`).toEqual(["ok"]);
  expect(foreignKeys, `${label}: foreign_key_check`).toEqual([]);
  if (seededRecords < 0) seededRecords = others;
  expect(others, `${label}: the demo records`).toBe(seededRecords);
  const stored = new Map(practices.map((p) => [p.slug, p]));
  const missing = [...acknowledged].filter(([slug, title]) => stored.get(slug)?.title !== title);
  expect(missing, `${label}: acknowledged writes missing from the database`).toEqual([]);
  // All or nothing: a practice is never there without its details, theme, tags and revision.
  const torn = practices.filter((p) => p.status !== "draft" || p.version !== 1 || p.details !== 1 || p.themes !== 1 || p.tags !== 2 || p.revisions !== 1);
  expect(torn, `${label}: practices written only in part`).toEqual([]);
  return practices.length;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

describe("durability of the real server", () => {
  it(`keeps every acknowledged write through ${ROUNDS} SIGKILLs`, async () => {
    const startTimes: number[] = [];
    let stored = 0;
    for (let round = 1; round <= ROUNDS; round++) {
      const label = `seed ${SEED}, round ${round}`;
      const { server, startMs } = await start();
      startTimes.push(startMs);

      // The session from the first round still opens a draft written before the last kill.
      const last = [...acknowledged].at(-1);
      if (last) {
        const page = await fetch(`${server.url}/practices/${last[0]}/edit`, { headers: { Cookie: cookie }, redirect: "manual" });
        expect(page.status, `${label}: the session and ${last[0]} after a restart`).toBe(200);
        expect(await page.text()).toContain(last[1]);
      }

      const run: WriterRun = { outcomes: [], signalledAt: Infinity, stop: false };
      const writers = Array.from({ length: between(2, 5) }, (_, w) => writer(server, run, `r${round} w${w}`, false));
      // Kill anywhere from the very first write to a dozen in, at no particular millisecond.
      const after = between(0, 12);
      await waitFor(() => run.outcomes.filter(acknowledgedSlug).length >= after, 15_000);
      await new Promise((r) => setTimeout(r, between(0, 60)));
      run.signalledAt = performance.now();
      server.kill("SIGKILL");
      expect(await server.exited, label).toEqual({ code: null, signal: "SIGKILL" });
      await Promise.all(writers);

      for (const o of run.outcomes) {
        const slug = acknowledgedSlug(o);
        if (slug) acknowledged.set(slug, o.title);
      }
      // Before the kill every request is acknowledged; errors come only from the kill.
      const wrong = run.outcomes.filter((o) => (o.status !== undefined && !acknowledgedSlug(o)) || (o.error && o.endedAt < run.signalledAt));
      expect(wrong.map((o) => `${o.title}: ${o.status} ${o.location} ${o.error}`), `${label}: failures before the kill`).toEqual([]);
      stored = await expectIntact(label);
    }
    const acks = acknowledged.size;
    console.log(
      `durability: ${ROUNDS} kills, ${acks} acknowledged writes all present, ${stored - acks} more committed without an answer; ` +
        `server start ${Math.round(startTimes[0])} ms seeding, then median ${Math.round(median(startTimes.slice(1)))} ms, max ${Math.round(Math.max(...startTimes.slice(1)))} ms`,
    );
    expect(acks).toBeGreaterThanOrEqual(ROUNDS * 3);
  }, 300_000);

  it("on SIGTERM answers every request it took, exits 0 within seconds and closes the database", async () => {
    const { server } = await start();
    const run: WriterRun = { outcomes: [], signalledAt: Infinity, stop: false };
    const writers = Array.from({ length: 8 }, (_, w) => writer(server, run, `sigterm w${w}`, true));
    await waitFor(() => run.outcomes.filter(acknowledgedSlug).length >= 30, 15_000);

    // Requests whose body is still on its way at the signal: the server has them and must wait for them.
    let release = () => {};
    const bodies = new Promise<void>((resolve) => (release = resolve));
    const slowAgent = new http.Agent({ keepAlive: false });
    let taken = 0;
    const slow = Array.from({ length: 3 }, (_, i) =>
      postPractice(server, slowAgent, `${TITLE_PREFIX} sigterm slow ${i}`, { expectContinue: true, holdBody: bodies, onAccepted: () => taken++ }),
    );
    await waitFor(() => taken === 3, 5000);
    await new Promise((r) => setTimeout(r, between(0, 40)));

    run.signalledAt = performance.now();
    server.kill("SIGTERM");
    setTimeout(release, 200);
    const exit = await Promise.race([server.exited, new Promise<string>((r) => setTimeout(() => r("still running 10 s after SIGTERM"), 10_000))]);
    const exitMs = performance.now() - run.signalledAt;
    run.stop = true;
    if (typeof exit === "string") server.kill("SIGKILL");
    await Promise.all(writers);
    const outcomes = [...run.outcomes, ...(await Promise.all(slow))];
    slowAgent.destroy();
    for (const o of outcomes) {
      const slug = acknowledgedSlug(o);
      if (slug) acknowledged.set(slug, o.title);
    }
    // Looked at before anything here opens the file again.
    const wal = `${databasePath}-wal`;
    const walBytes = fs.existsSync(wal) ? fs.statSync(wal).size : 0;
    const shmLeft = fs.existsSync(`${databasePath}-shm`);
    const signal = run.signalledAt;
    const at = (t: number | undefined) => (t === undefined ? "never" : `${Math.round(t - signal)} ms`);
    const stored = new Set((await inspect(databasePath)).practices.map((p) => p.title));
    const written = (o: Outcome) => (stored.has(o.title) ? "written" : "not written");

    const inFlight = outcomes.filter((o) => o.acceptedAt! < signal && o.endedAt > signal);
    expect(inFlight.length, "requests taken before the signal and not yet answered").toBeGreaterThanOrEqual(3);
    // Whatever the server took (100 Continue), before the signal or after, it answers in full: no reset, no cut-off.
    const unanswered = outcomes.filter((o) => o.acceptedAt !== undefined && !(o.complete && acknowledgedSlug(o)));
    expect(
      unanswered.map((o) => `${o.title} (${written(o)}): taken at ${at(o.acceptedAt)}, ended at ${at(o.endedAt)}: ${o.status ?? "no status"} ${o.error ?? ""}`),
      "requests the server took but did not answer in full",
    ).toEqual([]);
    // A request it never took may fail only because it had stopped listening: one sent in the
    // last moment before the signal may still have been unread in the socket.
    const refused = outcomes.filter((o) => o.acceptedAt === undefined && !(o.complete && acknowledgedSlug(o)));
    expect(
      refused.filter((o) => o.status !== undefined || o.sentAt < signal - 100).map((o) => `${o.title} (${written(o)}): sent at ${at(o.sentAt)}: ${o.status ?? ""} ${o.error ?? ""}`),
      "requests refused that were sent well before the signal",
    ).toEqual([]);
    expect(exit, server.output()).toEqual({ code: 0, signal: null });
    expect(exitMs, "milliseconds from SIGTERM to exit").toBeLessThan(3000);

    // On a clean close SQLite checkpoints the WAL into the file and deletes it and the -shm.
    expect(walBytes, "bytes left in the WAL").toBe(0);
    expect(shmLeft, "an -shm file is left").toBe(false);
    await expectIntact("after SIGTERM");
    console.log(
      `durability: SIGTERM with ${inFlight.length} requests in flight, ${refused.length} refused after it; exit 0 after ${Math.round(exitMs)} ms; ` +
        `${acknowledged.size} acknowledged writes checked in all`,
    );
  }, 60_000);
});
