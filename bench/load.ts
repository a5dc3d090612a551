/**
 * `npm run bench:load [-- --duration 30 --connections 50 --only record,flood]`: starts Lärdom as
 * `npm start` does (production mode, a fresh database with the demo content) and floods its
 * pages with autocannon, anonymous and signed in, beside a bare node:http server answering with
 * the same headers and body from memory. Then floods the sign-in form and measures a page
 * meanwhile. Prints the figures and the verdict against the targets; exits 1 when one is missed.
 * Not part of `npm test`.
 *
 * The anonymous pages come from Lärdom's page cache (no If-None-Match is sent, so every answer is
 * a full 200); signed-in pages are rendered on every request.
 */
import os from "node:os";
import { parseArgs } from "node:util";

import autocannon from "autocannon";

import { judge, printFlood, printTable, type Figures, type Row } from "./load-report";
import { demoAccounts, signIn, startLardom, startReference, type Child, type Page } from "./load-server";

const { values: opts } = parseArgs({
  options: {
    duration: { type: "string", default: "30" },
    connections: { type: "string", default: "50" },
    only: { type: "string" },
    workers: { type: "string" },
    help: { type: "boolean", default: false },
  },
});
if (opts.help) {
  console.log("npm run bench:load -- [--duration SECONDS] [--connections N] [--workers N] [--only NAME,…]");
  console.log("  --workers: Lärdom's WEB_CONCURRENCY (default: WEB_CONCURRENCY, or one per core)");
  console.log("  names: home, record, search, api (each also as NAME/anon and NAME/member), flood");
  process.exit(0);
}
const duration = Number(opts.duration);
const connections = Number(opts.connections);
const workers = Number(opts.workers ?? process.env.WEB_CONCURRENCY ?? os.availableParallelism());
if (!(duration > 0) || !Number.isInteger(connections) || connections < 1 || !Number.isInteger(workers) || workers < 1) {
  console.error("--duration takes seconds (> 0), --connections and --workers whole numbers (≥ 1).");
  process.exit(2);
}
const wanted = opts.only?.split(",").map((s) => s.trim()).filter(Boolean);
/** `--only record` picks record/anon and record/member; `--only record/anon` only the one. */
const picked = (name: string) => !wanted || wanted.some((w) => name === w || name.startsWith(`${w}/`));

const RECORD = "/practices/hyttberga-lean-i-svetsverkstaden";
const PATHS = { home: "/", record: RECORD, search: "/search?q=underh%C3%A5ll", api: "/api/search?q=underh%C3%A5ll" };
// What a Swedish browser sends; the page cache is keyed by language, so this stays the same throughout.
const HEADERS = { Accept: "text/html,application/json;q=0.9,*/*;q=0.8", "Accept-Language": "sv-SE,sv;q=0.9,en;q=0.8" };
const FLOOD_SECONDS = Math.min(10, duration);
const FLOOD_PAGE_CONNECTIONS = 5;

interface Scenario {
  name: string;
  path: string;
  signedIn: boolean;
  headers: Record<string, string>;
}

const fmt = (n: number, digits = 1) => n.toFixed(digits);

function machineFacts() {
  const cores = os.cpus().length;
  const [load1, load5] = os.loadavg();
  console.log(`Load benchmark: ${duration} s × ${connections} connections per scenario`);
  console.log(`Machine: ${cores} cores, ${os.cpus()[0]?.model.trim() ?? "unknown CPU"}, ${fmt(os.totalmem() / 2 ** 30)} GB, Node ${process.version}`);
  console.log(`Load average before the run: ${fmt(load1, 2)} (1 min), ${fmt(load5, 2)} (5 min)`);
  // Lärdom, autocannon and the reference all want a core; a busy machine lowers every figure.
  if (load1 > cores * 0.5) console.log(`WARNING: the machine is busy (load ${fmt(load1, 2)} on ${cores} cores); figures will be low and noisy.`);
}

function cannon(url: string, options: Partial<autocannon.Options>): Promise<autocannon.Result> {
  return autocannon({ url, connections, duration, ...options });
}

function figures(r: autocannon.Result): Figures {
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    // autocannon's `errors` already counts the timeouts among them.
    errors: r.non2xx + r.errors,
    classes: { "2xx": r["2xx"], "3xx": r["3xx"], "4xx": r["4xx"], "5xx": r["5xx"], socket: r.errors - r.timeouts, timeout: r.timeouts },
    codes: Object.fromEntries(Object.entries(r.statusCodeStats ?? {}).map(([code, s]) => [code, s.count ?? 0])),
  };
}

/**
 * One full answer per scenario: checks it is a 200, and fills the page cache for anonymous pages
 * (of every worker: each has its own, and a new connection may go to any of them).
 */
async function fetchPage(base: string, s: Scenario): Promise<Page> {
  let response: Response | undefined;
  let hit = false;
  for (let i = 0; i <= workers; i++) {
    if (response) await response.arrayBuffer();
    response = await fetch(base + s.path, { headers: s.headers, redirect: "manual" });
    if (response.status !== 200) throw new Error(`${s.name}: GET ${s.path} answered ${response.status}`);
    hit ||= response.headers.get("X-Cache") === "hit";
  }
  if (!s.signedIn && response!.headers.has("X-Cache") && !hit) console.log(`note: ${s.name} was never served from the page cache`);
  return { path: `/${s.name}`, headers: [...response!.headers], body: Buffer.from(await response!.arrayBuffer()) };
}

