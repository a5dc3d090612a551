/**
 * `npm run bench:search [-- 1000,10000]`: builds Lärdom's search index and, on the same
 * records and queries, MiniSearch with prefix and fuzzy search, and prints build time,
 * serialized size, heap, restart time and query latency. Not part of `npm test`.
 *
 * Heap is what the loaded index (with the documents it keeps for snippets and facets) adds to
 * the heap after garbage collection. Lärdom's query time is the whole search: matching,
 * ranking, facets and snippets for the first ten; MiniSearch's is its search call alone.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import MiniSearch from "minisearch";

import type { SearchDoc } from "../app/search/documents.server";
import {
  buildEngine,
  loadEngine,
  packEngine,
  transferablesOf,
  type SearchPart,
  type SerializedEngine,
} from "../app/search/engine.server";
import { searchIn } from "../app/search/search.server";
import { syntheticDocs, syntheticQueries } from "./corpus";

const sizes = (process.argv[2] ?? "1000,10000,50000").split(",").map(Number);
const QUERIES = 300;

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("Run with node --expose-gc (npm run bench:search does).");
function heap(): number {
  gc!();
  gc!();
  return process.memoryUsage().heapUsed;
}
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 0)} ms`;

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function latency(queries: string[], run: (q: string) => unknown) {
  for (const q of queries.slice(0, 30)) run(q); // warm up
  const times = queries.map((q) => {
    const t = performance.now();
    run(q);
    return performance.now() - t;
  });
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

interface Figures {
  build: number;
  /** Main-thread pause when a worker hands over a new index (loading it from the message). */
  swap?: number;
  size: number;
  heap: number;
  restart: number;
  p50: number;
  p95: number;
}

/** Builds and persists as the worker does; returns only figures, so nothing big stays reachable. */
function buildAndPersist(docs: SearchDoc[], file: string) {
  let t = performance.now();
  const engine = buildEngine(docs);
  const build = performance.now() - t;
  // What the main thread does with the worker's message (the arrays arrive by transfer).
  const packed = packEngine(engine);
  t = performance.now();
  loadEngine(structuredClone(packed, { transfer: transferablesOf(packed) }));
  const swap = performance.now() - t;
  const json = JSON.stringify({ engine, docs });
  fs.writeFileSync(file, json);
  return { build, swap, size: Buffer.byteLength(json) };
}

/** What the server does on a restart with an unchanged database: read, parse, load. */
function restore(file: string): SearchPart {
  const saved = JSON.parse(fs.readFileSync(file, "utf8")) as { engine: SerializedEngine; docs: SearchDoc[] };
  return { engine: loadEngine(saved.engine), docs: new Map(saved.docs.map((d) => [d.id, d])) };
}

function lardom(docs: SearchDoc[], queries: string[], file: string): Figures {
  const { build, swap, size } = buildAndPersist(docs, file);
  const before = heap();
  const t = performance.now();
  const main = restore(file);
  const restart = performance.now() - t;
  const used = heap() - before; // the loaded index and its documents, as the server holds them

  const parts = { main, delta: null, stale: new Set<number>() };
  const { p50, p95 } = latency(queries, (q) => searchIn(parts, { q, limit: 10, offset: 0 }, { members: true }));
  return { build, swap, size, heap: used, restart, p50, p95 };
}

function minisearch(docs: SearchDoc[], queries: string[]): Figures {
  const options = { fields: ["title", "summary", "body"], storeFields: ["title"], idField: "id" };
  const { build, json } = (() => {
    const t = performance.now();
    const mini = new MiniSearch(options);
    mini.addAll(
      docs.map((d) => ({ id: d.id, title: d.title, summary: d.summary, body: [d.text, ...d.lessons, ...d.tags].join(" ") })),
    );
    return { build: performance.now() - t, json: JSON.stringify(mini) };
  })();
  const before = heap();
  const t = performance.now();
  const loaded = MiniSearch.loadJSON(json, options);
  const restart = performance.now() - t;
  const used = heap() - before;
  const { p50, p95 } = latency(queries, (q) =>
    loaded.search(q, { prefix: true, fuzzy: 0.2, boost: { title: 10, summary: 4 } }).slice(0, 10),
  );
  return { build, size: Buffer.byteLength(json), heap: used, restart, p50, p95 };
}

console.log(`Search benchmark on ${os.cpus().length} cores, Node ${process.version}; ${QUERIES} queries per size.\n`);
const rows: { n: number; engine: string; f: Figures }[] = [];
for (const n of sizes) {
  const docs = syntheticDocs(n);
  const queries = syntheticQueries(docs, QUERIES);
  const tmp = path.join(os.tmpdir(), `lardom-bench-${n}.json`);
  rows.push({ n, engine: "Lärdom (lunr + Swedish)", f: lardom(docs, queries, tmp) });
  rows.push({ n, engine: "MiniSearch prefix+fuzzy", f: minisearch(docs, queries) });
  fs.rmSync(tmp, { force: true });
  for (const r of rows.slice(-2)) {
    const f = r.f;
    console.log(
      `${String(r.n).padStart(6)}  ${r.engine.padEnd(24)} build ${ms(f.build).padStart(9)}  size ${mb(f.size).padStart(9)}  ` +
        `heap ${mb(f.heap).padStart(9)}  restart ${ms(f.restart).padStart(8)}  p50 ${ms(f.p50).padStart(8)}  p95 ${ms(f.p95).padStart(8)}` +
        (f.swap === undefined ? "" : `  swap pause ${ms(f.swap)}`),
    );
  }
}

const at10k = rows.filter((r) => r.n === 10_000);
if (at10k.length === 2) {
  const [ours, mini] = at10k.map((r) => r.f);
  const checks = [
    [`query p95 ≤ 1.5 × MiniSearch (${ms(1.5 * mini.p95)})`, ours.p95 <= 1.5 * mini.p95, ms(ours.p95)],
    ["query p95 < 25 ms", ours.p95 < 25, ms(ours.p95)],
    ["index heap < 300 MB", ours.heap < 300 * 1024 * 1024, mb(ours.heap)],
    ["restart with persisted index < 3 s", ours.restart < 3000, ms(ours.restart)],
  ] as const;
  console.log("\nTargets at 10k records:");
  for (const [what, ok, value] of checks) console.log(`  ${ok ? "met   " : "MISSED"}  ${what}: ${value}`);
}
