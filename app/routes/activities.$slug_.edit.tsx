import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";

import { EditPage, type EditPageData } from "~/components/edit-page";
import type { EditorActionData } from "~/components/record-editor";
import { metaT } from "~/i18n";
import { slugParam } from "~/utils/params.server";
import { editRecordAction, editRecordLoader } from "~/utils/record-form.server";

export const loader = ({ request, params }: LoaderFunctionArgs) => editRecordLoader(request, "activity", slugParam(params.slug));
export const action = ({ request, params }: ActionFunctionArgs) => editRecordAction(request, "activity", slugParam(params.slug));

export default function Edit() {
  const data = useLoaderData<typeof loader>() as unknown as EditPageData;
  const actionData = useActionData<typeof action>() as EditorActionData | undefined;
  return <EditPage data={data} actionData={actionData} />;
}

export const meta: MetaFunction = ({ matches }) => [{ title: `${metaT(matches)("Redigera", "Edit")} – Lärdom` }];
