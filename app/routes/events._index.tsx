import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

import { EVENT_TYPES } from "../../db/schema";
import { RecordListPage } from "~/components/record-list-page";
import { getAccess } from "~/utils/access.server";
import { getDb } from "~/utils/db.server";
import { EVENT_TYPE_LABEL } from "~/utils/labels";
import { loadRecordList } from "~/utils/record-list.server";

export async function loader({ request }: LoaderFunctionArgs) {
  return json(await loadRecordList(getDb(), request, "event", await getAccess(request)));
}

export default function Events() {
  const data = useLoaderData<typeof loader>();
  return (
    <RecordListPage
      title="Träffar"
      intro="Workshoppar, erfarenhetsutbyten, studiebesök och nätverksträffar – och lärdomarna som deltagarna tog med sig hem."
      noun={["träff", "träffar"]}
      extraSelects={[
        {
          name: "type",
          label: "Typ av träff",
          value: data.values.type,
          options: EVENT_TYPES.map((t) => ({ value: t, label: EVENT_TYPE_LABEL[t] })),
        },
      ]}
      {...data}
    />
  );
}

export const meta: MetaFunction = () => [{ title: "Träffar – Lärdom" }];
