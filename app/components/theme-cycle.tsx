import { Link } from "@remix-run/react";

import { useT, type Text } from "~/i18n";
import type { PathListItem } from "~/models/path.server";
import type { RecordSummary } from "~/models/record.server";
import type { LearningCycle } from "~/models/theme.server";
import { recordUrl } from "~/utils/labels";

import { RecordCard, RecordGrid } from "./record-card";

/** The four stages of the learning cycle, by the anchors the theme page links to. */
export const STAGES: { id: keyof LearningCycle; name: Text }[] = [
  { id: "inspire", name: { sv: "Inspireras", en: "Be inspired" } },
  { id: "exchange", name: { sv: "Utbyt erfarenheter", en: "Exchange experience" } },
  { id: "develop", name: { sv: "Utveckla kompetens", en: "Develop competence" } },
  { id: "apply", name: { sv: "Tillämpa", en: "Apply" } },
];

function Stage({ n, intro, children }: { n: number; intro: string; children: React.ReactNode }) {
  const t = useT();
  const { id, name } = STAGES[n - 1];
  return (
    <section className="section stage" id={id} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>
        {n}. {t(name)}
      </h2>
      <p className="muted">{intro}</p>
      {children}
    </section>
  );
}

/** A theme's material as the learning cycle: inspire, exchange, develop, apply. */
export function CycleStages({ cycle }: { cycle: LearningCycle }) {
  const t = useT();
  const none = t("i det här temat ännu.", "in this theme yet.");
  return (
    <>
      <Stage n={1} intro={t("Goda exempel: vad andra har gjort, och med vilket resultat.", "Good practice: what others have done, and with what result.")}>
        <RecordGrid records={cycle.inspire} empty={t(`Inga goda exempel ${none}`, `No good practice ${none}`)} />
      </Stage>
      <Stage n={2} intro={t("Träffar där erfarenheter delades, och lärdomarna därifrån.", "Events where experience was shared, and the lessons from them.")}>
        {cycle.exchange.length === 0 ? (
          <p className="empty">{t(`Inga träffar ${none}`, `No events ${none}`)}</p>
        ) : (
          <div className="grid">
            {cycle.exchange.map((e) => (
              <RecordCard key={e.id} record={e}>
                {e.lessons.length > 0 ? (
                  <ul className="lesson-list" aria-label={t("Lärdomar", "Lessons learned")} lang={e.language}>
                    {e.lessons.slice(0, 3).map((l) => (
                      <li key={l.id}>{l.text}</li>
                    ))}
                  </ul>
                ) : null}
              </RecordCard>
            ))}
          </div>
        )}
      </Stage>
      <Stage n={3} intro={t("Kurser, utbildningar och mentorskap för att bygga förmågan.", "Courses, training and mentoring to build the ability.")}>
        <RecordGrid records={cycle.develop} empty={t(`Ingen kompetensutveckling ${none}`, `No competence development ${none}`)} />
      </Stage>
      <Stage n={4} intro={t("Goda exempel från organisationer som tog upp något de lärt sig av andra.", "Good practice from organisations that took up something they learned from others.")}>
        {cycle.apply.length === 0 ? (
          <p className="empty">
            {t(`Ingen har rapporterat att de tillämpat ett exempel ${none}`, `Nobody has reported applying an example ${none}`)}
          </p>
        ) : (
          <div className="grid">
            {cycle.apply.map((p) => (
              <RecordCard key={p.id} record={p}>
                <p className="adopted">
                  {t("Hämtat från ", "Adopted from ")}
                  <Link to={recordUrl("practice", p.adoptedFrom.slug)} lang={p.adoptedFrom.language}>
                    {p.adoptedFrom.title}
                  </Link>
                </p>
              </RecordCard>
            ))}
          </div>
        )}
      </Stage>
    </>
  );
}

/** The theme's curated reading paths, or else a path suggested from its own material. */
export function ThemePaths({ paths, suggested }: { paths: PathListItem[]; suggested: { stage: keyof LearningCycle; record: RecordSummary }[] }) {
  const t = useT();
  const stageName = (id: keyof LearningCycle) => t(STAGES.find((s) => s.id === id)!.name);
  return (
    <section className="section" aria-labelledby="paths">
      <h2 id="paths">{t("Lärvägar i temat", "Reading paths in the theme")}</h2>
      {paths.length === 0 && suggested.length === 0 ? (
        <p className="empty">{t("Ingen lärväg är sammanställd för temat ännu.", "No learning path has been put together for the theme yet.")}</p>
      ) : paths.length === 0 ? (
        <>
          <p>
            {t(
              "Ingen redaktör har sammanställt en lärväg för temat ännu. Här är ett förslag, taget ur temats material i lärcykelns ordning:",
              "No editor has put together a learning path for the theme yet. Here is a suggestion, taken from the theme's material in the order of the learning cycle:",
            )}
          </p>
          <ol className="path-list">
            {suggested.map(({ stage, record }) => (
              <li key={record.id}>
                <span className="muted">{stageName(stage)}: </span>
                <Link to={recordUrl(record.kind, record.slug)} lang={record.language}>
                  {record.title}
                </Link>
              </li>
            ))}
          </ol>
        </>
      ) : (
        <PathList paths={paths} />
      )}
    </section>
  );
}

/** Reading paths as a short list: title, number of steps and summary (home and theme pages). */
export function PathList({ paths }: { paths: PathListItem[] }) {
  const t = useT();
  return (
    <ul className="path-list">
      {paths.map((p) => (
        <li key={p.slug}>
          <Link to={`/paths/${p.slug}`} lang="sv">
            {p.title}
          </Link>{" "}
          – {t.plural(p.stepCount, { sv: "steg", en: "step" }, { sv: "steg", en: "steps" })}. <span lang="sv">{p.summary}</span>
        </li>
      ))}
    </ul>
  );
}
