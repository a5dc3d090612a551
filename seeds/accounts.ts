import type { Kysely } from "kysely";

import { createUser } from "../app/models/user.server";
import { randomPassword } from "../app/utils/password.server";
import type { Database, Role } from "../db/schema";

/**
 * One demo account per role, made when the demo content is first seeded. Passwords are random,
 * returned once for printing, and never stored in clear. Contributor and organiser belong to a
 * demo organisation so they can write at once.
 */
const DEMO: { role: Role; name: string; organisation?: string }[] = [
  { role: "member", name: "Maja Medlem" },
  { role: "contributor", name: "Sara Skribent", organisation: "olmeviks-hydraulik" },
  { role: "organiser", name: "Anders Arrangör", organisation: "region-dalarna" },
  { role: "editor", name: "Rut Redaktör" },
  { role: "admin", name: "Ali Administratör" },
];

export const demoEmail = (role: Role) => `${role}@demo.lardom.se`;

export async function createDemoAccounts(db: Kysely<Database>) {
  const created: { email: string; role: Role; password: string }[] = [];
  for (const account of DEMO) {
    const org = account.organisation
      ? await db.selectFrom("organisations").select("id").where("slug", "=", account.organisation).executeTakeFirst()
      : undefined;
    const password = randomPassword();
    const email = demoEmail(account.role);
    await createUser(db, { email, name: account.name, role: account.role, password, organisationId: org?.id ?? null });
    created.push({ email, role: account.role, password });
  }
  return created;
}
