import { createCookie, redirect, type Cookie } from "@remix-run/node";

import { createSession, deleteSession, SESSION_DAYS, sessionUserId } from "../models/session.server";
import { selectSessionUser, type SessionUser } from "../models/user.server";
import { getDb } from "./db.server";
import { getEnv, getSessionSecret } from "./env.server";

let cookie: Cookie | undefined;

/**
 * The session cookie: a signed session id and nothing else (docs/decisions/005-accounts-and-sessions.md).
 * HttpOnly, SameSite=Lax, Secure in production.
 */
function sessionCookie(): Cookie {
  cookie ??= createCookie("lardom_session", {
    httpOnly: true,
    sameSite: "lax",
    secure: getEnv().NODE_ENV === "production",
    path: "/",
    maxAge: SESSION_DAYS * 86_400,
    secrets: [getSessionSecret()],
  });
  return cookie;
}

async function sessionId(request: Request): Promise<string | null> {
  const value: unknown = await sessionCookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length > 0 && value.length < 200 ? value : null;
}

const cache = new WeakMap<Request, Promise<SessionUser | null>>();
/**
 * Remix hands each loader of one page its own copy of the request, so the WeakMap alone would
 * look the session up once per loader. The server (app/server/app.server.ts) names each request
 * in REQUEST_ID_HEADER, which no client can set, and the lookup is shared under that name.
 */
export const REQUEST_ID_HEADER = "x-lardom-request";
const byRequestId = new Map<string, Promise<SessionUser | null>>();

/** The signed-in user, or null. Looked up once per request. */
export function getUser(request: Request): Promise<SessionUser | null> {
  const requestId = request.headers.get(REQUEST_ID_HEADER);
  const key = requestId && `${requestId} ${request.headers.get("Cookie") ?? ""}`;
  let found = cache.get(request) ?? (key ? byRequestId.get(key) : undefined);
  if (!found) {
    found = (async () => {
      const id = await sessionId(request);
      if (!id) return null;
      const db = getDb();
      const userId = await sessionUserId(db, id);
      if (userId === null) return null;
      return (await selectSessionUser(db).where("u.id", "=", userId).executeTakeFirst()) ?? null;
    })();
    cache.set(request, found);
    if (key) {
      // Old entries are never asked for again; forget them in bulk rather than time each one.
      if (byRequestId.size >= 500) byRequestId.clear();
      byRequestId.set(key, found);
    }
  }
  return found;
}

/** Starts a session and sends the person on. */
export async function signInAndRedirect(userId: number, redirectTo: string): Promise<Response> {
  const session = await createSession(getDb(), { userId });
  return redirect(redirectTo, {
    headers: { "Set-Cookie": await sessionCookie().serialize(session.id, { expires: session.expiresAt }) },
  });
}

/** Ends this session (the row goes, so the cookie is worthless even if kept). */
export async function signOutAndRedirect(request: Request, redirectTo = "/"): Promise<Response> {
  const id = await sessionId(request);
  if (id) await deleteSession(getDb(), id);
  return redirect(redirectTo, {
    headers: { "Set-Cookie": await sessionCookie().serialize("", { maxAge: 0, expires: new Date(0) }) },
  });
}

/** A redirect target from a form or query: only paths on this site. */
export function safeRedirect(to: unknown, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  return to;
}
