import http from "node:http";
import { once } from "node:events";
import net, { type AddressInfo } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";

import type { ServerBuild } from "@remix-run/node";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { openDatabase } from "../db/connection";
import { createApp } from "~/server/app.server";
import { PageCache } from "~/server/page-cache.server";
import { ensureSearchReady, stopSearch } from "~/search/service.server";
import { closeDb, getDb } from "~/utils/db.server";
import { setupAuthors } from "./helpers/authoring";
import { ROOT } from "./helpers/db";

/**
 * Issue 8: the HTTP layer around Remix (app/server/), run in this process on the built app so
 * the log lines can be read: security headers and the CSP nonce, refusals before Remix parses a
 * request, the anonymous page cache with ETags, and errors that are logged but never shown.
 */
let base: string;
let devBase: string;
let editor: string;
const servers: http.Server[] = [];
const logLines: Record<string, unknown>[] = [];

async function listen(production: boolean): Promise<string> {
  const build = (await import(pathToFileURL(path.join(ROOT, "build/index.js")).href)) as ServerBuild;
  const { app } = createApp({ build, root: ROOT, production, cache: new PageCache() });
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  ({ editor } = await setupAuthors());
  await ensureSearchReady(getDb());
  [base, devBase] = await Promise.all([listen(true), listen(false)]);
  // The structured log goes to standard error: keep its lines to look at. (Not vi.spyOn: the
  // setup restores every mock after each test.)
  process.stderr.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
    const lines = String(chunk).split("\n").filter((line) => line.startsWith("{"));
    for (const line of lines) logLines.push(JSON.parse(line) as Record<string, unknown>);
    return lines.length ? true : writeStderr(chunk, ...rest);
  }) as typeof process.stderr.write;
}, 60_000);
const writeStderr = process.stderr.write.bind(process.stderr);
afterAll(async () => {
  process.stderr.write = writeStderr;
  for (const server of servers) await new Promise((resolve) => server.close(resolve));
  await stopSearch();
  await closeDb();
});

const get = (url: string, headers: Record<string, string> = {}) => fetch(`${base}${url}`, { redirect: "manual", headers });
const postForm = (url: string, body: string | URLSearchParams, headers: Record<string, string> = {}) =>
  fetch(`${base}${url}`, {
    method: "POST",
    redirect: "manual",
    body,
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers },
  });

function nonceOf(response: Response): string {
  const match = /'nonce-([^']+)'/.exec(response.headers.get("Content-Security-Policy") ?? "");
  if (!match) throw new Error("no nonce in the CSP");
  return match[1]!;
}

const PRACTICE = "/practices/hyttberga-lean-i-svetsverkstaden";

