import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";

import { RecordEditor, type EditorActionData } from "~/components/record-editor";
import { newRecordAction, newRecordLoader } from "~/utils/record-form.server";

export const loader = ({ request }: LoaderFunctionArgs) => newRecordLoader(request, "practice");
export const action = ({ request }: ActionFunctionArgs) => newRecordAction(request, "practice");

export default function New() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as EditorActionData | undefined;
  return (
    <div>
      <h1>Nytt gott exempel</h1>
      <p className="muted">Sparas som utkast. När du är klar skickar du det för granskning; en redaktör publicerar.</p>
      <RecordEditor kind="practice" defaultValue={data.defaultValue} options={data.options} actionData={actionData} canSubmit />
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Nytt gott exempel – Lärdom" }];
