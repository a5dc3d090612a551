import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";

import { PathEditor, type PathEditorData } from "~/components/path-editor";
import { metaT, useT } from "~/i18n";
import { newPathAction, newPathLoader } from "~/utils/path-form.server";

export const loader = ({ request }: LoaderFunctionArgs) => newPathLoader(request);
export const action = ({ request }: ActionFunctionArgs) => newPathAction(request);

export default function NewPath() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as PathEditorData | undefined;
  return (
    <div>
      <nav aria-label={t("Brödsmulor", "Breadcrumb")} className="breadcrumb">
        <Link to="/paths">{t("Lärvägar", "Reading paths")}</Link>
      </nav>
      <h1>{t("Ny lärväg", "New reading path")}</h1>
      <PathEditor defaultValue={data.defaultValue} themes={data.themes} records={data.records} actionData={actionData} />
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: `${metaT(matches)("Ny lärväg", "New reading path")} – Lärdom` }];
