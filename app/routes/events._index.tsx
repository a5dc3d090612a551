import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

import { EVENT_TYPES } from "../../db/schema";
import { RecordListPage } from "~/components/record-list-page";
import { metaT, useT } from "~/i18n";
import { getAccess } from "~/utils/access.server";
import { getDb } from "~/utils/db.server";
import { EVENT_TYPE_LABEL } from "~/utils/labels";
import { loadRecordList } from "~/utils/record-list.server";

export async function loader({ request }: LoaderFunctionArgs) {
  return json(await loadRecordList(getDb(), request, "event", await getAccess(request)));
}

export default function Events() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  return (
    <RecordListPage
      title={t("Träffar", "Events")}
      intro={t(
        "Workshoppar, erfarenhetsutbyten, studiebesök och nätverksträffar – och lärdomarna som deltagarna tog med sig hem.",
        "Workshops, experience exchanges, study visits and network meetings – and the lessons the participants took home with them.",
      )}
      noun={[
        { sv: "träff", en: "event" },
        { sv: "träffar", en: "events" },
      ]}
      extraSelects={[
        {
          name: "type",
          label: t("Typ av träff", "Type of event"),
          value: data.values.type,
          options: EVENT_TYPES.map((type) => ({ value: type, label: t(EVENT_TYPE_LABEL[type]) })),
        },
      ]}
      {...data}
    />
  );
}

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: t("Träffar – Lärdom", "Events – Lärdom") }];
};
