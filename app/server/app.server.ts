import crypto from "node:crypto";
import fs from "node:fs";
import type { IncomingMessage } from "node:http";
import path from "node:path";

import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import express, { type NextFunction, type Request as ExpressRequest, type Response as ExpressResponse } from "express";

import { REQUEST_ID_HEADER } from "../utils/session.server";
import { securityHeaders, newNonce } from "./headers.server";
import { errorFields, log } from "./log.server";
import { keptPageHeaders, PageCache, pageCacheKey, sendCachedPage } from "./page-cache.server";
import { RateLimiter } from "./rate-limit.server";
import { bodyLimit, checkFormBody, checkOrigin, checkUrl, isUploadPath, readBody, Refusal, sendRefusal, tooLarge } from "./requests.server";

/**
 * The HTTP server around Remix: security headers with a fresh CSP nonce, refusals of bad
 * requests before Remix parses them, the anonymous page cache, and structured error logs with
 * a request id. Remix itself is called through @remix-run/node, so the page can be kept, and the
 * body checked, as whole buffers. See docs/decisions/010-hardening-and-page-cache.md.
 */
export interface AppOptions {
  build: ServerBuild;
  /** The project directory (public/ lies under it). */
  root: string;
  production: boolean;
  /** Behind a proxy that rewrites Host: the one origin writes may come from. */
  publicOrigin?: string;
  cache?: PageCache;
  /**
   * Called after each write through this server, before it is answered: other worker
   * processes forget what it changed before the writer hears it was done.
   */
  onWrite?: () => Promise<void>;
}

interface Locals {
  requestId: string;
  nonce: string;
  /** Set by the cache lookup: the page's cache key, or null when it is not cached. */
  cacheKey?: string | null;
}

