import type { LoaderFunctionArgs } from "@remix-run/node";

import { eventCsvTemplate } from "~/models/import.server";
import { getDb } from "~/utils/db.server";
import { requireWriter } from "~/utils/permissions.server";

/** The CSV template for /events/import: UTF-8 with BOM, the columns and one example row. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireWriter(request, "event");
  return new Response(await eventCsvTemplate(getDb()), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="lardom-traffar-mall.csv"',
    },
  });
}
