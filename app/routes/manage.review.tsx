import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { WorkTable } from "~/components/work-table";
import { metaT, useT } from "~/i18n";
import { reviewQueue, staleRecords } from "~/models/manage.server";
import { getDb } from "~/utils/db.server";
import { requireEditor } from "~/utils/permissions.server";

/** The editors' queue: what waits for review, and published material past its review-by date. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireEditor(request);
  const db = getDb();
  return json({ queue: await reviewQueue(db), stale: await staleRecords(db, { today: new Date().toISOString().slice(0, 10) }) });
}

export default function ReviewQueue() {
  const { queue, stale } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div>
      <nav className="breadcrumb" aria-label={t("Brödsmulor", "Breadcrumbs")}>
        <Link to="/manage">{t("Mitt arbete", "My work")}</Link>
      </nav>
      <h1>{t("Granskning", "Review")}</h1>
      <h2>{t("Väntar på granskning", "Awaiting review")}</h2>
      <WorkTable items={queue} empty={t("Inget väntar på granskning just nu.", "Nothing is waiting for review at the moment.")} />
      <h2>{t("Dags att se över", "Due for review")}</h2>
      <WorkTable
        items={stale}
        empty={t("Inget publicerat material har passerat sitt granskningsdatum.", "No published material is past its review date.")}
        showReviewBy
      />
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => [{ title: `${metaT(matches)("Granskning", "Review")} – Lärdom` }];
