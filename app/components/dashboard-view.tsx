import { makeT, type Lang } from "~/i18n";
import type { Figure } from "~/models/dashboard.server";
import { BarChart, FigureTable } from "./bar-chart";

/**
 * The dashboard's figures: each a heading, what it counts, the chart, the same numbers as a
 * table and a CSV download. Plain links and the language as a prop (no router, no hooks), so it
 * also renders on its own in tests; Swedish unless told otherwise.
 */
export function DashboardView({
  figures,
  editor,
  lang = "sv",
}: {
  figures: Pick<Figure, "id" | "title" | "description" | "labelHeader" | "valueHeader" | "rows" | "total" | "editorsOnly">[];
  editor: boolean;
  lang?: Lang;
}) {
  const t = makeT(lang);
  return (
    <>
      <header className="page-header">
        <h1>{t("Lärdom i siffror", "Lärdom in figures")}</h1>
        <p className="lead">
          {t(
            "Vad kunskapsbanken innehåller: goda exempel, träffar och kompetensutveckling per tema, län och år, och vilka organisationer som deltar. Varje diagram finns också som tabell och kan laddas ner som CSV.",
            "What the knowledge bank holds: good practice, events and competence development by theme, county and year, and which organisations take part. Every chart is also available as a table and can be downloaded as CSV.",
          )}
        </p>
        <p className="muted">
          {t(
            "Siffrorna räknar bara publicerat offentligt material: utkast och material bara för medlemmar räknas inte.",
            "The figures count published public material only: drafts and members-only material are not counted.",
          )}
          {editor
            ? t(
                " Som redaktör ser du samma offentliga siffror som alla andra, och dessutom sökorden utan träffar.",
                " As an editor you see the same public figures as everyone else, and also the searches that found nothing.",
              )
            : ""}
        </p>
      </header>
      {figures.map((f) => (
        <section key={f.id} className="section" aria-labelledby={`${f.id}-heading`}>
          <h2 id={`${f.id}-heading`}>{f.title}</h2>
          <p className="muted">{f.description}</p>
          {f.editorsOnly && f.rows.length === 0 ? (
            <p className="empty">{t("Inga sökningar utan träffar har räknats ännu.", "No searches without results have been counted yet.")}</p>
          ) : (
            <>
              {f.total !== null ? (
                <p>
                  {t("Sammanlagt", "In total")} <strong>{t.number(f.total)}</strong> {f.valueHeader.toLowerCase()}.
                </p>
              ) : null}
              <BarChart id={`chart-${f.id}`} title={f.title} data={f.rows} unit={f.valueHeader.toLowerCase()} total={f.total} t={t} />
              {f.rows.length > 0 ? (
                <details>
                  <summary>{t("Visa som tabell", "Show as a table")}</summary>
                  <FigureTable caption={f.title} labelHeader={f.labelHeader} valueHeader={f.valueHeader} data={f.rows} t={t} />
                </details>
              ) : null}
            </>
          )}
          <p>
            <a href={`/dashboard/csv/${f.id}`} download>
              {t(`Ladda ner ”${f.title}” som CSV`, `Download “${f.title}” as CSV`)}
            </a>
          </p>
        </section>
      ))}
    </>
  );
}
