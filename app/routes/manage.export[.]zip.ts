import type { LoaderFunctionArgs } from "@remix-run/node";

import { exportZip } from "~/models/export.server";
import { getDb } from "~/utils/db.server";
import { requireEditor } from "~/utils/permissions.server";

/** GET /manage/export.zip — everything published, in the seeds format, as a download for editors. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireEditor(request);
  const { zip } = await exportZip(getDb());
  const day = new Date().toISOString().slice(0, 10);
  return new Response(new Blob([new Uint8Array(zip)]), {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="lardom-export-${day}.zip"`,
      "Content-Length": String(zip.byteLength),
      "Cache-Control": "no-store",
    },
  });
}
