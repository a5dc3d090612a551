import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { WorkTable } from "~/components/work-table";
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
  return (
    <div>
      <nav className="breadcrumb" aria-label="Brödsmulor">
        <Link to="/manage">Mitt arbete</Link>
      </nav>
      <h1>Granskning</h1>
      <h2>Väntar på granskning</h2>
      <WorkTable items={queue} empty="Inget väntar på granskning just nu." />
      <h2>Dags att se över</h2>
      <WorkTable items={stale} empty="Inget publicerat material har passerat sitt granskningsdatum." showReviewBy />
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Granskning – Lärdom" }];
