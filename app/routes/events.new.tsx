import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";

import { RecordEditor, type EditorActionData } from "~/components/record-editor";
import { metaT, useT } from "~/i18n";
import { newRecordAction, newRecordLoader } from "~/utils/record-form.server";

export const loader = ({ request }: LoaderFunctionArgs) => newRecordLoader(request, "event");
export const action = ({ request }: ActionFunctionArgs) => newRecordAction(request, "event");

export default function New() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as EditorActionData | undefined;
  return (
    <div>
      <h1>{t("Ny träff", "New event")}</h1>
      <p className="muted">
        {t(
          "Sparas som utkast. När du är klar skickar du det för granskning; en redaktör publicerar.",
          "Saved as a draft. When you are done, submit it for review; an editor publishes it.",
        )}
      </p>
      <p className="muted">
        {t("Många träffar i ett kalkylark?", "Many events in a spreadsheet?")}{" "}
        <Link to="/events/import">{t("Importera dem från CSV", "Import them from CSV")}</Link>.
      </p>
      <RecordEditor kind="event" defaultValue={data.defaultValue} options={data.options} actionData={actionData} canSubmit />
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: `${metaT(matches)("Ny träff", "New event")} – Lärdom` }];
