/**
 * `npm run user:add -- --email E --role R [--name N] [--organisation SLUG]`: creates an account.
 * The password is read from standard input (piped, or typed and ended with Enter), never from
 * the command line, where it would end up in shell history and the process list.
 */
import { parseArgs } from "node:util";

import { z } from "zod";

import { migrateToLatest } from "../../db/migrator";
import { openDatabase } from "../../db/connection";
import { ROLES } from "../../db/schema";
import { createUser, UserError } from "../models/user.server";
import { getEnv } from "../utils/env.server";

const Args = z.object({
  email: z.string({ required_error: "--email saknas" }).trim().toLowerCase().email("--email är ingen e-postadress"),
  role: z.enum(ROLES, { errorMap: () => ({ message: `--role ska vara ${ROLES.join(", ")}` }) }),
  name: z.string().trim().min(1).optional(),
  organisation: z.string().trim().min(1).optional(),
});

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write("Lösenord (minst 12 tecken), avsluta med Enter: ");
  let text = "";
  for await (const chunk of process.stdin) {
    text += chunk;
    if (process.stdin.isTTY && text.includes("\n")) break;
  }
  return text.replace(/\r?\n$/, "").split(/\r?\n/)[0] ?? "";
}

async function main() {
  const { values } = parseArgs({
    options: { email: { type: "string" }, role: { type: "string" }, name: { type: "string" }, organisation: { type: "string" } },
  });
  const args = Args.safeParse(values);
  if (!args.success) throw new UserError(args.error.issues.map((i) => i.message).join("\n"));
  const password = await readStdin();
  const db = openDatabase(getEnv().DATABASE_PATH);
  try {
    await migrateToLatest(db);
    let organisationId: number | null = null;
    if (args.data.organisation) {
      const org = await db.selectFrom("organisations").select("id").where("slug", "=", args.data.organisation).executeTakeFirst();
      if (!org) throw new UserError(`Det finns ingen organisation "${args.data.organisation}".`);
      organisationId = org.id;
    }
    const name = args.data.name ?? args.data.email.split("@")[0];
    await createUser(db, { email: args.data.email, name, role: args.data.role, password, organisationId });
    console.log(`Kontot ${args.data.email} (${args.data.role}) är skapat.`);
  } finally {
    await db.destroy();
  }
}

main().catch((error) => {
  console.error(error instanceof UserError ? error.message : error);
  process.exitCode = 1;
});
