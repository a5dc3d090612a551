import crypto from "node:crypto";

import type { Kysely } from "kysely";

import type { Database } from "../../db/schema";

/** How long a session lasts without signing in again. */
export const SESSION_DAYS = 30;

/**
 * A new session row; its id (256 random bits) is all the cookie carries, so deleting the row
 * signs the person out everywhere that cookie went.
 */
export async function createSession(db: Kysely<Database>, { userId, now = new Date() }: { userId: number; now?: Date }) {
  const id = crypto.randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86_400_000);
  await db.insertInto("sessions").values({ id, user_id: userId, expires_at: expiresAt.toISOString() }).execute();
  return { id, expiresAt };
}

/** The user id behind a live session, or null (unknown, expired or a disabled account). */
export async function sessionUserId(db: Kysely<Database>, sessionId: string, now = new Date()): Promise<number | null> {
  const row = await db
    .selectFrom("sessions as s")
    .innerJoin("users as u", "u.id", "s.user_id")
    .select("u.id")
    .where("s.id", "=", sessionId)
    .where("s.expires_at", ">", now.toISOString())
    .where("u.disabled_at", "is", null)
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function deleteSession(db: Kysely<Database>, sessionId: string) {
  await db.deleteFrom("sessions").where("id", "=", sessionId).execute();
}

/** Ends every session of an account: after a password change or an admin's action. */
export async function revokeSessions(db: Kysely<Database>, userId: number) {
  await db.deleteFrom("sessions").where("user_id", "=", userId).execute();
}
