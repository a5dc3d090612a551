import type { LoaderFunctionArgs } from "@remix-run/node";

import { atomFeed, feedRecords, parseFeedQuery } from "~/models/feed.server";
import { getDb } from "~/utils/db.server";

/** GET /feeds/records.atom?kind=&theme= — newly published public records as Atom; 400 for a bad parameter. */
export async function loader({ request }: LoaderFunctionArgs) {
  const db = getDb();
  const url = new URL(request.url);
  const parsed = await parseFeedQuery(db, url);
  if (!parsed.ok) return new Response(`${parsed.error}\n`, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const entries = await feedRecords(db, { kind: parsed.kind, theme: parsed.theme?.slug });
  const body = atomFeed(entries, { origin: url.origin, selfUrl: url.href, kind: parsed.kind, theme: parsed.theme });
  return new Response(body, {
    headers: { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": "public, max-age=300" },
  });
}
