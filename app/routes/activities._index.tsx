import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

import { ACTIVITY_FORMATS, ACTIVITY_LEVELS } from "../../db/schema";
import { RecordListPage } from "~/components/record-list-page";
import { getAccess } from "~/utils/access.server";
import { getDb } from "~/utils/db.server";
import { FORMAT_LABEL, LEVEL_LABEL } from "~/utils/labels";
import { loadRecordList } from "~/utils/record-list.server";

export async function loader({ request }: LoaderFunctionArgs) {
  return json(await loadRecordList(getDb(), request, "activity", await getAccess(request)));
}

export default function Activities() {
  const data = useLoaderData<typeof loader>();
  return (
    <RecordListPage
      title="Kompetensutveckling"
      intro="Kurser, utbildningar och mentorskap från lärosäten, utvecklingscentra och företag i regionen."
      noun={["insats", "insatser"]}
      extraSelects={[
        {
          name: "format",
          label: "Form",
          value: data.values.format,
          options: ACTIVITY_FORMATS.map((f) => ({ value: f, label: FORMAT_LABEL[f] })),
        },
        {
          name: "level",
          label: "Nivå",
          value: data.values.level,
          options: ACTIVITY_LEVELS.map((l) => ({ value: l, label: LEVEL_LABEL[l] })),
        },
      ]}
      {...data}
    />
  );
}

export const meta: MetaFunction = () => [{ title: "Kompetensutveckling – Lärdom" }];
