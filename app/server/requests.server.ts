import type { IncomingHttpHeaders, IncomingMessage } from "node:http";

import type { Request as ExpressRequest, Response as ExpressResponse } from "express";

import type { Lang, Text } from "../i18n";
import { langFromHeaders } from "../i18n/lang.server";
import { log } from "./log.server";

/**
 * Checks made on a request before Remix sees it: where it came from, how large it is, and
 * whether its form body and address are text at all. Each answers a 4xx with a message in both
 * languages; the caller picks the reader's.
 */
export class Refusal {
  constructor(
    readonly status: 400 | 403 | 413 | 414 | 415 | 429,
    readonly message: Text,
  ) {}
}

/** Forms are small; only the two upload forms carry files (a CSV of events, a zip of seeds). */
export const FORM_LIMIT_BYTES = 2_000_000;
export const UPLOAD_LIMIT_BYTES = 12_000_000;
const UPLOAD_PATHS = new Set(["/events/import", "/manage/import"]);
/** One field's text, after decoding: the longest Markdown body allowed is far below this. */
export const FIELD_LIMIT_BYTES = 500_000;
const FIELD_COUNT_LIMIT = 2_000;
export const URL_LIMIT = 4_096;

export function isUploadPath(pathname: string): boolean {
  return UPLOAD_PATHS.has(pathname.replace(/\/+$/, ""));
}

export function bodyLimit(pathname: string): number {
  return isUploadPath(pathname) ? UPLOAD_LIMIT_BYTES : FORM_LIMIT_BYTES;
}

/**
 * Cross-site request forgery: a browser names the page a request came from in `Origin` (and in
 * `Sec-Fetch-Site`). A write from any other site is refused. Without either header the client
 * is not a browser acting for someone else (curl, scripts), and the session cookie still rules.
 * Behind a proxy that rewrites Host, PUBLIC_ORIGIN names the one origin to accept.
 */
export function checkOrigin(headers: IncomingHttpHeaders, publicOrigin?: string): Refusal | null {
  const origin = headers.origin;
  const refused = new Refusal(403, {
    sv: "Förfrågan kom från en annan webbplats och togs inte emot. Skicka formuläret från Lärdoms egen sida.",
    en: "The request came from another website and was not accepted. Send the form from Lärdom's own page.",
  });
  if (origin !== undefined) {
    if (publicOrigin) return origin === publicOrigin ? null : refused;
    try {
      return new URL(origin).host === headers.host ? null : refused;
    } catch {
      return refused; // "null" (a sandboxed frame, a privacy redirect) or garbage
    }
  }
  const site = headers["sec-fetch-site"];
  return site === "cross-site" || site === "same-site" ? refused : null;
}

/** Percent-decoding to bytes, as a form body or address is decoded (`+` is a space in forms). */
function percentDecode(bytes: Uint8Array, plusIsSpace: boolean): Uint8Array {
  const out = new Uint8Array(bytes.length);
  let n = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === 0x25 && i + 2 < bytes.length) {
      const hex = String.fromCharCode(bytes[i + 1]!, bytes[i + 2]!);
      if (/^[0-9a-f]{2}$/i.test(hex)) {
        out[n++] = parseInt(hex, 16);
        i += 2;
        continue;
      }
    }
    out[n++] = plusIsSpace && b === 0x2b ? 0x20 : b;
  }
  return out.subarray(0, n);
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** The decoded text, or null when the bytes are not UTF-8. */
function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}

const NOT_UTF8: Text = {
  sv: "Formuläret innehöll tecken som inte går att läsa (inte UTF-8). Skicka det igen från sidan.",
  en: "The form contained characters that cannot be read (not UTF-8). Send it again from the page.",
};
const NUL: Text = {
  sv: "Formuläret innehöll ett nolltecken (NUL), som inte hör hemma i text. Ta bort det och försök igen.",
  en: "The form contained a null character (NUL), which does not belong in text. Remove it and try again.",
};

/**
 * A url-encoded form body must decode to UTF-8 text without NUL characters, in fields of a
 * sane size and number. Browsers never send anything else; everything else is refused whole,
 * before any of it reaches a model.
 */
