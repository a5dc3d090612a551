import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";

import { OrganisationForm } from "~/components/directory-forms";
import { OrganisationSchema } from "~/forms/manage";
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
  const submission = parseSubmission(await readForm(request), OrganisationSchema);
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const slug = await createOrganisation(getDb(), submission.value);
  return redirect(`/manage/organisations?created=${slug}`);
}

export default function ManageOrganisations() {
  const { organisations, created } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <div>
      <nav className="breadcrumb" aria-label="Brödsmulor">
        <Link to="/manage">Mitt arbete</Link>
      </nav>
      <h1>Organisationer</h1>
      {created ? <p className="notice" role="status">Organisationen är skapad.</p> : null}
      <table className="data-table">
        <thead>
          <tr><th>Namn</th><th>Sort</th><th>Kommun</th><th>Län</th></tr>
        </thead>
        <tbody>
          {organisations.map((o) => (
            <tr key={o.slug}>
              <td><Link to={`/manage/organisations/${o.slug}`}>{o.name}</Link></td>
              <td>{ORGANISATION_KIND_LABEL[o.kind]}</td>
              <td>{o.municipality}</td>
              <td>{o.county}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Ny organisation</h2>
      <OrganisationForm id="new-organisation" lastResult={lastResult} submitLabel="Skapa organisation" />
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Organisationer – Lärdom" }];
