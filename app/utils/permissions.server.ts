import { json, redirect } from "@remix-run/node";

import type { RecordKind, Role } from "../../db/schema";
import type { Text } from "../i18n";
import type { SessionUser } from "../models/user.server";
import { getUser } from "./session.server";

/**
 * Who may do what, decided on the server in every loader and action. The helpers throw: a
 * redirect to sign in for anonymous visitors, a 403 for a signed-in person without the right.
 * The table of DESIGN.md: contributors write practices for their own organisation, organisers
 * events and activities for theirs, editors review and publish anything and manage themes and
 * organisations, admins also manage accounts.
 */

export const WRITERS: Record<RecordKind, readonly Role[]> = {
  practice: ["contributor", "editor", "admin"],
  event: ["organiser", "editor", "admin"],
  activity: ["organiser", "editor", "admin"],
};

export const isEditor = (user: Pick<SessionUser, "role"> | null) => user?.role === "editor" || user?.role === "admin";
export const isAdmin = (user: Pick<SessionUser, "role"> | null) => user?.role === "admin";

/** A 403 whose message the error boundary shows in the reader's language. */
export function forbidden(
  message: Text = { sv: "Du har inte behörighet till det här.", en: "You do not have permission for this." },
): Response {
  return json({ message }, { status: 403 });
}

/** The signed-in user, or a redirect to /login that comes back here afterwards. */
export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getUser(request);
  if (user) return user;
  const url = new URL(request.url);
  // After a POST the form is gone; come back to the page instead.
  const back = request.method === "GET" ? `${url.pathname}${url.search}` : url.pathname;
  throw redirect(`/login?${new URLSearchParams({ redirectTo: back })}`);
}

export async function requireEditor(request: Request): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!isEditor(user)) throw forbidden({ sv: "Bara redaktörer har tillgång till det här.", en: "Only editors have access to this." });
  return user;
}

export async function requireAdmin(request: Request): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!isAdmin(user)) throw forbidden({ sv: "Bara administratörer har tillgång till det här.", en: "Only administrators have access to this." });
  return user;
}

/** Someone who may write records of this kind at all. */
export async function requireWriter(request: Request, kind: RecordKind): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!WRITERS[kind].includes(user.role)) throw forbidden({ sv: "Din roll kan inte skriva den här sortens material.", en: "Your role cannot write this kind of material." });
  if (!isEditor(user) && user.organisationId === null) {
    throw forbidden({
      sv: "Ditt konto hör inte till någon organisation ännu; be en administratör koppla det.",
      en: "Your account does not belong to an organisation yet; ask an administrator to link it.",
    });
  }
  return user;
}

/** Would requireWriter let this person in? For offering links to the new-record forms. */
export function mayWrite(user: Pick<SessionUser, "role" | "organisationId"> | null, kind: RecordKind): boolean {
  if (!user || !WRITERS[kind].includes(user.role)) return false;
  return isEditor(user) || user.organisationId !== null;
}

/**
 * May this user edit (save, submit, archive) this record? Editors always; writers of the kind only
 * for their own organisation and only while it is a draft (after that it is the editors' turn).
 */
export function canEdit(
  user: SessionUser,
  record: { kind: RecordKind; organisationId: number; status: string },
): boolean {
  if (isEditor(user)) return true;
  return WRITERS[record.kind].includes(user.role) && user.organisationId === record.organisationId && record.status === "draft";
}

/** May this user see the record's edit page and history (read-only when they cannot edit)? */
export function canView(user: SessionUser, record: { kind: RecordKind; organisationId: number }): boolean {
  if (isEditor(user)) return true;
  return WRITERS[record.kind].includes(user.role) && user.organisationId === record.organisationId;
}
