import crypto from "node:crypto";

import type { Request as ExpressRequest, Response as ExpressResponse } from "express";
import { sql, type Kysely } from "kysely";

import type { Database } from "../../db/schema";
import { langFromHeaders } from "../i18n/lang.server";

/**
 * Rendered HTML of anonymous page views, per address and interface language, so readers who
 * are not signed in are served without a render. Every write empties it: `invalidate()` bumps a
 * generation, and a page rendered while a write was under way is stored under the generation it
 * started in, so it is never served afterwards. See docs/decisions/010-hardening-and-page-cache.md.
 *
 * Each response needs its own CSP nonce, so a page is kept split around the nonce it was
 * rendered with and joined with a fresh one when served.
 */
export interface CachedPage {
  parts: Buffer[];
  headers: Record<string, string>;
  etag: string;
  generation: number;
  storedAt: number;
  bytes: number;
}

export interface PageCacheOptions {
  maxEntries?: number;
  maxBytes?: number;
  /** Pages also show the date ("coming events"), so nothing is kept longer than this. */
  maxAgeMs?: number;
}

export class PageCache {
  #pages = new Map<string, CachedPage>();
  #generation = 0;
  #bytes = 0;
  readonly #maxEntries: number;
  readonly #maxBytes: number;
  readonly #maxAgeMs: number;

  constructor({ maxEntries = 2_000, maxBytes = 64_000_000, maxAgeMs = 5 * 60_000 }: PageCacheOptions = {}) {
    this.#maxEntries = maxEntries;
    this.#maxBytes = maxBytes;
    this.#maxAgeMs = maxAgeMs;
  }

  get generation(): number {
    return this.#generation;
  }

  get size(): number {
    return this.#pages.size;
  }

  /** Something was written: no page rendered before now may be served again. */
  invalidate(): void {
    this.#generation++;
    this.#pages.clear();
    this.#bytes = 0;
  }

  get(key: string, now = Date.now()): CachedPage | undefined {
    const page = this.#pages.get(key);
    if (!page) return undefined;
    if (page.generation !== this.#generation || now - page.storedAt > this.#maxAgeMs) {
      this.#delete(key, page);
      return undefined;
    }
    // Least recently used goes first: re-insert to move it to the end.
    this.#pages.delete(key);
    this.#pages.set(key, page);
    return page;
  }

  /** Stores `html` rendered with `nonce` during `generation` (read before the render began). */
  set(key: string, { html, nonce, headers, generation }: { html: Buffer; nonce: string; headers: Record<string, string>; generation: number }): CachedPage | undefined {
    if (generation !== this.#generation || html.length > this.#maxBytes / 10) return undefined;
    const parts = splitBuffer(html, Buffer.from(nonce));
    // The ETag names the page without its nonce: equal pages are equal whatever nonce they carry.
    const hash = crypto.createHash("sha256");
    for (const part of parts) hash.update(part).update("\0");
    hash.update(key);
    const page: CachedPage = {
      parts,
      headers,
      etag: `W/"${hash.digest("base64url").slice(0, 27)}"`,
      generation,
      storedAt: Date.now(),
      bytes: html.length,
    };
    const old = this.#pages.get(key);
    if (old) this.#delete(key, old);
    this.#pages.set(key, page);
    this.#bytes += page.bytes;
    for (const [oldest, entry] of this.#pages) {
      if (this.#pages.size <= this.#maxEntries && this.#bytes <= this.#maxBytes) break;
      this.#delete(oldest, entry);
    }
    return page;
  }

  #delete(key: string, page: CachedPage) {
    this.#pages.delete(key);
    this.#bytes -= page.bytes;
  }
}

/** The page's bytes with `nonce` put back wherever the rendered nonce stood. */
export function pageBody(page: CachedPage, nonce: string): Buffer {
  if (page.parts.length === 1) return page.parts[0]!;
  const glue = Buffer.from(nonce);
  const pieces: Buffer[] = [];
  page.parts.forEach((part, i) => {
    if (i > 0) pieces.push(glue);
    pieces.push(part);
  });
  return Buffer.concat(pieces);
}

function splitBuffer(buffer: Buffer, separator: Buffer): Buffer[] {
  const parts: Buffer[] = [];
  let start = 0;
  for (let at = buffer.indexOf(separator); at >= 0; at = buffer.indexOf(separator, start)) {
    parts.push(buffer.subarray(start, at));
    start = at + separator.length;
  }
  parts.push(buffer.subarray(start));
  return parts;
}

/** Does an If-None-Match header name this ETag (weak comparison, as for GET)? */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === "*") return true;
  const bare = etag.replace(/^W\//, "");
  return ifNoneMatch.split(",").some((tag) => tag.trim().replace(/^W\//, "") === bare);
}

/**
 * Writes by other processes (`npm run db:seed` while serving) empty the cache too. SQLite's
 * data_version changes only for commits by other connections; this process's own writes come
 * through POSTs, which invalidate as they finish.
 */
export function invalidateOnOutsideWrites(db: Kysely<Database>, cache: PageCache, everyMs = 1000): () => void {
  let last: number | undefined;
  const timer = setInterval(async () => {
    try {
      const { rows } = await sql<{ data_version: number }>`pragma data_version`.execute(db);
      const version = rows[0]?.data_version;
      if (last !== undefined && version !== last) cache.invalidate();
      last = version;
    } catch {
      cache.invalidate(); // the database is closing or unreadable: keep nothing we cannot check
    }
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

// The HTTP side: which requests the cache answers, what it keeps of a response, how it answers.

/**
 * The cache key of an anonymous page view: its address and language. Anything else (signed
 * in, Remix's data requests, other methods) is not cached.
 */
export async function pageCacheKey(req: ExpressRequest): Promise<string | null> {
  if (req.method !== "GET" && req.method !== "HEAD") return null;
  const cookie = req.headers.cookie ?? "";
  if (/(?:^|;\s*)lardom_session=/.test(cookie)) return null;
  if (/[?&]_data=/.test(req.originalUrl)) return null;
  return `${await langFromHeaders(req.headers.cookie, req.headers["accept-language"])} ${req.originalUrl}`;
}

/** Response headers worth keeping with a cached page (not per-response ones). */
export function keptPageHeaders(headers: Headers): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const name of ["content-type", "content-language", "link"]) {
    const value = headers.get(name);
    if (value) kept[name] = value;
  }
  return kept;
}

/** A kept page with this response's nonce, or 304 when the browser has it (by its ETag). */
export function sendCachedPage(req: ExpressRequest, res: ExpressResponse, page: CachedPage, nonce: string) {
  for (const [name, value] of Object.entries(page.headers)) res.setHeader(name, value);
  res.setHeader("ETag", page.etag);
  res.setHeader("Vary", "Cookie, Accept-Language");
  res.setHeader("Cache-Control", "no-cache");
  if (etagMatches(req.headers["if-none-match"], page.etag)) {
    // The browser keeps the page it has, with the nonce it came with: a new policy here would
    // replace that page's policy and block its scripts.
    res.removeHeader("Content-Security-Policy");
    return void res.status(304).end();
  }
  const body = pageBody(page, nonce);
  res.status(200).setHeader("Content-Length", body.length);
  res.end(req.method === "HEAD" ? undefined : body);
}
