import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";

import { RecordEditor, type EditorActionData } from "~/components/record-editor";
import { metaT, useT } from "~/i18n";
import { recordUrl } from "~/utils/labels";
import { newRecordAction, newRecordLoader } from "~/utils/record-form.server";

export const loader = ({ request }: LoaderFunctionArgs) => newRecordLoader(request, "practice");
export const action = ({ request }: ActionFunctionArgs) => newRecordAction(request, "practice");

export default function New() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as EditorActionData | undefined;
  const t = useT();
  const start = data.start;
  return (
    <div>
      <h1>{t("Nytt gott exempel", "New good practice")}</h1>
      {start ? (
        <p className="notice">
          {start.lesson ? t("Du utgår från en lärdom från träffen", "You are starting from a lesson from the event") : t("Du utgår från träffen", "You are starting from the event")}{" "}
          <Link to={`${recordUrl("event", start.event.slug)}${start.lesson ? `#lardom-${start.lesson.id}` : ""}`} lang={start.event.language}>
            {start.event.title}
          </Link>
          {start.lesson ? (
            <>
              : <q lang={start.event.language}>{start.lesson.text}</q>
            </>
          ) : (
            "."
          )}{" "}
          {start.lesson
            ? t(
                "Vi har fyllt i det vi vet om träffen och lärdomen; skriv en rubrik och berätta vad ni gjorde.",
                "We have filled in what we know about the event and the lesson; write a title and tell us what you did.",
              )
            : t(
                "Vi har fyllt i det vi vet om träffen; skriv en rubrik och berätta vad ni gjorde.",
                "We have filled in what we know about the event; write a title and tell us what you did.",
              )}
        </p>
      ) : null}
      <p className="muted">
        {t(
          "Sparas som utkast. När du är klar skickar du det för granskning; en redaktör publicerar.",
          "Saved as a draft. When you are done, submit it for review; an editor publishes it.",
        )}
      </p>
      <RecordEditor kind="practice" defaultValue={data.defaultValue} options={data.options} actionData={actionData} canSubmit />
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: `${metaT(matches)("Nytt gott exempel", "New good practice")} – Lärdom` }];