describe("headers", () => {
  it("every page has an enforced CSP whose nonce is on each of its scripts, and a new one each time", async () => {
    const first = await get(PRACTICE);
    const second = await get(PRACTICE);
    for (const response of [first, second]) {
      const csp = response.headers.get("Content-Security-Policy")!;
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("base-uri 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}'/);
      expect(response.headers.get("Content-Security-Policy-Report-Only")).toBeNull();
      const html = await response.text();
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      expect(scripts.length).toBeGreaterThan(0);
      for (const tag of scripts) if (!/\ssrc=/.test(tag)) expect(tag).toContain(`nonce="${nonceOf(response)}"`);
    }
    expect(nonceOf(first)).not.toBe(nonceOf(second));
  });

  it("sends nosniff, a referrer policy and a charset on pages, files, API answers and errors", async () => {
    for (const url of [PRACTICE, "/finns-inte", "/api/search?q=underhåll", "/favicon.svg", "/%FF"]) {
      const response = await get(url);
      expect(response.headers.get("X-Content-Type-Options"), url).toBe("nosniff");
      expect(response.headers.get("Referrer-Policy"), url).toBe("strict-origin-when-cross-origin");
      expect(response.headers.get("Content-Security-Policy"), url).toContain("frame-ancestors 'none'");
      expect(response.headers.get("X-Request-Id"), url).toMatch(/^[\w-]{12}$/);
      if (/html|json/.test(response.headers.get("Content-Type") ?? "")) {
        expect(response.headers.get("Content-Type"), url).toMatch(/charset=utf-8/i);
      }
    }
  });

  it("sends HSTS in production only", async () => {
    expect((await get("/")).headers.get("Strict-Transport-Security")).toMatch(/max-age=\d{7,}/);
    expect((await fetch(`${devBase}/`)).headers.get("Strict-Transport-Security")).toBeNull();
  });
});

describe("requests refused before Remix reads them", () => {
  const recordCount = async () => Number((await getDb().selectFrom("records").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);
  const newPractice = new URLSearchParams({ title: "Korsvis", summary: "x", body: "x", themes: "data-och-sensorer", organisation: "olmeviks-hydraulik", intent: "save" });

  it("refuses a write from another site with 403 and writes nothing", async () => {
    const before = await recordCount();
    const cases: Record<string, string>[] = [{ Origin: "https://evil.example" }, { Origin: "null" }, { "Sec-Fetch-Site": "cross-site" }];
    for (const headers of cases) {
      const response = await postForm("/practices/new", newPractice, { Cookie: editor, ...headers });
      expect(response.status, JSON.stringify(headers)).toBe(403);
      expect(await response.text()).toContain("kom från en annan webbplats");
    }
    expect(await recordCount()).toBe(before);
    // The same form from the site itself goes through.
    const own = await postForm("/practices/new", newPractice, { Cookie: editor, Origin: base, "Sec-Fetch-Site": "same-origin" });
    expect(own.status).toBe(302);
    expect(await recordCount()).toBe(before + 1);
  });

  it("answers a declared body over the limit with 413 before the body is sent", async () => {
    const { port } = new URL(base);
    const status = await new Promise<number>((resolve, reject) => {
      const request = http.request(
        { host: "127.0.0.1", port, path: "/practices/new", method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": 50_000_000 } },
        (response) => resolve(response.statusCode ?? 0),
      );
      request.on("error", reject);
      request.flushHeaders(); // headers only: the server must answer without waiting for 50 MB
    });
    expect(status).toBe(413);
  });

  it("answers a streamed body that grows past the limit with 413", async () => {
    const chunk = "a".repeat(100_000);
    const stream = new ReadableStream({
      pull(controller) {
        controller.enqueue(new TextEncoder().encode(chunk));
      },
    });
    const response = await fetch(`${base}/language`, {
      method: "POST",
      body: stream,
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      duplex: "half",
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(await response.text()).toContain("högst 2 MB");
  });

  it("refuses bodies that are not clean UTF-8 text, and oversized fields, with a message", async () => {
    const cases: [string, number, string][] = [
      ["title=%FF%FE&intent=save", 400, "inte UTF-8"],
      ["title=%C3%28", 400, "inte UTF-8"],
      ["title=ok%00&intent=save", 400, "nolltecken"],
      [`body=${"x".repeat(600_000)}`, 413, "”body” är för långt"],
    ];
    for (const [body, status, message] of cases) {
      const response = await postForm("/practices/new", body, { Cookie: editor });
      expect(response.status, body.slice(0, 30)).toBe(status);
      expect(response.headers.get("Content-Type")).toMatch(/text\/html; charset=utf-8/);
      expect(await response.text()).toContain(message);
    }
    const english = await postForm("/practices/new", "title=%FF", { Cookie: editor, "Accept-Language": "en" });
    expect(await english.text()).toContain("not UTF-8");
  });

  it("refuses wrong content types: a file where no form takes one, JSON where a form is expected", async () => {
    const multipart = new FormData();
    multipart.append("title", "x");
    const files = await fetch(`${base}/practices/new`, { method: "POST", body: multipart, headers: { Cookie: editor } });
    expect(files.status).toBe(415);
    const json = await fetch(`${base}/practices/new`, { method: "POST", body: "{}", headers: { Cookie: editor, "Content-Type": "application/json" } });
    expect(json.status).toBe(415);
  });

  it("refuses an address that is not UTF-8 or holds NUL, also on the API (as JSON)", async () => {
    for (const url of ["/search?q=%FF", "/search?q=a%00b", "/api/search?q=%C0%AF"]) {
      const response = await get(url);
      expect(response.status, url).toBe(400);
    }
    const api = await get("/api/search?q=%FF");
    expect(await api.json()).toEqual({ error: expect.stringContaining("Adressen") });
  });

  it("answers a flood of sign-ins from one address with 429 before it reaches the database", async () => {
    const attempts = await Promise.all(
      Array.from({ length: 45 }, () => postForm("/login", "email=flood%40example.se&password=fel", { "Accept-Language": "en" })),
    );
    const limited = attempts.filter((r) => r.status === 429);
    // One at a time per address: all but the first wait their turn as a 429.
    expect(limited.length).toBe(attempts.length - 1);
    const fromServer = limited.find((r) => r.headers.get("Retry-After"));
    expect(fromServer).toBeDefined();
    expect(await fromServer!.text()).toContain("Too many sign-in attempts");
    const failures = await getDb().selectFrom("login_attempts").select((eb) => eb.fn.countAll().as("n")).where("email", "=", "flood@example.se").executeTakeFirstOrThrow();
    expect(Number(failures.n)).toBe(1);
    expect((await get("/themes")).status).toBe(200);
  });

  it("logs each refusal as one JSON line carrying the request id the response names", async () => {
    const response = await postForm("/language", "lang=%00");
    const id = response.headers.get("X-Request-Id");
    const line = logLines.find((l) => l.requestId === id);
    expect(line).toMatchObject({ level: "warn", event: "request refused", method: "POST", path: "/language", status: 400 });
    expect(typeof line!.time).toBe("string");
  });
});

describe("the anonymous page cache", () => {
  it("serves a second anonymous view from the cache, with a fresh nonce and the same ETag", async () => {
    const url = "/themes?cache=1";
    const first = await get(url);
    const second = await get(url);
    expect(first.headers.get("X-Cache")).toBe("miss");
    expect(second.headers.get("X-Cache")).toBe("hit");
    expect(second.headers.get("ETag")).toBe(first.headers.get("ETag"));
    expect(second.headers.get("Vary")).toBe("Cookie, Accept-Language");
    const [a, b] = [await first.text(), await second.text()];
    expect(b).toContain(`nonce="${nonceOf(second)}"`);
    expect(b).not.toContain(nonceOf(first));
    expect(b.replaceAll(nonceOf(second), "N")).toBe(a.replaceAll(nonceOf(first), "N"));
  });

  it("answers 304 to a matching If-None-Match, keeping the browser's own policy", async () => {
    const first = await get("/themes?cache=2");
    const etag = first.headers.get("ETag")!;
    const again = await get("/themes?cache=2", { "If-None-Match": etag });
    expect(again.status).toBe(304);
    expect(again.headers.get("Content-Security-Policy")).toBeNull();
    expect(await again.text()).toBe("");
    expect((await get("/themes?cache=2", { "If-None-Match": 'W/"other"' })).status).toBe(200);
  });

  it("keeps one page per language", async () => {
    const sv = await get("/themes?cache=3", { "Accept-Language": "sv" });
    const en = await get("/themes?cache=3", { "Accept-Language": "en-GB,en;q=0.9" });
    const enAgain = await get("/themes?cache=3", { "Accept-Language": "en" });
    expect(await sv.text()).toContain('lang="sv"');
    expect(await en.text()).toContain('lang="en"');
    expect(enAgain.headers.get("X-Cache")).toBe("hit");
    expect(await enAgain.text()).toContain('lang="en"');
    expect(en.headers.get("ETag")).not.toBe(sv.headers.get("ETag"));
  });

  it("renders signed-in pages fresh and privately", async () => {
    const response = await get(PRACTICE, { Cookie: editor });
    expect(response.headers.get("X-Cache")).toBeNull();
    expect(response.headers.get("ETag")).toBeNull();
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    expect(await response.text()).toContain("redaktor");
  });

  it("forgets every page when a write goes through the site", async () => {
    await get("/themes");
    expect((await get("/themes")).headers.get("X-Cache")).toBe("hit");
    const created = await postForm("/manage/themes", new URLSearchParams({ name: "Cachetema", name_en: "Cache theme" }), { Cookie: editor });
    expect(created.status).toBe(302);
    const after = await get("/themes");
    expect(after.headers.get("X-Cache")).toBe("miss");
    expect(await after.text()).toContain("Cachetema");
  });

  it("is not emptied by refused writes, nor by posts that touch only the poster's session", async () => {
    await get("/themes");
    const refused = await postForm("/manage/themes", new URLSearchParams({ name: "" }), { Cookie: editor });
    expect(refused.status).toBe(400);
    expect((await postForm("/language", "lang=en&redirectTo=/")).status).toBe(302);
    expect((await get("/themes")).headers.get("X-Cache")).toBe("hit");
  });
});

describe("errors", () => {
  it("a reader who leaves before the answer is logged as gone, not as a server error", async () => {
    const from = logLines.length;
    const socket = net.connect(Number(new URL(base).port), "127.0.0.1");
    await once(socket, "connect");
    // A signed-in page, rendered fresh: it cannot be answered before the socket is gone.
    socket.write(`GET ${PRACTICE}?left=1 HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: ${editor}\r\n\r\n`, () => socket.destroy());
    await vi.waitFor(() => expect(logLines.slice(from).some((l) => l.event === "client went away" && l.path === PRACTICE)).toBe(true), { timeout: 5_000 });
    expect(logLines.slice(from).filter((l) => l.level === "error")).toEqual([]);
  });

  it("a failing page shows no internals, and the log has the stack under the request id", async () => {
    // Break the database under the running app: every record page then fails.
    await sql`alter table records rename to records_away`.execute(getDb());
    try {
      const response = await get(`${PRACTICE}?broken=1`, { Cookie: editor });
      expect(response.status).toBe(500);
      const html = await response.text();
      expect(html).toContain("Något gick fel");
      expect(html).not.toMatch(/records|SQLITE|\bat \S+ \(|\.ts:\d+/);
      const id = response.headers.get("X-Request-Id");
      const line = logLines.find((l) => l.requestId === id && l.level === "error" && typeof l.stack === "string");
      expect(line).toMatchObject({ event: "route failed", method: "GET", path: PRACTICE });
      expect(String(line!.message)).toMatch(/records/);
    } finally {
      await sql`alter table records_away rename to records`.execute(getDb());
    }
  });

  it("a write made by another process empties the cache within a couple of seconds", async () => {
    // This test's app was made without the poller; start.ts wires it. Run one here.
    const { invalidateOnOutsideWrites } = await import("~/server/page-cache.server");
    const cache = new PageCache();
    cache.set("sv /x", { html: Buffer.from("<p>x</p>"), nonce: "n", headers: {}, generation: cache.generation });
    const stop = invalidateOnOutsideWrites(getDb(), cache, 50);
    await new Promise((r) => setTimeout(r, 120));
    expect(cache.get("sv /x")).toBeDefined();
    const other = openDatabase(process.env.DATABASE_PATH!);
    await other.updateTable("themes").set({ summary: "Ändrad utifrån" }).where("slug", "=", "data-och-sensorer").execute();
    await other.destroy();
    await vi.waitFor(() => expect(cache.get("sv /x")).toBeUndefined(), { timeout: 2000 });
    stop();
  });
});
