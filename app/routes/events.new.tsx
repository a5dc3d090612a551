import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";

import { RecordEditor, type EditorActionData } from "~/components/record-editor";
import { newRecordAction, newRecordLoader } from "~/utils/record-form.server";

export const loader = ({ request }: LoaderFunctionArgs) => newRecordLoader(request, "event");
export const action = ({ request }: ActionFunctionArgs) => newRecordAction(request, "event");

export default function New() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as EditorActionData | undefined;
  return (
    <div>
      <h1>Ny träff</h1>
      <p className="muted">Sparas som utkast. När du är klar skickar du det för granskning; en redaktör publicerar.</p>
      <p className="muted">
        Många träffar i ett kalkylark? <Link to="/events/import">Importera dem från CSV</Link>.
      </p>
      <RecordEditor kind="event" defaultValue={data.defaultValue} options={data.options} actionData={actionData} canSubmit />
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Ny träff – Lärdom" }];
