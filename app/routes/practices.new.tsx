import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";

import { RecordEditor, type EditorActionData } from "~/components/record-editor";
import { recordUrl } from "~/utils/labels";
import { newRecordAction, newRecordLoader } from "~/utils/record-form.server";

export const loader = ({ request }: LoaderFunctionArgs) => newRecordLoader(request, "practice");
export const action = ({ request }: ActionFunctionArgs) => newRecordAction(request, "practice");

export default function New() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as EditorActionData | undefined;
  const start = data.start;
  return (
    <div>
      <h1>Nytt gott exempel</h1>
      {start ? (
        <p className="notice">
          Du utgår från {start.lesson ? "en lärdom från " : ""}träffen{" "}
          <Link to={`${recordUrl("event", start.event.slug)}${start.lesson ? `#lardom-${start.lesson.id}` : ""}`}>{start.event.title}</Link>
          {start.lesson ? <>: ”{start.lesson.text}”</> : "."} Vi har fyllt i det vi vet om träffen{start.lesson ? " och lärdomen" : ""}; skriv en rubrik och berätta vad ni gjorde.
        </p>
      ) : null}
      <p className="muted">Sparas som utkast. När du är klar skickar du det för granskning; en redaktör publicerar.</p>
      <RecordEditor kind="practice" defaultValue={data.defaultValue} options={data.options} actionData={actionData} canSubmit />
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Nytt gott exempel – Lärdom" }];
