import type { LoaderFunctionArgs } from "@remix-run/node";

import { requestT } from "~/i18n/lang.server";
import { EDITOR_FIGURES, figureCsv, getFigure, isFigureId } from "~/models/dashboard.server";
import { getDb } from "~/utils/db.server";
import { isEditor } from "~/utils/permissions.server";
import { getUser } from "~/utils/session.server";

const text = (body: string, status: number) => new Response(`${body}\n`, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/**
 * GET /dashboard/csv/:figure — one dashboard figure as CSV, its two column headers in the
 * reader's language (the numbers always as Swedish Excel reads them); 404 for an unknown figure,
 * 403 for editors' figures to others.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const t = await requestT(request);
  const id = params.figure ?? "";
  if (!isFigureId(id)) return text(t("Det finns ingen sådan siffra.", "There is no such figure."), 404);
  if (EDITOR_FIGURES.includes(id) && !isEditor(await getUser(request))) {
    return text(t("Bara redaktörer har tillgång till det här.", "Only editors have access to this."), 403);
  }
  return new Response(figureCsv(await getFigure(getDb(), id, t)), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="lardom-${id}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
