import { json, type LoaderFunctionArgs } from "@remix-run/node";

import { apiRecords, parseRecordsQuery } from "~/models/api.server";
import { getAccess } from "~/utils/access.server";
import { getDb } from "~/utils/db.server";

/** GET /api/records?page=&limit=&kind=&theme=&county=&year= — a page of records as JSON; 400 {error} for a bad parameter. */
export async function loader({ request }: LoaderFunctionArgs) {
  const db = getDb();
  const url = new URL(request.url);
  const parsed = await parseRecordsQuery(db, url);
  if (!parsed.ok) return json({ error: parsed.error }, { status: 400 });
  const body = await apiRecords(db, { access: await getAccess(request), query: parsed.query, origin: url.origin });
  return json(body, { headers: { "Cache-Control": "no-store" } });
}
