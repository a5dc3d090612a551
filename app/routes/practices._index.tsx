import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

import { RecordListPage } from "~/components/record-list-page";
import { getAccess } from "~/utils/access.server";
import { getDb } from "~/utils/db.server";
import { loadRecordList } from "~/utils/record-list.server";

export async function loader({ request }: LoaderFunctionArgs) {
  return json(await loadRecordList(getDb(), request, "practice", await getAccess(request)));
}

export default function Practices() {
  const data = useLoaderData<typeof loader>();
  return (
    <RecordListPage
      title="Goda exempel"
      intro="Vad företag, kommuner och lärosäten i regionen har gjort som andra kan lära av: problemet, lösningen, resultatet och vad som krävdes."
      noun={["gott exempel", "goda exempel"]}
      {...data}
    />
  );
}

export const meta: MetaFunction = () => [{ title: "Goda exempel – Lärdom" }];
