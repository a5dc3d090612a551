import type { EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToString } from "react-dom/server";

/**
 * Renders each page whole rather than streamed. React 18.3's streaming renderer writes a NUL
 * byte into the page wherever a multi-byte character (å, ä, ö) falls on the edge of its 2 KiB
 * buffer; Swedish pages hit that all the time. Lärdom uses no deferred data, so a whole
 * document costs nothing and can be given a length (and later an ETag).
 */
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
) {
  const html = `<!DOCTYPE html>${renderToString(<RemixServer context={remixContext} url={request.url} />)}`;
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  return new Response(html, { status: responseStatusCode, headers: responseHeaders });
}
