import type { Kysely } from "kysely";

import type { Database, Role } from "../../db/schema";
import type { Text } from "../i18n";
import { getDummyHash, hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from "../utils/password.server";
import { revokeSessions } from "./session.server";

/** What the rest of the app knows about a signed-in person. */
export interface SessionUser {
  id: number;
  email: string;
  name: string;
  role: Role;
  organisationId: number | null;
  organisationName: string | null;
}

/**
 * A refusal to show the person who asked: `message` is the Swedish (for the command line),
 * `text` both languages (for pages, `t(error.text)`).
 */
export class UserError extends Error {
  readonly text: Text;
  constructor(text: string | Text) {
    super(typeof text === "string" ? text : text.sv);
    this.text = typeof text === "string" ? { sv: text, en: text } : text;
  }
}

const tooShort = (): Text => ({
  sv: `Lösenordet måste vara minst ${MIN_PASSWORD_LENGTH} tecken.`,
  en: `The password must be at least ${MIN_PASSWORD_LENGTH} characters long.`,
});

/** E-mail addresses are stored lower-case (the schema insists). */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Creates an account; refuses a short password or an address already in use. */
export async function createUser(
  db: Kysely<Database>,
  input: { email: string; name: string; role: Role; password: string; organisationId?: number | null },
): Promise<number> {
  if (input.password.length < MIN_PASSWORD_LENGTH) {
    throw new UserError(tooShort());
  }
  const email = normaliseEmail(input.email);
  const password_hash = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    const taken = await trx.selectFrom("users").select("id").where("email", "=", email).executeTakeFirst();
    if (taken) throw new UserError({ sv: `Det finns redan ett konto för ${email}.`, en: `There is already an account for ${email}.` });
    const { id } = await trx
      .insertInto("users")
      .values({ email, name: input.name, role: input.role, organisation_id: input.organisationId ?? null, password_hash })
      .returning("id")
      .executeTakeFirstOrThrow();
    return id;
  });
}

export function selectSessionUser(db: Kysely<Database>) {
  return db
    .selectFrom("users as u")
    .leftJoin("organisations as o", "o.id", "u.organisation_id")
    .select([
      "u.id",
      "u.email",
      "u.name",
      "u.role",
      "u.organisation_id as organisationId",
      "o.name as organisationName",
    ])
    .where("u.disabled_at", "is", null);
}

/** Failed sign-ins allowed per account and per address within the window before 429. */
export const LOGIN_LIMITS = { perAccount: 5, perAddress: 20, windowMinutes: 15 };

export type SignInResult = { ok: true; user: SessionUser } | { ok: false; reason: "invalid" | "rate-limited" };

/**
 * Checks e-mail and password. Too many recent failures for the account or the address answer
 * "rate-limited" before the password is even looked at; an unknown address costs as much time
 * as a known one, and both count as failures.
 */
export async function signIn(
  db: Kysely<Database>,
  { email, password, address, now = new Date() }: { email: string; password: string; address: string; now?: Date },
): Promise<SignInResult> {
  email = normaliseEmail(email);
  const since = new Date(now.getTime() - LOGIN_LIMITS.windowMinutes * 60_000).toISOString();
  const failures = await db
    .selectNoFrom((eb) => [
      eb
        .selectFrom("login_attempts")
        .select(eb.fn.countAll<number>().as("n"))
        .where("email", "=", email)
        .where("attempted_at", ">", since)
        .as("account"),
      eb
        .selectFrom("login_attempts")
        .select(eb.fn.countAll<number>().as("n"))
        .where("address", "=", address)
        .where("attempted_at", ">", since)
        .as("address"),
    ])
    .executeTakeFirstOrThrow();
  if (Number(failures.account) >= LOGIN_LIMITS.perAccount || Number(failures.address) >= LOGIN_LIMITS.perAddress) {
    return { ok: false, reason: "rate-limited" };
  }
  const row = await db
    .selectFrom("users")
    .select(["id", "password_hash", "disabled_at"])
    .where("email", "=", email)
    .executeTakeFirst();
  const matches = await verifyPassword(password, row?.password_hash ?? (await getDummyHash()));
  if (!row || !matches || row.disabled_at) {
    await db.insertInto("login_attempts").values({ email, address, attempted_at: now.toISOString() }).execute();
    return { ok: false, reason: "invalid" };
  }
  await db.deleteFrom("login_attempts").where("email", "=", email).execute();
  // Housekeeping while we are here: failures outside the window and expired sessions are of no use.
  await db.deleteFrom("login_attempts").where("attempted_at", "<=", since).execute();
  await db.deleteFrom("sessions").where("expires_at", "<=", now.toISOString()).execute();
  const user = await selectSessionUser(db).where("u.id", "=", row.id).executeTakeFirstOrThrow();
  return { ok: true, user };
}

/** Is this the account's password? (For changing it: the current one must be given.) */
export async function checkPassword(db: Kysely<Database>, { userId, password }: { userId: number; password: string }) {
  const row = await db.selectFrom("users").select("password_hash").where("id", "=", userId).executeTakeFirst();
  return row ? verifyPassword(password, row.password_hash) : false;
}

/** A new password; every session of the account ends, so a stolen cookie stops working. */
export async function changePassword(db: Kysely<Database>, { userId, password }: { userId: number; password: string }) {
  if (password.length < MIN_PASSWORD_LENGTH) throw new UserError(tooShort());
  const password_hash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable("users").set({ password_hash }).where("id", "=", userId).execute();
    await revokeSessions(trx, userId);
  });
}

export interface UserListItem {
  id: number;
  email: string;
  name: string;
  role: Role;
  organisationId: number | null;
  organisationName: string | null;
  organisationSlug: string | null;
  disabled: boolean;
}

export async function listUsers(db: Kysely<Database>): Promise<UserListItem[]> {
  const rows = await db
    .selectFrom("users as u")
    .leftJoin("organisations as o", "o.id", "u.organisation_id")
    .select(["u.id", "u.email", "u.name", "u.role", "u.organisation_id", "o.name as org_name", "o.slug as org_slug", "u.disabled_at"])
    .orderBy("u.name")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    name: r.name,
    role: r.role,
    organisationId: r.organisation_id,
    organisationName: r.org_name,
    organisationSlug: r.org_slug,
    disabled: r.disabled_at !== null,
  }));
}

/**
 * An admin changes an account's role, organisation or whether it may sign in. Any change ends
 * the account's sessions, so it takes effect at once.
 */
export async function updateAccount(
  db: Kysely<Database>,
  { userId, role, organisationId, disabled }: { userId: number; role: Role; organisationId: number | null; disabled: boolean },
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const current = await trx.selectFrom("users").select(["disabled_at"]).where("id", "=", userId).executeTakeFirst();
    if (!current) return false;
    await trx
      .updateTable("users")
      .set({
        role,
        organisation_id: organisationId,
        disabled_at: disabled ? (current.disabled_at ?? new Date().toISOString()) : null,
      })
      .where("id", "=", userId)
      .execute();
    await revokeSessions(trx, userId);
    return true;
  });
}
