import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";

import { PathEditor, type PathEditorData } from "~/components/path-editor";
import { slugParam } from "~/utils/params.server";
import { editPathAction, editPathLoader } from "~/utils/path-form.server";

export const loader = ({ request, params }: LoaderFunctionArgs) => editPathLoader(request, slugParam(params.slug, "Lärvägen"));
export const action = ({ request, params }: ActionFunctionArgs) => editPathAction(request, slugParam(params.slug, "Lärvägen"));

export default function EditPath() {
  const { path, themes, records, saved } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as PathEditorData | undefined;
  return (
    <div>
      <nav aria-label="Brödsmulor" className="breadcrumb">
        <Link to="/paths">Lärvägar</Link>
        {path.values.status === "published" ? (
          <>
            {" "}
            · <Link to={`/paths/${path.slug}`}>Visa lärvägen</Link>
          </>
        ) : null}
      </nav>
      <h1>Redigera lärväg: {path.values.title}</h1>
      {saved ? (
        <p className="notice" role="status">
          Lärvägen är sparad.
        </p>
      ) : null}
      <PathEditor defaultValue={path.values} themes={themes} records={records} actionData={actionData} version={path.version} />
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Redigera lärväg – Lärdom" }];
