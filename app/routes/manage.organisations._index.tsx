import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";

import { OrganisationForm } from "~/components/directory-forms";
import { organisationSchema } from "~/forms/manage";
import { metaT, useT } from "~/i18n";
import { requestT } from "~/i18n/lang.server";
import { createOrganisation, listOrganisations } from "~/models/directory.server";
import { getDb } from "~/utils/db.server";
import { ORGANISATION_KIND_LABEL } from "~/utils/labels";
import { requireEditor } from "~/utils/permissions.server";
import { parseSubmission, readForm } from "~/utils/request.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireEditor(request);
  return json({ organisations: await listOrganisations(getDb()), created: new URL(request.url).searchParams.get("created") });
}

export async function action({ request }: ActionFunctionArgs) {
  await requireEditor(request);
  const submission = parseSubmission(await readForm(request), organisationSchema(await requestT(request)));
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const slug = await createOrganisation(getDb(), submission.value);
  return redirect(`/manage/organisations?created=${slug}`);
}

export default function ManageOrganisations() {
  const { organisations, created } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const t = useT();
  return (
    <div>
      <nav className="breadcrumb" aria-label={t("Brödsmulor", "Breadcrumbs")}>
        <Link to="/manage">{t("Mitt arbete", "My work")}</Link>
      </nav>
      <h1>{t("Organisationer", "Organisations")}</h1>
      {created ? (
        <p className="notice" role="status">
          {t("Organisationen är skapad.", "The organisation has been created.")}
        </p>
      ) : null}
      <table className="data-table">
        <thead>
          <tr>
            <th>{t("Namn", "Name")}</th>
            <th>{t("Sort", "Kind")}</th>
            <th>{t("Kommun", "Municipality")}</th>
            <th>{t("Län", "County")}</th>
          </tr>
        </thead>
        <tbody>
          {organisations.map((o) => (
            <tr key={o.slug}>
              <td>
                <Link to={`/manage/organisations/${o.slug}`} lang="sv">
                  {o.name}
                </Link>
              </td>
              <td>{t(ORGANISATION_KIND_LABEL[o.kind])}</td>
              <td lang="sv">{o.municipality}</td>
              <td>{o.county}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t("Ny organisation", "New organisation")}</h2>
      <OrganisationForm id="new-organisation" lastResult={lastResult} submitLabel={t("Skapa organisation", "Create organisation")} />
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => [{ title: `${metaT(matches)("Organisationer", "Organisations")} – Lärdom` }];
