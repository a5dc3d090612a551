import type { LoaderFunctionArgs } from "@remix-run/node";

import { getPath, pathToMarkdown, stepBodies } from "~/models/path.server";
import { getAccess } from "~/utils/access.server";
import { getDb } from "~/utils/db.server";
import { notFound } from "~/utils/http.server";
import { slugParam } from "~/utils/params.server";

/** GET /paths/:slug/markdown — the whole path as a Markdown file to keep or share. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const db = getDb();
  const path = await getPath(db, { slug: slugParam(params.slug, "Lärvägen"), access: await getAccess(request) });
  if (!path) throw notFound("Lärvägen finns inte.");
  const bodies = await stepBodies(db, path.steps.map((s) => s.recordId));
  return new Response(pathToMarkdown(path, bodies, new URL(request.url).origin), {
    headers: {
      "Content-Type": "text/markdown; charset=utf-8",
      "Content-Disposition": `attachment; filename="${path.slug}.md"`,
    },
  });
}
