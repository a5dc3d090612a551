import { useT, type Text, type Translate } from "~/i18n";
import type { CsvPreview } from "~/models/import.server";

/** A problem's column: a header as the file names it, or a cell's number outside the header's columns. */
function columnName(t: Translate, column: string): string {
  return /^\d+$/.test(column) ? t(`kolumn ${column}`, `column ${column}`) : column;
}

/** Where a problem is: "Rad 3, kolumn date" / "Row 3, column date", or the whole file. */
export function problemPlace(t: Translate, p: { row: number | null; column: string | null }): string {
  if (p.row === null) return t("Filen", "The file");
  return p.column ? t(`Rad ${p.row}, kolumn ${p.column}`, `Row ${p.row}, column ${p.column}`) : t(`Rad ${p.row}`, `Row ${p.row}`);
}

/** The CSV preview: every problem by row and column, then every row with its status. */
export function ImportPreview({ preview }: { preview: CsvPreview }) {
  const t = useT();
  const count = preview.problems.length;
  return (
    <section className="section" aria-labelledby="preview-heading">
      <h2 id="preview-heading">{t("Förhandsgranskning", "Preview")}</h2>
      {preview.ok ? (
        <p className="notice" role="status">
          {t(
            `Alla ${t.number(preview.rows.length)} rader är giltiga. Inget är sparat än.`,
            `All ${t.number(preview.rows.length)} rows are valid. Nothing has been saved yet.`,
          )}
        </p>
      ) : (
        <div className="notice notice-warning" role="alert">
          <p>
            {t(
              `${t.plural(count, { sv: "problem", en: "problem" }, { sv: "problem", en: "problems" })} hittades. Inget importeras förrän alla är rättade; rätta filen och ladda upp den igen. Rad 1 är rubrikraden.`,
              `${t.plural(count, { sv: "problem", en: "problem" }, { sv: "problem", en: "problems" })} found. Nothing is imported until all of them are corrected; correct the file and upload it again. Row 1 is the header row.`,
            )}
          </p>
          <ul>
            {preview.problems.map((p, i) => (
              <li key={i}>
                <strong>{problemPlace(t, p)}:</strong> {p.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {preview.ignoredColumns.length ? (
        <p className="muted">
          {t("Okända kolumner som inte läses:", "Unknown columns that are not read:")} {preview.ignoredColumns.join(", ")}.
        </p>
      ) : null}
      {preview.rows.length ? (
        <table className="data-table">
          <caption>{t("Raderna i filen", "The rows in the file")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("Rad", "Row")}</th>
              <th scope="col">{t("Status", "Status")}</th>
              <th scope="col">{t("Rubrik", "Title")}</th>
              <th scope="col">{t("Typ", "Type")}</th>
              <th scope="col">{t("Datum", "Date")}</th>
              <th scope="col">{t("Arrangör", "Organiser")}</th>
              <th scope="col">{t("Teman", "Themes")}</th>
              <th scope="col">{t("Lärdomar", "Lessons")}</th>
              <th scope="col">{t("Problem", "Problems")}</th>
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((r) => (
              <tr key={r.row}>
                <th scope="row">{r.row}</th>
                <td>{r.ok ? t("OK", "OK") : t("Fel", "Error")}</td>
                <td lang={r.language}>{r.title}</td>
                <td>{r.type}</td>
                <td>{r.date}</td>
                <td>{r.organiser}</td>
                <td>{r.themes.join(", ")}</td>
                <td>{t.number(r.lessons)}</td>
                <td>
                  {r.problems.length ? (
                    <ul>
                      {r.problems.map((p, i) => (
                        <li key={i}>
                          {p.column ? `${columnName(t, p.column)}: ` : ""}
                          {p.message}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

/** The CSV columns, as the import page lists them. */
export function ImportColumns({ columns }: { columns: readonly { field: string; sv: string; required: boolean; hint: Text }[] }) {
  const t = useT();
  return (
    <details className="section">
      <summary>{t("Kolumnerna", "The columns")}</summary>
      <p>
        {t(
          "Rubrikraden kan använda de engelska namnen (som i seeds-formatet och mallen) eller de svenska; ordningen är fri. * = obligatorisk. Rad 1 är rubrikraden, så felen på sidan har samma radnummer som i kalkylarket.",
          "The header row can use the English names (as in the seeds format and the template) or the Swedish ones, in any order. * = required. Row 1 is the header row, so the errors on the page have the same row numbers as in the spreadsheet.",
        )}
      </p>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t("Kolumn", "Column")}</th>
            <th scope="col">{t("Svenskt namn", "Swedish name")}</th>
            <th scope="col">{t("Innehåll", "Content")}</th>
          </tr>
        </thead>
        <tbody>
          {columns.map((c) => (
            <tr key={c.field}>
              <td>
                <code>{c.field}</code>
                {c.required ? " *" : ""}
              </td>
              <td>
                <code lang="sv">{c.sv}</code>
              </td>
              <td>{t(c.hint)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
