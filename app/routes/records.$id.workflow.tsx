import { json, redirect, type ActionFunctionArgs } from "@remix-run/node";

import { problemOf } from "~/forms/lang";
import { workflowSchema } from "~/forms/record";
import { requestT } from "~/i18n/lang.server";
import { ConflictError } from "~/models/authoring.server";
import { recordById } from "~/models/manage.server";
import { transition, WorkflowError } from "~/models/workflow.server";
import { recordChanged } from "~/search/service.server";
import { getDb } from "~/utils/db.server";
import { badRequest, notFound } from "~/utils/http.server";
import { canView, forbidden, requireUser } from "~/utils/permissions.server";
import { editUrl } from "~/utils/record-form.server";
import { idParam } from "~/utils/params.server";
import { readForm } from "~/utils/request.server";

/** Nothing to show: the workflow is a set of buttons on the edit page that post here. */
export async function loader() {
  throw notFound();
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const db = getDb();
  const record = await recordById(db, idParam(params.id));
  if (!record) throw notFound({ sv: "Det finns inget sådant.", en: "That record does not exist." });
  if (!canView(user, record)) throw forbidden();
  const input = Object.fromEntries(await readForm(request));
  const parsed = workflowSchema(await requestT(request)).safeParse(input);
  if (!parsed.success) throw badRequest(problemOf(workflowSchema, input)!);
  const { intent, version, comment } = parsed.data;
  try {
    await transition(db, { id: record.id, intent, expectedVersion: version, user, comment });
  } catch (error) {
    if (error instanceof WorkflowError) throw json({ message: error.text }, { status: error.status });
    if (error instanceof ConflictError) {
      const message = {
        sv: "Någon annan har ändrat posten under tiden. Ladda om sidan och försök igen.",
        en: "Someone else has changed this in the meantime. Reload the page and try again.",
      };
      throw json({ message }, { status: 409 });
    }
    throw error;
  }
  await recordChanged(db, record.id);
  return redirect(`${editUrl(record.kind, record.slug)}?saved=${intent}`);
}
