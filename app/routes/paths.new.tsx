import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";

import { PathEditor, type PathEditorData } from "~/components/path-editor";
import { newPathAction, newPathLoader } from "~/utils/path-form.server";

export const loader = ({ request }: LoaderFunctionArgs) => newPathLoader(request);
export const action = ({ request }: ActionFunctionArgs) => newPathAction(request);

export default function NewPath() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as PathEditorData | undefined;
  return (
    <div>
      <nav aria-label="Brödsmulor" className="breadcrumb">
        <Link to="/paths">Lärvägar</Link>
      </nav>
      <h1>Ny lärväg</h1>
      <PathEditor defaultValue={data.defaultValue} themes={data.themes} records={data.records} actionData={actionData} />
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Ny lärväg – Lärdom" }];
