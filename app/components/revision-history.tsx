import { Form } from "@remix-run/react";

import { useT, type Text } from "~/i18n";
import { FIELD_LABEL } from "~/utils/labels";

/** The parts of a record's history page: the version picker, the diff and the table of revisions. */

export interface HistoryRevision {
  version: number;
  createdAt: string;
  author: string | null;
  /** The app's own note (translated) and an editor's comment or a foreign note (content). */
  note: { label: Text | null; comment: string | null };
}

export interface HistoryDiff {
  field: string;
  lines: { op: "add" | "del" | "same"; text: string }[];
}

export function CompareForm({ revisions, from, to }: { revisions: HistoryRevision[]; from?: number; to?: number }) {
  const t = useT();
  const versions = revisions.map((r) => (
    <option key={r.version} value={r.version}>
      {r.version}
    </option>
  ));
  return (
    <Form method="get" className="form-actions">
      <label>
        {t("Jämför version", "Compare version")}{" "}
        <select name="from" defaultValue={from ?? ""}>
          {versions}
        </select>
      </label>
      <label>
        {t("med", "with")}{" "}
        <select name="to" defaultValue={to ?? ""}>
          {versions}
        </select>
      </label>
      <button type="submit" className="button button-secondary">
        {t("Jämför", "Compare")}
      </button>
    </Form>
  );
}

/** The changed fields between two versions; the lines are the record's content, in its language. */
export function VersionDiff({ diff, from, to, lang }: { diff: HistoryDiff[]; from?: number; to?: number; lang: string }) {
  const t = useT();
  return (
    <section aria-labelledby="diff-heading" className="section">
      <h2 id="diff-heading">{t(`Ändringar från version ${from} till ${to}`, `Changes from version ${from} to ${to}`)}</h2>
      {diff.length === 0 ? (
        <p className="empty">
          {t("Innehållet är detsamma (bara arbetsflödet ändrades).", "The content is the same (only the workflow changed).")}
        </p>
      ) : null}
      {diff.map((d) => (
        <div key={d.field}>
          <h3>{FIELD_LABEL[d.field] ? t(FIELD_LABEL[d.field]) : d.field}</h3>
          <ul className="diff" lang={lang}>
            {d.lines.map((line, i) => (
              <li key={i}>
                {line.op === "add" ? <ins>+ {line.text}</ins> : line.op === "del" ? <del>− {line.text}</del> : `  ${line.text}`}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

/** Every revision, newest first, each with a button to restore it when the person may. */
export function RevisionTable({ revisions, current, canRestore }: { revisions: HistoryRevision[]; current: number; canRestore: boolean }) {
  const t = useT();
  return (
    <table className="data-table">
      <thead>
        <tr>
          <th>{t("Version", "Version")}</th>
          <th>{t("När", "When")}</th>
          <th>{t("Vem", "Who")}</th>
          <th>{t("Vad", "What")}</th>
          <th>
            <span className="visually-hidden">{t("Återställ", "Restore")}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {revisions.map((r) => (
          <tr key={r.version}>
            <td>{r.version}</td>
            <td>{t.dateTime(r.createdAt)}</td>
            <td>{r.author ?? t("Inläsning", "Import")}</td>
            <td>
              {r.note.label ? t(r.note.label) : null}
              {r.note.label && r.note.comment ? ": " : null}
              {r.note.comment ? <span lang="sv">{r.note.comment}</span> : null}
            </td>
            <td>
              {canRestore && r.version !== current ? (
                <Form method="post">
                  <input type="hidden" name="version" value={current} />
                  <button type="submit" name="restore" value={r.version} className="link-button">
                    {t(`Återställ version ${r.version}`, `Restore version ${r.version}`)}
                  </button>
                </Form>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
