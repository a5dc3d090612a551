/**
 * Run by tests/auth.test.ts in a process of its own with NODE_ENV=production (the cookie's
 * options are fixed once per process): prints the Set-Cookie header of a new session.
 */
import { closeDb, getDb } from "../../app/utils/db.server";
import { signInAndRedirect } from "../../app/utils/session.server";
import { migrateToLatest } from "../../db/migrator";

await migrateToLatest(getDb());
const { id } = await getDb()
  .insertInto("users")
  .values({ email: "prod@example.se", name: "Prod", role: "member", password_hash: "-" })
  .returning("id")
  .executeTakeFirstOrThrow();
const response = await signInAndRedirect(id, "/");
console.log(response.headers.get("Set-Cookie"));
await closeDb();
