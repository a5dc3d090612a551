import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { migrateToLatest } from "../db/migrator";
import { loadSeedDirectory } from "../seeds/loader";
import { changePassword, createUser, LOGIN_LIMITS, updateAccount } from "~/models/user.server";
import { action as loginAction } from "~/routes/login";
import { action as logoutAction } from "~/routes/logout";
import { action as passwordAction } from "~/routes/manage.password";
import { loader as practiceLoader } from "~/routes/practices.$slug";
import { getAccess } from "~/utils/access.server";
import { closeDb, getDb } from "~/utils/db.server";
import { hashingNow, hashPassword, verifyPassword } from "~/utils/password.server";
import { getUser } from "~/utils/session.server";
import { addUser, formRequest, signInCookie, TEST_PASSWORD } from "./helpers/auth";
import { DEMO_SEEDS, ROOT } from "./helpers/db";

beforeAll(async () => {
  const db = getDb();
  await migrateToLatest(db);
  await loadSeedDirectory(db, DEMO_SEEDS);
  await addUser(db, { email: "medlem@example.se", role: "member" });
});
afterAll(closeDb);

const withCookie = (cookie: string | null, url = "/") =>
  new Request(new URL(url, "http://lardom.test"), { headers: cookie ? { Cookie: cookie } : {} });

const login = (fields: Record<string, string>, address = "10.0.0.1") =>
  loginAction({ request: formRequest("/login", fields), params: {}, context: { clientAddress: address } });

describe("passwords", () => {
  it("are hashed with scrypt at OWASP's parameters, salted, and verified", async () => {
    const a = await hashPassword("ett långt lösenord");
    const b = await hashPassword("ett långt lösenord");
    expect(a).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword("ett långt lösenord", a)).toBe(true);
    expect(await verifyPassword("ett långt lösenorD", a)).toBe(false);
    expect(await verifyPassword("x", "inte en hash")).toBe(false);
  });

  it("are hashed two at a time, the rest waiting their turn, so a burst cannot take every thread", async () => {
    const passwords = Array.from({ length: 5 }, (_, i) => `ett långt lösenord ${i}`);
    const hashing = passwords.map((p) => hashPassword(p));
    expect(hashingNow()).toEqual({ running: 2, waiting: 3 });
    const hashes = await Promise.all(hashing);
    expect(hashingNow()).toEqual({ running: 0, waiting: 0 });
    for (const [i, hash] of hashes.entries()) expect(await verifyPassword(passwords[i]!, hash)).toBe(true);
  });

  it("must be at least 12 characters", async () => {
    await expect(
      createUser(getDb(), { email: "kort@example.se", name: "Kort", role: "member", password: "elva tecken" }),
    ).rejects.toThrow(/minst 12 tecken/);
  });
});

describe("signing in and out", () => {
  it("sets an HttpOnly, SameSite=Lax cookie holding only a session id", async () => {
    const response = await login({ email: "Medlem@Example.se", password: TEST_PASSWORD, redirectTo: "/themes" });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/themes");
    const setCookie = response.headers.get("Set-Cookie")!;
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie, "plain http works outside production").not.toMatch(/Secure/);
    expect(setCookie).not.toMatch(/medlem/i);
    const cookie = setCookie.split(";")[0];
    const user = await getUser(withCookie(cookie));
    expect(user?.email).toBe("medlem@example.se");
    const sessions = await getDb().selectFrom("sessions").select("id").execute();
    const signed = decodeURIComponent(cookie.split("=").slice(1).join("="));
    const payload = Buffer.from(signed.slice(0, signed.lastIndexOf(".")), "base64").toString("utf8");
    expect(JSON.parse(payload)).toBe(sessions[sessions.length - 1].id);
  });

  it("marks the cookie Secure in production", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lardom-prod-"));
    const result = spawnSync(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "tests/helpers/production-cookie.mts"], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, NODE_ENV: "production", SESSION_SECRET: "a".repeat(40), DATABASE_PATH: path.join(dir, "prod.db") },
    });
    fs.rmSync(dir, { recursive: true, force: true });
    expect(result.stderr).toBe("");
    expect(result.stdout).toMatch(/^lardom_session=[^;]+;.*; HttpOnly; Secure; SameSite=Lax$/m);
  });

  it("never redirects off the site after signing in", async () => {
    const response = await login({ email: "medlem@example.se", password: TEST_PASSWORD, redirectTo: "//evil.example" });
    expect(response.headers.get("Location")).toBe("/");
  });

  it("answers a wrong password or unknown address with the same 400 and no cookie", async () => {
    for (const email of ["medlem@example.se", "okand@example.se"]) {
      const response = await login({ email, password: "fel lösenord igen" }, "10.0.0.2");
      expect(response.status).toBe(400);
      expect(response.headers.get("Set-Cookie")).toBeNull();
      expect(JSON.stringify(await response.json())).toContain("Fel e-postadress eller lösenord.");
    }
  });

  it("answers a malformed form with field errors, never a 500", async () => {
    const response = await login({ email: "inte-en-adress" });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: Record<string, string[]> };
    expect(body.error.email).toBeDefined();
    expect(body.error.password).toBeDefined();
  });

  it("signing out deletes the session, so the old cookie is worthless", async () => {
    const cookie = await signInCookie("medlem@example.se");
    const response = await logoutAction({ request: formRequest("/logout", {}, cookie), params: {}, context: {} });
    expect(response.status).toBe(302);
    expect(response.headers.get("Set-Cookie")).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/);
    expect(await getUser(withCookie(cookie))).toBeNull();
  });

  it("a password change and an admin's action revoke every session", async () => {
    const db = getDb();
    const id = await addUser(db, { email: "byter@example.se", role: "member" });
    const first = await signInCookie("byter@example.se");
    await changePassword(db, { userId: id, password: "ett helt nytt lösenord" });
    expect(await getUser(withCookie(first))).toBeNull();
    const second = await signInCookie("byter@example.se", "ett helt nytt lösenord");
    await updateAccount(db, { userId: id, role: "member", organisationId: null, disabled: true });
    expect(await getUser(withCookie(second))).toBeNull();
    const refused = await login({ email: "byter@example.se", password: "ett helt nytt lösenord" }, "10.0.0.9");
    expect(refused.status).toBe(400);
  });
});

