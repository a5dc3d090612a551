import { json } from "@remix-run/node";
import { sql } from "kysely";

import { isSearchReady } from "~/search/service.server";
import { getDb } from "~/utils/db.server";

/** 200 {"ok":true} once the database answers, is migrated, and the search index is loaded. */
export async function loader() {
  try {
    const db = getDb();
    await sql`select 1 from kysely_migration limit 1`.execute(db);
    if (!isSearchReady()) throw new Error("search index not ready");
    return json({ ok: true }, { headers: { "Cache-Control": "no-store" } });
  } catch {
    return json({ ok: false, error: "Databasen eller sökindexet är inte redo." }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
