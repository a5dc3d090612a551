import { json, type LoaderFunctionArgs } from "@remix-run/node";

import { noteSearchMiss } from "~/models/dashboard.server";
import { parseSearchQuery } from "~/search/params.server";
import { searchRecords } from "~/search/search.server";
import { getAccess } from "~/utils/access.server";
import { getDb } from "~/utils/db.server";

/**
 * GET /api/search?q=&kind=&theme=&county=&year=&limit=&page= — the contract in DESIGN.md:
 * 200 with {query, total, results, facets} for any q; 400 with {error} for a bad parameter.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const db = getDb();
  const parsed = await parseSearchQuery(db, new URL(request.url));
  if (!parsed.ok) return json({ error: parsed.error }, { status: 400 });
  const result = await searchRecords(db, parsed.params, await getAccess(request));
  // The search page asks as the reader types (live=1): half-typed words are not searches.
  if (!new URL(request.url).searchParams.has("live")) await noteSearchMiss(db, parsed.params, result.total);
  return json(
    {
      query: result.query,
      total: result.total,
      results: result.results,
      facets: result.facets,
      suggestion: result.suggestion,
      partial: result.partial,
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}
