import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";

import { OrganisationForm } from "~/components/directory-forms";
import { OrganisationSchema } from "~/forms/manage";
import { getOrganisationForm, recordIdsOfOrganisation, updateOrganisation } from "~/models/directory.server";
import { recordChanged } from "~/search/service.server";
import { getDb } from "~/utils/db.server";
import { notFound } from "~/utils/http.server";
import { slugParam } from "~/utils/params.server";
import { requireEditor } from "~/utils/permissions.server";
import { parseSubmission, readForm } from "~/utils/request.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireEditor(request);
  const organisation = await getOrganisationForm(getDb(), slugParam(params.slug, "Organisationen"));
  if (!organisation) throw notFound("Organisationen finns inte.");
  return json({ organisation });
}

export async function action({ request, params }: ActionFunctionArgs) {
  await requireEditor(request);
  const slug = slugParam(params.slug, "Organisationen");
  const submission = parseSubmission(await readForm(request), OrganisationSchema);
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  if (!(await updateOrganisation(getDb(), slug, submission.value))) throw notFound("Organisationen finns inte.");
  for (const id of await recordIdsOfOrganisation(getDb(), slug)) await recordChanged(getDb(), id);
  return redirect("/manage/organisations");
}

export default function EditOrganisation() {
  const { organisation } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <div>
      <nav className="breadcrumb" aria-label="Brödsmulor">
        <Link to="/manage/organisations">Organisationer</Link>
      </nav>
      <h1>{organisation.name}</h1>
      <OrganisationForm id="edit-organisation" defaultValue={organisation} lastResult={lastResult} submitLabel="Spara" />
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Redigera organisation – Lärdom" }];
