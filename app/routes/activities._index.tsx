import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

import { ACTIVITY_FORMATS, ACTIVITY_LEVELS } from "../../db/schema";
import { RecordListPage } from "~/components/record-list-page";
import { metaT, useT } from "~/i18n";
import { getAccess } from "~/utils/access.server";
import { getDb } from "~/utils/db.server";
import { FORMAT_LABEL, LEVEL_LABEL } from "~/utils/labels";
import { loadRecordList } from "~/utils/record-list.server";

export async function loader({ request }: LoaderFunctionArgs) {
  return json(await loadRecordList(getDb(), request, "activity", await getAccess(request)));
}

export default function Activities() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  return (
    <RecordListPage
      title={t("Kompetensutveckling", "Competence development")}
      intro={t(
        "Kurser, utbildningar och mentorskap från lärosäten, utvecklingscentra och företag i regionen.",
        "Courses, training and mentoring from universities, development centres and companies in the region.",
      )}
      noun={[
        { sv: "insats", en: "activity" },
        { sv: "insatser", en: "activities" },
      ]}
      extraSelects={[
        {
          name: "format",
          label: t("Form", "Format"),
          value: data.values.format,
          options: ACTIVITY_FORMATS.map((f) => ({ value: f, label: t(FORMAT_LABEL[f]) })),
        },
        {
          name: "level",
          label: t("Nivå", "Level"),
          value: data.values.level,
          options: ACTIVITY_LEVELS.map((l) => ({ value: l, label: t(LEVEL_LABEL[l]) })),
        },
      ]}
      {...data}
    />
  );
}

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: t("Kompetensutveckling – Lärdom", "Competence development – Lärdom") }];
};
