import { json, type LoaderFunctionArgs } from "@remix-run/node";

import { listThemeTree } from "~/models/theme.server";
import { getAccess } from "~/utils/access.server";
import { getDb } from "~/utils/db.server";

/** GET /api/themes — the two-level theme tree with the visitor's record counts. */
export async function loader({ request }: LoaderFunctionArgs) {
  const themes = await listThemeTree(getDb(), { access: await getAccess(request) });
  return json(
    { themes: themes.map(({ id: _id, children, ...t }) => ({ ...t, children: children.map(({ id: _c, ...c }) => c) })) },
    { headers: { "Cache-Control": "no-store" } },
  );
}
