import { json, type LoaderFunctionArgs } from "@remix-run/node";

import { apiRecord, isRecordKind } from "~/models/api.server";
import { getAccess } from "~/utils/access.server";
import { getDb } from "~/utils/db.server";

/** GET /api/records/:kind/:slug — one record in full as JSON; 404 {error} for an unknown kind or slug. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { kind, slug } = params;
  if (!isRecordKind(kind)) return json({ error: `Okänd typ "${kind}": ska vara practice, event eller activity.` }, { status: 404 });
  const record =
    slug && /^[a-z0-9-]{1,200}$/.test(slug)
      ? await apiRecord(getDb(), { kind, slug, access: await getAccess(request), origin: new URL(request.url).origin })
      : null;
  if (!record) return json({ error: `Det finns ingen ${kind} med kortnamnet "${slug}".` }, { status: 404 });
  return json(record, { headers: { "Cache-Control": "no-store" } });
}