/** A short run over every address first, so the JIT and the caches are warm for the first scenario. */
async function warmUp(base: string, scenarios: Scenario[], pathOf: (s: Scenario) => string) {
  const requests = scenarios.map((s) => ({ method: "GET" as const, path: pathOf(s), headers: s.headers }));
  await cannon(base, { duration: Math.min(5, duration), requests });
}

async function pages(lardom: Child, scenarios: Scenario[]): Promise<Row[]> {
  const fetched = [];
  for (const s of scenarios) fetched.push(await fetchPage(lardom.url, s));
  const reference = await startReference(fetched);
  try {
    await warmUp(lardom.url, scenarios, (s) => s.path);
    await warmUp(reference.url, scenarios, (s) => `/${s.name}`);
    const rows: Row[] = [];
    for (const s of scenarios) {
      // Each pair is run back to back, so a change in the machine's load hits both alike.
      const ours = figures(await cannon(lardom.url + s.path, { headers: s.headers }));
      const ref = figures(await cannon(`${reference.url}/${s.name}`, { headers: s.headers }));
      rows.push({ name: s.name, path: s.path, signedIn: s.signedIn, ours, ref });
      console.log(`  ${s.name.padEnd(14)} ${fmt(ours.rps, 0).padStart(7)} rps  (reference ${fmt(ref.rps, 0)} rps)`);
    }
    return rows;
  } finally {
    await reference.stop();
  }
}

/** Wrong passwords for one account, 50 connections, while 5 connections read a record page. */
async function flood(lardom: Child, email: string) {
  const page = { connections: FLOOD_PAGE_CONNECTIONS, duration: FLOOD_SECONDS, headers: HEADERS };
  const quiet = figures(await cannon(lardom.url + RECORD, page));
  const [attack, during] = await Promise.all([
    cannon(`${lardom.url}/login`, {
      duration: FLOOD_SECONDS,
      method: "POST",
      // The server refuses a cross-origin POST with 403; a real attacker's script sends its own origin.
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: lardom.url },
      body: new URLSearchParams({ email, password: "fel-lösenord" }).toString(),
      // On a thread of its own, so the flood's answers do not delay the page measurement's.
      workers: 1,
    }),
    cannon(lardom.url + RECORD, page),
  ]);
  return { quiet, during: figures(during), attack: figures(attack) };
}

async function main() {
  machineFacts();
  const kinds = Object.keys(PATHS) as (keyof typeof PATHS)[];
  const wantPages = kinds.some((k) => picked(`${k}/anon`) || picked(`${k}/member`));
  const wantFlood = picked("flood");
  if (!wantPages && !wantFlood) throw new Error(`--only ${opts.only} names no scenario; see --help.`);

  console.log(`\nStarting Lärdom (NODE_ENV=production, WEB_CONCURRENCY=${workers}, a fresh demo database) …`);
  const lardom = await startLardom({ workers });
  // Ctrl-C or kill: Lärdom is stopped, not left running (the reference goes with its IPC channel).
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      console.log(`\n${signal}: stopping Lärdom …`);
      void lardom.stop().finally(() => process.exit(130));
    });
  }
  try {
    const accounts = demoAccounts(lardom.output());
    if (!accounts.member || !accounts.admin) throw new Error(`No demo accounts in Lärdom's output:\n${lardom.output()}`);
    const cookie = await signIn(lardom.url, accounts.member.email, accounts.member.password);
    const scenarios: Scenario[] = kinds.flatMap((k) => [
      { name: `${k}/anon`, path: PATHS[k], signedIn: false, headers: HEADERS },
      { name: `${k}/member`, path: PATHS[k], signedIn: true, headers: { ...HEADERS, Cookie: cookie } },
    ]).filter((s) => picked(s.name));

    let rows: Row[] = [];
    if (scenarios.length) {
      console.log(`Lärdom at ${lardom.url}; running ${scenarios.length} scenarios, each against Lärdom and the reference …`);
      rows = await pages(lardom, scenarios);
      printTable(rows);
    }
    // Last, because the wrong passwords count against the address in the app's own limits.
    let floodFigures;
    if (wantFlood) {
      console.log(`\nSign-in flood: ${FLOOD_SECONDS} s of wrong passwords, ${connections} connections, page read by ${FLOOD_PAGE_CONNECTIONS} …`);
      floodFigures = await flood(lardom, accounts.admin.email);
      printFlood(floodFigures);
    }
    console.log(`\nLoad average after the run: ${fmt(os.loadavg()[0], 2)}`);
    return judge(rows, floodFigures);
  } catch (error) {
    console.error(`\nLärdom's output:\n${lardom.output()}`);
    throw error;
  } finally {
    await lardom.stop();
  }
}

main().then(
  (ok) => process.exit(ok ? 0 : 1),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
