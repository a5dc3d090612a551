import { json } from "@remix-run/node";
import { sql } from "kysely";

import { getDb } from "~/utils/db.server";

/** 200 {"ok":true} once the database answers and is migrated; 503 otherwise. */
export async function loader() {
  try {
    const db = getDb();
    await sql`select 1 from kysely_migration limit 1`.execute(db);
    return json({ ok: true }, { headers: { "Cache-Control": "no-store" } });
  } catch {
    return json({ ok: false, error: "Databasen är inte redo." }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
