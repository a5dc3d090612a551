import type { Kysely } from "kysely";

import type { Database, Role } from "../../db/schema";
import { createUser } from "../../app/models/user.server";
import { action as loginAction } from "~/routes/login";

export const TEST_PASSWORD = "korrekt häst batteri";

/** Creates an account (organisation by slug) and returns its id. */
export async function addUser(
  db: Kysely<Database>,
  { email, role, organisation, name }: { email: string; role: Role; organisation?: string; name?: string },
): Promise<number> {
  const org = organisation
    ? await db.selectFrom("organisations").select("id").where("slug", "=", organisation).executeTakeFirstOrThrow()
    : null;
  return createUser(db, { email, name: name ?? email.split("@")[0], role, password: TEST_PASSWORD, organisationId: org?.id ?? null });
}

/** A form POST as a browser sends it. */
export function formRequest(url: string, fields: Record<string, string | string[]>, cookie?: string): Request {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const item of [v].flat()) body.append(k, item);
  return new Request(new URL(url, "http://lardom.test"), {
    method: "POST",
    body,
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...(cookie ? { Cookie: cookie } : {}) },
  });
}

/** Signs in through the login action and returns the cookie header value to send back. */
export async function signInCookie(email: string, password = TEST_PASSWORD): Promise<string> {
  const response = await loginAction({
    request: formRequest("/login", { email, password }),
    params: {},
    context: { clientAddress: "127.0.0.1" },
  });
  const setCookie = response.headers.get("Set-Cookie");
  if (response.status !== 302 || !setCookie) throw new Error(`sign-in failed: ${response.status}`);
  return setCookie.split(";")[0];
}

/** Runs a loader or action and returns its Response, whether it was returned or thrown. */
export async function respond(run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

/** A GET with an optional session cookie. */
export function getRequest(url: string, cookie?: string): Request {
  return new Request(new URL(url, "http://lardom.test"), { headers: cookie ? { Cookie: cookie } : {} });
}