describe("changing one's own password", () => {
  it("needs the current password; afterwards only the new session and the new password work", async () => {
    await addUser(getDb(), { email: "sjalv@example.se", role: "member" });
    const old = await signInCookie("sjalv@example.se");
    const other = await signInCookie("sjalv@example.se");
    const change = (fields: Record<string, string>) => passwordAction({ request: formRequest("/manage/password", fields, old), params: {}, context: {} });
    const wrong = await change({ current: "inte rätt lösenord", password: "mitt nya långa lösenord", confirm: "mitt nya långa lösenord" });
    expect(wrong.status).toBe(400);
    const mismatch = await change({ current: TEST_PASSWORD, password: "mitt nya långa lösenord", confirm: "något annat" });
    expect(mismatch.status).toBe(400);
    const ok = await change({ current: TEST_PASSWORD, password: "mitt nya långa lösenord", confirm: "mitt nya långa lösenord" });
    expect(ok.status).toBe(302);
    const fresh = ok.headers.get("Set-Cookie")!.split(";")[0];
    expect(await getUser(withCookie(old))).toBeNull();
    expect(await getUser(withCookie(other))).toBeNull();
    expect((await getUser(withCookie(fresh)))?.email).toBe("sjalv@example.se");
    expect((await login({ email: "sjalv@example.se", password: TEST_PASSWORD }, "10.3.0.1")).status).toBe(400);
    expect((await login({ email: "sjalv@example.se", password: "mitt nya långa lösenord" }, "10.3.0.1")).status).toBe(302);
  });
});

describe("rate limiting", () => {
  it(`answers 429 after ${LOGIN_LIMITS.perAccount} failures for one account, even with the right password`, async () => {
    await addUser(getDb(), { email: "gissad@example.se", role: "member" });
    for (let i = 0; i < LOGIN_LIMITS.perAccount; i++) {
      const response = await login({ email: "gissad@example.se", password: `fel lösenord ${i}` }, `10.1.0.${i}`);
      expect(response.status).toBe(400);
    }
    const blocked = await login({ email: "gissad@example.se", password: TEST_PASSWORD }, "10.1.1.1");
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get("Set-Cookie")).toBeNull();
    expect(blocked.headers.get("Retry-After")).toBe("900");
  });

  it(`answers 429 after ${LOGIN_LIMITS.perAddress} failures from one address, whatever the account`, async () => {
    const now = new Date().toISOString();
    await getDb()
      .insertInto("login_attempts")
      .values(Array.from({ length: LOGIN_LIMITS.perAddress }, (_, i) => ({ email: `x${i}@example.se`, address: "10.2.0.1", attempted_at: now })))
      .execute();
    const blocked = await login({ email: "medlem@example.se", password: TEST_PASSWORD }, "10.2.0.1");
    expect(blocked.status).toBe(429);
    const elsewhere = await login({ email: "medlem@example.se", password: TEST_PASSWORD }, "10.2.0.2");
    expect(elsewhere.status).toBe(302);
  });
});

describe("getAccess", () => {
  it("shows members-only records to signed-in visitors and to nobody else", async () => {
    const db = getDb();
    const slug = "region-dalarna-industriradet";
    await db.updateTable("records").set({ visibility: "members" }).where("slug", "=", slug).execute();
    const cookie = await signInCookie("medlem@example.se");
    expect(await getAccess(withCookie(null))).toEqual({ members: false });
    expect(await getAccess(withCookie(cookie))).toEqual({ members: true });
    const anonymous = await practiceLoader({ request: withCookie(null), params: { slug }, context: {} }).catch((e) => e);
    expect((anonymous as Response).status).toBe(404);
    const member = await practiceLoader({ request: withCookie(cookie, `/practices/${slug}`), params: { slug }, context: {} });
    expect(member.status).toBe(200);
  });
});

describe("npm run user:add", () => {
  const run = (args: string[], input: string) =>
    spawnSync(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "app/cli/user-add.ts", ...args], {
      cwd: ROOT,
      input,
      encoding: "utf8",
      env: { ...process.env },
    });

  it("creates an account with the password from standard input", async () => {
    const result = run(["--email", "Ny@Example.se", "--role", "editor", "--organisation", "region-dalarna"], "ett långt lösenord\n");
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const user = await getDb().selectFrom("users").selectAll().where("email", "=", "ny@example.se").executeTakeFirstOrThrow();
    expect(user.role).toBe("editor");
    expect(user.password_hash).not.toContain("ett långt lösenord");
    expect(await verifyPassword("ett långt lösenord", user.password_hash)).toBe(true);
  });

  it("refuses a short password, an unknown role and a taken address, exiting 1", () => {
    expect(run(["--email", "a@example.se", "--role", "member"], "kort\n").stderr).toMatch(/minst 12 tecken/);
    const badRole = run(["--email", "a@example.se", "--role", "kung"], "ett långt lösenord\n");
    expect(badRole.status).toBe(1);
    expect(badRole.stderr).toMatch(/--role ska vara/);
    const taken = run(["--email", "medlem@example.se", "--role", "member"], "ett långt lösenord\n");
    expect(taken.status).toBe(1);
    expect(taken.stderr).toMatch(/finns redan/);
  });
});