export function checkFormBody(body: Uint8Array): Refusal | null {
  let fields = 0;
  let start = 0;
  for (let i = 0; i <= body.length; i++) {
    if (i < body.length && body[i] !== 0x26) continue;
    const pair = body.subarray(start, i);
    start = i + 1;
    if (pair.length === 0) continue;
    if (++fields > FIELD_COUNT_LIMIT) {
      return new Refusal(413, { sv: "Formuläret har för många fält.", en: "The form has too many fields." });
    }
    const eq = pair.indexOf(0x3d);
    const name = decodeUtf8(percentDecode(eq < 0 ? pair : pair.subarray(0, eq), true));
    const value = eq < 0 ? "" : decodeUtf8(percentDecode(pair.subarray(eq + 1), true));
    if (name === null || value === null) return new Refusal(400, NOT_UTF8);
    if (name.includes("\0") || value.includes("\0")) return new Refusal(400, NUL);
    if (Buffer.byteLength(value) > FIELD_LIMIT_BYTES) {
      const kb = Math.round(FIELD_LIMIT_BYTES / 1000);
      return new Refusal(413, {
        sv: `Fältet ”${name.slice(0, 60)}” är för långt (högst ${kb} kB).`,
        en: `The field “${name.slice(0, 60)}” is too long (at most ${kb} kB).`,
      });
    }
  }
  return null;
}

/** The address (path and query) must be short, UTF-8 once decoded, and free of NUL. */
export function checkUrl(url: string): Refusal | null {
  if (url.length > URL_LIMIT) {
    return new Refusal(414, { sv: "Adressen är för lång.", en: "The address is too long." });
  }
  const text = decodeUtf8(percentDecode(Buffer.from(url, "latin1"), false));
  if (text === null || text.includes("\0")) {
    return new Refusal(400, {
      sv: "Adressen innehåller tecken som inte går att läsa. Kontrollera den och försök igen.",
      en: "The address contains characters that cannot be read. Check it and try again.",
    });
  }
  return null;
}

/**
 * The whole body, or "too-large" as soon as it passes `limit` (a declared Content-Length over
 * the limit is refused before a byte is read). The rest of an oversized body is read and
 * dropped rather than the socket destroyed, so the client still gets the 413.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer | "too-large"> {
  const declared = Number(req.headers["content-length"] ?? NaN);
  if (declared > limit) {
    req.resume();
    return Promise.resolve("too-large");
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      req.off("data", onData);
      req.resume();
      resolve("too-large");
    };
    req.on("data", onData);
    req.once("end", () => resolve(Buffer.concat(chunks)));
    req.once("error", reject);
  });
}

export function tooLarge(limit: number): Refusal {
  const mb = limit / 1_000_000;
  return new Refusal(413, {
    sv: `Det som skickades är för stort (högst ${String(mb).replace(".", ",")} MB).`,
    en: `What was sent is too large (at most ${mb} MB).`,
  });
}

/** A refusal as JSON for the API and Remix's data requests, else a small page in the reader's language. */
export async function sendRefusal(req: ExpressRequest, res: ExpressResponse, refusal: Refusal, { requestId, close = false }: { requestId: string; close?: boolean }) {
  log("warn", "request refused", { requestId, method: req.method, path: req.path, status: refusal.status, reason: refusal.message.en });
  const lang = await langFromHeaders(req.headers.cookie, req.headers["accept-language"]);
  const message = refusal.message[lang];
  if (close) res.setHeader("Connection", "close");
  res.status(refusal.status).setHeader("Cache-Control", "no-store");
  if (req.path.startsWith("/api/") || /[?&]_data=/.test(req.originalUrl)) {
    return void res.type("application/json; charset=utf-8").send(JSON.stringify({ error: message }));
  }
  res.type("text/html; charset=utf-8").send(refusalPage(lang, refusal.status, message));
}

const HEADINGS: Record<number, Text> = {
  400: { sv: "Felaktig förfrågan", en: "Bad request" },
  403: { sv: "Inte tillåtet", en: "Not allowed" },
  413: { sv: "För stort", en: "Too large" },
  414: { sv: "För lång adress", en: "Address too long" },
  415: { sv: "Fel slags innehåll", en: "Wrong kind of content" },
  429: { sv: "För många försök", en: "Too many attempts" },
};

function refusalPage(lang: Lang, status: number, message: string): string {
  const heading = (HEADINGS[status] ?? HEADINGS[400]!)[lang];
  const home = lang === "sv" ? "Till startsidan" : "To the home page";
  const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(heading)} – Lärdom</title></head><body><main><p>${lang === "sv" ? "Fel" : "Error"} ${status}</p><h1>${escape(heading)}</h1><p>${escape(message)}</p><p><a href="/">${home}</a></p></main></body></html>`;
}
