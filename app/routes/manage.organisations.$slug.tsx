import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";

import { OrganisationForm } from "~/components/directory-forms";
import { organisationSchema } from "~/forms/manage";
import { metaT, useT } from "~/i18n";
import { requestT } from "~/i18n/lang.server";
import { getOrganisationForm, recordIdsOfOrganisation, updateOrganisation } from "~/models/directory.server";
import { recordChanged } from "~/search/service.server";
import { getDb } from "~/utils/db.server";
import { notFound } from "~/utils/http.server";
import { slugParam } from "~/utils/params.server";
import { requireEditor } from "~/utils/permissions.server";
import { parseSubmission, readForm } from "~/utils/request.server";

const NO_ORGANISATION = { sv: "Organisationen finns inte.", en: "The organisation does not exist." };

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireEditor(request);
  const organisation = await getOrganisationForm(getDb(), slugParam(params.slug, { sv: "Organisationen", en: "The organisation" }));
  if (!organisation) throw notFound(NO_ORGANISATION);
  return json({ organisation });
}

export async function action({ request, params }: ActionFunctionArgs) {
  await requireEditor(request);
  const slug = slugParam(params.slug, { sv: "Organisationen", en: "The organisation" });
  const submission = parseSubmission(await readForm(request), organisationSchema(await requestT(request)));
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  if (!(await updateOrganisation(getDb(), slug, submission.value))) throw notFound(NO_ORGANISATION);
  for (const id of await recordIdsOfOrganisation(getDb(), slug)) await recordChanged(getDb(), id);
  return redirect("/manage/organisations");
}

export default function EditOrganisation() {
  const { organisation } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const t = useT();
  return (
    <div>
      <nav className="breadcrumb" aria-label={t("Brödsmulor", "Breadcrumbs")}>
        <Link to="/manage/organisations">{t("Organisationer", "Organisations")}</Link>
      </nav>
      <h1 lang="sv">{organisation.name}</h1>
      <OrganisationForm id="edit-organisation" defaultValue={organisation} lastResult={lastResult} submitLabel={t("Spara", "Save")} />
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => [
  { title: `${metaT(matches)("Redigera organisation", "Edit organisation")} – Lärdom` },
];
