import type { AppLoadContext, EntryContext, HandleErrorFunction } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToString } from "react-dom/server";

import { errorFields, log } from "./server/log.server";
import { NonceContext } from "./utils/nonce";

interface Context {
  nonce?: string;
  requestId?: string;
}

/**
 * Renders each page whole rather than streamed. React 18.3's streaming renderer writes a NUL
 * byte into the page wherever a multi-byte character (å, ä, ö) falls on the edge of its 2 KiB
 * buffer; Swedish pages hit that all the time. Lärdom uses no deferred data, so a whole
 * document costs nothing and can be given a length and an ETag (app/server/app.server.ts).
 */
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = (loadContext as Context).nonce ?? "";
  const html = `<!DOCTYPE html>${renderToString(
    <NonceContext.Provider value={nonce}>
      <RemixServer context={remixContext} url={request.url} nonce={nonce} />
    </NonceContext.Provider>,
  )}`;
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  return new Response(html, { status: responseStatusCode, headers: responseHeaders });
}

/** Errors inside Remix (a loader, an action, a render): one structured line with the request id. */
export const handleError: HandleErrorFunction = (error, { request, context }) => {
  if (request.signal.aborted) return; // the reader went away; nothing failed
  const url = new URL(request.url);
  log("error", "route failed", { requestId: (context as Context).requestId, method: request.method, path: url.pathname, ...errorFields(error) });
};
