/**
 * `npm start`: builds when the sources are newer than the build, migrates, fills an empty
 * database with the demo content in seeds/, and serves on PORT. See docs/decisions/002-start.md.
 */
import { spawnSync } from "node:child_process";
import cluster from "node:cluster";
import fs from "node:fs";
import type http from "node:http";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

import type { ServerBuild } from "@remix-run/node";

import { migrateToLatest } from "../../db/migrator";
import { createDemoAccounts } from "../../seeds/accounts";
import { formatProblem, isDatabaseEmpty, loadSeedDirectory, SeedError } from "../../seeds/loader";
import { checkForOutsideWrites, ensureSearchReady, stopSearch } from "../search/service.server";
import { createApp } from "../server/app.server";
import { joinWorkers, runWorkers } from "../server/cluster.server";
import { errorFields, log } from "../server/log.server";
import { invalidateOnOutsideWrites, PageCache } from "../server/page-cache.server";
import { closeDb, getDb } from "../utils/db.server";
import { getEnv, getSessionSecret, type Env } from "../utils/env.server";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const buildFile = path.join(root, "build/index.js");

function newestMtime(entry: string): number {
  const stat = fs.statSync(entry, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...fs.readdirSync(entry).map((name) => newestMtime(path.join(entry, name))));
}

/** The build is stale when any source it is made from changed after it was made. */
function buildIsStale(): boolean {
  const built = newestMtime(buildFile);
  if (!built) return true;
  const sources = ["app", "db", "seeds/schema.ts", "seeds/loader.ts", "remix.config.js", "package.json"];
  return sources.some((s) => newestMtime(path.join(root, s)) > built);
}

function build() {
  console.log("Bygger Lärdom …");
  const result = spawnSync(process.execPath, [path.join(root, "node_modules/@remix-run/dev/dist/cli.js"), "build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production" },
  });
  if (result.status !== 0) throw new Error("Bygget misslyckades; se utskriften ovan.");
}

async function prepareDatabase() {
  const db = getDb();
  await migrateToLatest(db);
  if (await isDatabaseEmpty(db)) {
    const counts = await loadSeedDirectory(db, path.join(root, "seeds"));
    console.log(
      `Tom databas: läste in demoinnehållet (${counts.practices} goda exempel, ${counts.events} träffar, ` +
        `${counts.activities} kompetensinsatser, ${counts.paths} lärvägar).`,
    );
    // Printed this once only; the database keeps nothing but the hashes.
    const accounts = await createDemoAccounts(db);
    console.log("Demokonton (lösenorden visas bara nu):");
    for (const a of accounts) console.log(`  ${a.role.padEnd(12)} ${a.email}  ${a.password}`);
  }
}

async function main() {
  const env = getEnv();
  if (cluster.isWorker) return serve(env);
  if (!process.argv.includes("--no-build") && buildIsStale()) build();
  await prepareDatabase();
  const started = Date.now();
  await ensureSearchReady(getDb());
  console.log(`Sökindexet är klart (${Date.now() - started} ms).`);
  if (env.WEB_CONCURRENCY === 1) return serve(env);

  // The workers load what is made here once: the index just saved beside the database, and
  // the session secret (outside production it is a file the workers would race to create).
  getSessionSecret();
  await stopSearch();
  await closeDb();
  runWorkers(env.WEB_CONCURRENCY, {
    onListening: () => console.log(`Lärdom är igång på ${address(env)} (${env.WEB_CONCURRENCY} processer)`),
  });
}

function address(env: Env): string {
  return `http://${env.HOST === "0.0.0.0" ? "localhost" : env.HOST}:${env.PORT}`;
}

/** Serves on PORT in this process: the only one, or one of WEB_CONCURRENCY workers. */
async function serve(env: Env) {
  await ensureSearchReady(getDb());
  const cache = new PageCache();
  // A worker hears of the others' writes, and tells them of its own before answering.
  const worker = cluster.isWorker
    ? joinWorkers({
        onPeerWrite: async () => {
          cache.invalidate();
          await checkForOutsideWrites(getDb()).catch(() => {}); // the next poll tries again
        },
      })
    : undefined;
  const serverBuild = (await import(pathToFileURL(buildFile).href)) as ServerBuild;
  const { app } = createApp({
    build: serverBuild,
    root,
    production: env.NODE_ENV === "production",
    publicOrigin: env.PUBLIC_ORIGIN,
    cache,
    onWrite: worker?.announce,
  });
  const stopWatching = invalidateOnOutsideWrites(getDb(), cache);

  const server = app.listen(env.PORT, env.HOST, () => {
    if (!worker) console.log(`Lärdom är igång på ${address(env)}`);
  });
  // A client that sends its headers or body a byte at a time must not hold a connection for ever.
  server.headersTimeout = 15_000;
  server.requestTimeout = 60_000;

  // Responses not yet sent. On shutdown each is still sent in full, with "Connection: close",
  // so a kept-alive connection ends once answered instead of waiting for its next request.
  let stopping = false;
  const unanswered = new Set<http.ServerResponse>();
  server.prependListener("request", (_req: http.IncomingMessage, res: http.ServerResponse) => {
    if (stopping) res.setHeader("Connection", "close");
    unanswered.add(res);
    res.once("close", () => {
      unanswered.delete(res);
      if (stopping) server.closeIdleConnections();
    });
  });

  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    if (!worker) console.log(`${signal}: stänger Lärdom …`);
    for (const res of unanswered) if (!res.headersSent) res.setHeader("Connection", "close");
    // Stop accepting, let requests under way finish, then close the database cleanly (SQLite
    // folds the write-ahead log back into the file when the last connection closes).
    server.close(async () => {
      stopWatching();
      await stopSearch();
      await closeDb();
      if (!worker) console.log("Lärdom har stängts.");
      process.exit(0);
    });
    server.closeIdleConnections();
    // A request still running after this long is cut off rather than holding the shutdown.
    setTimeout(() => server.closeAllConnections(), 10_000).unref();
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("unhandledRejection", (reason) => log("error", "unhandled rejection", errorFields(reason)));
}

main().catch(async (error) => {
  if (error instanceof SeedError) {
    console.error("Demoinnehållet kunde inte läsas in:");
    for (const problem of error.problems) console.error(`  ${formatProblem(problem)}`);
  } else {
    console.error(error instanceof Error ? error.message : error);
  }
  await closeDb().catch(() => {});
  process.exit(1);
});
