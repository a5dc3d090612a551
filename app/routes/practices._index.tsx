import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

import { RecordListPage } from "~/components/record-list-page";
import { metaT, useT } from "~/i18n";
import { getAccess } from "~/utils/access.server";
import { getDb } from "~/utils/db.server";
import { loadRecordList } from "~/utils/record-list.server";

export async function loader({ request }: LoaderFunctionArgs) {
  return json(await loadRecordList(getDb(), request, "practice", await getAccess(request)));
}

export default function Practices() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  return (
    <RecordListPage
      title={t("Goda exempel", "Good practice")}
      intro={t(
        "Vad företag, kommuner och lärosäten i regionen har gjort som andra kan lära av: problemet, lösningen, resultatet och vad som krävdes.",
        "What companies, municipalities and universities in the region have done that others can learn from: the problem, the solution, the result and what it took.",
      )}
      noun={[
        { sv: "gott exempel", en: "good practice" },
        { sv: "goda exempel", en: "good practices" },
      ]}
      {...data}
    />
  );
}

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: t("Goda exempel – Lärdom", "Good practice – Lärdom") }];
};
