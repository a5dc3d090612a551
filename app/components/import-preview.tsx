import type { CsvPreview } from "~/models/import.server";

/** Where a problem is: "rad 3, kolumn date", or the whole file. */
export function problemPlace(p: { row: number | null; column: string | null }): string {
  if (p.row === null) return "Filen";
  return p.column ? `Rad ${p.row}, kolumn ${p.column}` : `Rad ${p.row}`;
}

/** The CSV preview: every problem by row and column, then every row with its status. */
export function ImportPreview({ preview }: { preview: CsvPreview }) {
  return (
    <section className="section" aria-labelledby="preview-heading">
      <h2 id="preview-heading">Förhandsgranskning</h2>
      {preview.ok ? (
        <p className="notice" role="status">
          Alla {preview.rows.length} rader är giltiga. Inget är sparat än.
        </p>
      ) : (
        <div className="notice notice-warning" role="alert">
          <p>
            {preview.problems.length} {preview.problems.length === 1 ? "problem" : "problem"} hittades. Inget importeras förrän alla är rättade;
            rätta filen och ladda upp den igen. Rad 1 är rubrikraden.
          </p>
          <ul>
            {preview.problems.map((p, i) => (
              <li key={i}>
                <strong>{problemPlace(p)}:</strong> {p.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {preview.ignoredColumns.length ? (
        <p className="muted">Okända kolumner som inte läses: {preview.ignoredColumns.join(", ")}.</p>
      ) : null}
      {preview.rows.length ? (
        <table className="data-table">
          <caption>Raderna i filen</caption>
          <thead>
            <tr>
              <th scope="col">Rad</th>
              <th scope="col">Status</th>
              <th scope="col">Rubrik</th>
              <th scope="col">Typ</th>
              <th scope="col">Datum</th>
              <th scope="col">Arrangör</th>
              <th scope="col">Teman</th>
              <th scope="col">Lärdomar</th>
              <th scope="col">Problem</th>
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((r) => (
              <tr key={r.row}>
                <th scope="row">{r.row}</th>
                <td>{r.ok ? "OK" : "Fel"}</td>
                <td>{r.title}</td>
                <td>{r.type}</td>
                <td>{r.date}</td>
                <td>{r.organiser}</td>
                <td>{r.themes.join(", ")}</td>
                <td>{r.lessons}</td>
                <td>
                  {r.problems.length ? (
                    <ul>
                      {r.problems.map((p, i) => (
                        <li key={i}>
                          {p.column ? `${p.column}: ` : ""}
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
export function ImportColumns({ columns }: { columns: readonly { field: string; sv: string; required: boolean; hint: string }[] }) {
  return (
    <details className="section">
      <summary>Kolumnerna</summary>
      <p>
        Rubrikraden kan använda de engelska namnen (som i seeds-formatet och mallen) eller de svenska; ordningen är fri. * = obligatorisk. Rad 1 är
        rubrikraden, så felen på sidan har samma radnummer som i kalkylarket.
      </p>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">Kolumn</th>
            <th scope="col">Svenskt namn</th>
            <th scope="col">Innehåll</th>
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
                <code>{c.sv}</code>
              </td>
              <td>{c.hint}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
