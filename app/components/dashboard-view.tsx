import type { Figure } from "~/models/dashboard.server";
import { formatNumber } from "~/utils/labels";
import { BarChart, FigureTable } from "./bar-chart";

/**
 * The dashboard's figures: each a heading, what it counts, the chart, the same numbers as a
 * table and a CSV download. Plain links (no router), so it also renders on its own in tests.
 */
export function DashboardView({ figures, editor }: { figures: Pick<Figure, "id" | "title" | "description" | "labelHeader" | "valueHeader" | "rows" | "total" | "editorsOnly">[]; editor: boolean }) {
  return (
    <>
      <header className="page-header">
        <h1>Lärdom i siffror</h1>
        <p className="lead">
          Vad kunskapsbanken innehåller: goda exempel, träffar och kompetensutveckling per tema, län och år, och vilka
          organisationer som deltar. Varje diagram finns också som tabell och kan laddas ner som CSV.
        </p>
        <p className="muted">
          Siffrorna räknar bara publicerat offentligt material: utkast och material bara för medlemmar räknas inte.
          {editor ? " Som redaktör ser du samma offentliga siffror som alla andra, och dessutom sökorden utan träffar." : ""}
        </p>
      </header>
      {figures.map((f) => (
        <section key={f.id} className="section" aria-labelledby={`${f.id}-heading`}>
          <h2 id={`${f.id}-heading`}>{f.title}</h2>
          <p className="muted">{f.description}</p>
          {f.editorsOnly && f.rows.length === 0 ? (
            <p className="empty">Inga sökningar utan träffar har räknats ännu.</p>
          ) : (
            <>
              {f.total !== null ? (
                <p>
                  Sammanlagt <strong>{formatNumber(f.total)}</strong> {f.valueHeader.toLowerCase()}.
                </p>
              ) : null}
              <BarChart id={`chart-${f.id}`} title={f.title} data={f.rows} unit={f.valueHeader.toLowerCase()} total={f.total} />
              {f.rows.length > 0 ? (
                <details>
                  <summary>Visa som tabell</summary>
                  <FigureTable caption={f.title} labelHeader={f.labelHeader} valueHeader={f.valueHeader} data={f.rows} />
                </details>
              ) : null}
            </>
          )}
          <p>
            <a href={`/dashboard/csv/${f.id}`} download>
              Ladda ner ”{f.title}” som CSV
            </a>
          </p>
        </section>
      ))}
    </>
  );
}
