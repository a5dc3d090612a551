import { Link } from "@remix-run/react";

import { useT } from "~/i18n";
import type { WorkItem } from "~/models/manage.server";
import { KIND_LABEL, KIND_PATH, STATUS_LABEL } from "~/utils/labels";

/** Records in a table with their state and a link to edit; for the work and review pages. */
export function WorkTable({ items, empty, showReviewBy = false }: { items: WorkItem[]; empty: string; showReviewBy?: boolean }) {
  const t = useT();
  if (items.length === 0) return <p className="empty">{empty}</p>;
  return (
    <table className="data-table">
      <thead>
        <tr>
          <th>{t("Rubrik", "Title")}</th>
          <th>{t("Sort", "Kind")}</th>
          <th>{t("Organisation", "Organisation")}</th>
          <th>{t("Läge", "Status")}</th>
          <th>{showReviewBy ? t("Skulle granskas", "Review was due") : t("Ändrad", "Changed")}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((r) => (
          <tr key={r.id}>
            <td>
              <Link to={`/${KIND_PATH[r.kind]}/${r.slug}/edit`} lang={r.language}>
                {r.title}
              </Link>
            </td>
            <td>{t(KIND_LABEL[r.kind])}</td>
            <td>
              <span lang="sv">{r.organisation}</span>
            </td>
            <td>{r.status === "draft" && r.reviewComment ? t("Skickad tillbaka av redaktör", "Sent back by an editor") : t(STATUS_LABEL[r.status])}</td>
            <td>{t.date(showReviewBy ? r.reviewBy : r.updatedAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