/** What the first middleware keeps for the rest of the request. */
function localsOf(res: ExpressResponse): Locals {
  return res.locals as unknown as Locals;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Posts that change only the poster's session or language, never what anonymous pages show. */
const SESSION_ONLY_PATHS = new Set(["/login", "/logout", "/language"]);

/** Sign-in attempts per address: 30 at once, then one a second. No person types that fast. */
const SIGN_IN_BURST = 30;
const SIGN_IN_PER_SECOND = 1;
const TOO_MANY_SIGN_INS = new Refusal(429, {
  sv: "För många inloggningsförsök på kort tid. Vänta en stund och försök igen.",
  en: "Too many sign-in attempts in a short time. Wait a while and try again.",
});

export function createApp({ build, root, production, publicOrigin, cache = new PageCache(), onWrite }: AppOptions) {
  const remix = createRequestHandler(build, "production");
  const signIns = new RateLimiter(SIGN_IN_BURST, SIGN_IN_PER_SECOND);
  const signingIn = new Set<string>();
  const app = express();
  app.disable("x-powered-by");
  app.disable("etag"); // ETags are the page cache's, computed without the nonce
  app.set("query parser", () => ({})); // Remix reads the query itself; express should not

  app.use((req, res, next) => {
    const locals: Locals = { requestId: crypto.randomBytes(9).toString("base64url"), nonce: newNonce() };
    res.locals = locals as unknown as typeof res.locals;
    res.setHeader("X-Request-Id", locals.requestId);
    for (const [name, value] of Object.entries(securityHeaders({ nonce: locals.nonce, production }))) res.setHeader(name, value);

    const refusal = checkUrl(req.originalUrl) ?? (SAFE_METHODS.has(req.method) ? null : checkOrigin(req.headers, publicOrigin));
    if (refusal) return void refuse(req, res, refusal);
    if (req.method === "POST" && req.path === "/login") {
      // One sign-in at a time per address, and a bucket of them: each costs a memory-hard hash,
      // and the app's failure counts are only written once a hash has been checked.
      const address = req.socket.remoteAddress ?? "";
      if (signingIn.has(address) || !signIns.take(address)) {
        res.setHeader("Retry-After", String(Math.max(1, signIns.retryAfter(address))));
        return void refuse(req, res, TOO_MANY_SIGN_INS);
      }
      signingIn.add(address);
      res.once("close", () => signingIn.delete(address));
    }
    if (!SAFE_METHODS.has(req.method) && !SESSION_ONLY_PATHS.has(req.path)) {
      // A write may have changed any page. A refused one (4xx) changed nothing.
      res.once("close", () => {
        if (!res.writableFinished || changedSomething(res.statusCode)) cache.invalidate();
      });
    }
    next();
  });

  app.use(async (req, res, next) => {
    const key = await pageCacheKey(req);
    // Kept for the render below, so the language is worked out once per request.
    localsOf(res).cacheKey = key;
    if (!key) return next();
    const page = cache.get(key);
    if (!page) return next();
    res.setHeader("X-Cache", "hit");
    sendCachedPage(req, res, page, localsOf(res).nonce);
  });

  // Fingerprinted assets may be cached for ever; everything else in public/ for an hour.
  app.use("/build", express.static(path.join(root, "public/build"), { immutable: true, maxAge: "1y", etag: true }));
  // Only addresses that start with a name in public/ go to the file system, not every page
  // view to a failed stat.
  const publicNames = new Set(fs.readdirSync(path.join(root, "public")).filter((name) => name !== "build"));
  const publicFiles = express.static(path.join(root, "public"), { maxAge: "1h", etag: true });
  app.use((req, res, next) => (publicNames.has(req.path.split("/")[1] ?? "") ? publicFiles(req, res, next) : next()));

  app.all("*", async (req, res, next) => {
    try {
      await handleWithRemix(req, res);
    } catch (error) {
      next(error);
    }
  });

  // Anything thrown outside Remix: logged in full, answered with nothing of it.
  app.use((error: unknown, req: ExpressRequest, res: ExpressResponse, _next: NextFunction) => {
    const { requestId } = localsOf(res);
    log("error", "request failed", { requestId, method: req.method, path: req.path, ...errorFields(error) });
    if (res.headersSent) return void res.destroy();
    res.status(500).type("text/plain; charset=utf-8").send(`Något gick fel hos oss. / Something went wrong on our side. (${requestId})`);
  });

  const refuse = (req: ExpressRequest, res: ExpressResponse, refusal: Refusal, options: { close?: boolean } = {}) =>
    sendRefusal(req, res, refusal, { requestId: localsOf(res).requestId, ...options });

  async function handleWithRemix(req: ExpressRequest, res: ExpressResponse) {
    const locals = localsOf(res);
    let body: Buffer | undefined;
    if (req.method !== "GET" && req.method !== "HEAD") {
      const limit = bodyLimit(req.path);
      const read = await readBody(req, limit);
      if (read === "too-large") return refuse(req, res, tooLarge(limit), { close: true });
      const refusal = checkBody(req, read);
      if (refusal) return refuse(req, res, refusal);
      body = read;
    }

    const key = locals.cacheKey;
    const generation = cache.generation;
    const controller = new AbortController();
    res.once("close", () => res.writableFinished || controller.abort());
    const request = new Request(new URL(req.originalUrl, `http://${hostOf(req)}`), {
      // HEAD is rendered as GET, so its length is right and the page can be kept for GETs.
      method: req.method === "HEAD" ? "GET" : req.method,
      headers: headersOf(req, locals.requestId),
      body: body && new Uint8Array(body),
      signal: controller.signal,
    });
    const response = await remix(request, { clientAddress: req.socket.remoteAddress ?? "", requestId: locals.requestId, nonce: locals.nonce });
    if (onWrite && !SAFE_METHODS.has(req.method) && !SESSION_ONLY_PATHS.has(req.path) && changedSomething(response.status)) await onWrite();
    if (controller.signal.aborted) {
      // The client left before the answer (a closed tab, the end of a load test). Remix answers
      // such a request 500, which nobody reads: not a server error.
      log("info", "client went away", { requestId: locals.requestId, method: req.method, path: req.path });
      return;
    }

    res.status(response.status);
    response.headers.forEach((value, name) => name !== "set-cookie" && res.setHeader(name, value));
    const cookies = response.headers.getSetCookie();
    if (cookies.length) res.setHeader("Set-Cookie", cookies);
    const html = Buffer.from(await response.arrayBuffer());
    if (response.status >= 500) log("error", "server error", { requestId: locals.requestId, method: req.method, path: req.path, status: response.status });

    const isPage = /^text\/html/i.test(response.headers.get("Content-Type") ?? "");
    if (isPage && key) {
      const page = response.status === 200 && !cookies.length ? cache.set(key, { html, nonce: locals.nonce, headers: keptPageHeaders(response.headers), generation }) : undefined;
      res.setHeader("Vary", "Cookie, Accept-Language");
      res.setHeader("Cache-Control", "no-cache");
      if (page) {
        res.setHeader("X-Cache", "miss");
        return sendCachedPage(req, res, page, locals.nonce);
      }
    } else if (isPage && !response.headers.has("Cache-Control")) {
      // Signed-in pages show what only that reader may see: no shared or stored copies.
      res.setHeader("Cache-Control", "private, no-store");
    }
    res.setHeader("Content-Length", html.length);
    res.end(req.method === "HEAD" ? undefined : html);
  }

  return { app, cache };
}

/** A write refused (4xx) changed nothing; one that failed (5xx) may have, so it counts. */
function changedSomething(status: number): boolean {
  return status < 400 || status >= 500;
}

/** Form bodies must be what a browser sends; only the upload forms take files. */
function checkBody(req: ExpressRequest, body: Buffer): Refusal | null {
  const type = (req.headers["content-type"] ?? "").toLowerCase();
  if (type.startsWith("application/x-www-form-urlencoded")) return checkFormBody(body);
  if (type.startsWith("multipart/form-data") && !isUploadPath(req.path)) {
    return new Refusal(415, { sv: "Det här formuläret tar inte emot filer.", en: "This form does not take files." });
  }
  return null;
}

function hostOf(req: IncomingMessage): string {
  const host = req.headers.host ?? "";
  return /^[a-z0-9.:[\]-]+$/i.test(host) ? host : "localhost";
}

/** The request's headers for Remix, with our own request id (a client's copy is dropped). */
function headersOf(req: IncomingMessage, requestId: string): Headers {
  const headers = new Headers({ [REQUEST_ID_HEADER]: requestId });
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    if (req.rawHeaders[i]!.toLowerCase() === REQUEST_ID_HEADER) continue;
    try {
      headers.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
    } catch {
      // A header value fetch cannot carry; nothing in Lärdom depends on odd headers.
    }
  }
  return headers;
}
