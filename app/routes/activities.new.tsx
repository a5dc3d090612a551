import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";

import { RecordEditor, type EditorActionData } from "~/components/record-editor";
import { metaT, useT } from "~/i18n";
import { newRecordAction, newRecordLoader } from "~/utils/record-form.server";

export const loader = ({ request }: LoaderFunctionArgs) => newRecordLoader(request, "activity");
export const action = ({ request }: ActionFunctionArgs) => newRecordAction(request, "activity");

export default function New() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as EditorActionData | undefined;
  return (
    <div>
      <h1>{t("Ny kompetensutvecklingsinsats", "New competence development activity")}</h1>
      <p className="muted">
        {t(
          "Sparas som utkast. När du är klar skickar du det för granskning; en redaktör publicerar.",
          "Saved as a draft. When you are done, submit it for review; an editor publishes it.",
        )}
      </p>
      <RecordEditor kind="activity" defaultValue={data.defaultValue} options={data.options} actionData={actionData} canSubmit />
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => [
  { title: `${metaT(matches)("Ny kompetensutvecklingsinsats", "New competence development activity")} – Lärdom` },
];
