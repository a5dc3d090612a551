import { json, type LoaderFunctionArgs } from "@remix-run/node";

import { apiPaths } from "~/models/api.server";
import { getAccess } from "~/utils/access.server";
import { getDb } from "~/utils/db.server";

/** GET /api/paths — published reading paths with the steps the visitor may read. */
export async function loader({ request }: LoaderFunctionArgs) {
  const paths = await apiPaths(getDb(), { access: await getAccess(request), origin: new URL(request.url).origin });
  return json({ paths }, { headers: { "Cache-Control": "no-store" } });
}
