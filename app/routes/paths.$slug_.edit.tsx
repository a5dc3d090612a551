import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";

import { PathEditor, type PathEditorData } from "~/components/path-editor";
import { metaT, useT } from "~/i18n";
import { slugParam } from "~/utils/params.server";
import { editPathAction, editPathLoader } from "~/utils/path-form.server";

const THE_PATH = { sv: "Lärvägen", en: "The reading path" };

export const loader = ({ request, params }: LoaderFunctionArgs) => editPathLoader(request, slugParam(params.slug, THE_PATH));
export const action = ({ request, params }: ActionFunctionArgs) => editPathAction(request, slugParam(params.slug, THE_PATH));

export default function EditPath() {
  const t = useT();
  const { path, themes, records, saved } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as PathEditorData | undefined;
  return (
    <div>
      <nav aria-label={t("Brödsmulor", "Breadcrumb")} className="breadcrumb">
        <Link to="/paths">{t("Lärvägar", "Reading paths")}</Link>
        {path.values.status === "published" ? (
          <>
            {" "}
            · <Link to={`/paths/${path.slug}`}>{t("Visa lärvägen", "View the reading path")}</Link>
          </>
        ) : null}
      </nav>
      <h1>
        {t("Redigera lärväg:", "Edit reading path:")} <span lang="sv">{path.values.title}</span>
      </h1>
      {saved ? (
        <p className="notice" role="status">
          {t("Lärvägen är sparad.", "The reading path is saved.")}
        </p>
      ) : null}
      <PathEditor defaultValue={path.values} themes={themes} records={records} actionData={actionData} version={path.version} />
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: `${metaT(matches)("Redigera lärväg", "Edit reading path")} – Lärdom` }];
