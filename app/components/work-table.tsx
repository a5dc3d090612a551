import { Link } from "@remix-run/react";

import type { WorkItem } from "~/models/manage.server";
import { KIND_LABEL, KIND_PATH, STATUS_LABEL, formatDate } from "~/utils/labels";

/** Records in a table with their state and a link to edit; for the work and review pages. */
export function WorkTable({ items, empty, showReviewBy = false }: { items: WorkItem[]; empty: string; showReviewBy?: boolean }) {
  if (items.length === 0) return <p className="empty">{empty}</p>;
  return (
    <table className="data-table">
      <thead>
        <tr>
          <th>Rubrik</th>
          <th>Sort</th>
          <th>Organisation</th>
          <th>Läge</th>
          <th>{showReviewBy ? "Skulle granskas" : "Ändrad"}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((r) => (
          <tr key={r.id}>
            <td>
              <Link to={`/${KIND_PATH[r.kind]}/${r.slug}/edit`}>{r.title}</Link>
            </td>
            <td>{KIND_LABEL[r.kind]}</td>
            <td>{r.organisation}</td>
            <td>{r.status === "draft" && r.reviewComment ? "Skickad tillbaka av redaktör" : STATUS_LABEL[r.status]}</td>
            <td>{formatDate(showReviewBy ? r.reviewBy : r.updatedAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
