import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { FeedLinks } from "~/components/feed-links";
import { RecordCard, RecordGrid } from "~/components/record-card";
import { listPaths } from "~/models/path.server";
import { getQuestionnaire } from "~/models/assessment.server";
import { getLearningCycle, getTheme, suggestedPath } from "~/models/theme.server";
import { getAccess } from "~/utils/access.server";
import { getDb } from "~/utils/db.server";
import { notFound } from "~/utils/http.server";
import { plural, recordUrl } from "~/utils/labels";
import { slugParam } from "~/utils/params.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const db = getDb();
  const access = await getAccess(request);
  const slug = slugParam(params.slug, "Temat");
  const theme = await getTheme(db, { slug });
  if (!theme) throw notFound("Temat finns inte.");
  const cycle = await getLearningCycle(db, { slug, access });
  const paths = await listPaths(db, { themeSlug: slug });
  const questions = (await getQuestionnaire(db, { themeSlug: slug }))?.questions.length ?? 0;
  return json({ theme, cycle, paths, questions, suggested: paths.length === 0 ? suggestedPath(cycle) : [] });
}

export default function ThemePage() {
  const { theme, cycle, paths, questions, suggested } = useLoaderData<typeof loader>();
  return (
    <>
      <header className="page-header">
        <nav aria-label="Brödsmulor" className="breadcrumb">
          <Link to="/themes">Teman</Link>
          {theme.parent ? (
            <>
              {" › "}
              <Link to={`/themes/${theme.parent.slug}`}>{theme.parent.name}</Link>
            </>
          ) : null}
        </nav>
        <h1>{theme.name}</h1>
        <p className="lead">{theme.summary}</p>
        {theme.children.length > 0 ? (
          <p>
            Undertema:{" "}
            {theme.children.map((c, i) => (
              <span key={c.slug}>
                {i > 0 ? ", " : ""}
                <Link to={`/themes/${c.slug}`}>{c.name}</Link>
              </span>
            ))}
            . Materialet nedan omfattar dem alla.
          </p>
        ) : null}
        <FeedLinks />
      </header>

      {questions > 0 ? (
        <p className="card assessment-teaser">
          Hur långt har ni kommit? <Link to={`/themes/${theme.slug}/assessment`}>Gör självskattningen</Link> –{" "}
          {questions} frågor om er processmognad, med förslag på vad ni kan läsa och göra härnäst.
        </p>
      ) : null}

      <ol className="cycle-overview" aria-label="Lärcykelns steg">
        <li><a href="#inspire">1. Inspireras <span>{cycle.inspire.length}</span></a></li>
        <li><a href="#exchange">2. Utbyt erfarenheter <span>{cycle.exchange.length}</span></a></li>
        <li><a href="#develop">3. Utveckla kompetens <span>{cycle.develop.length}</span></a></li>
        <li><a href="#apply">4. Tillämpa <span>{cycle.apply.length}</span></a></li>
      </ol>

      <Stage id="inspire" title="1. Inspireras" intro="Goda exempel: vad andra har gjort, och med vilket resultat.">
        <RecordGrid records={cycle.inspire} empty="Inga goda exempel i det här temat ännu." />
      </Stage>
      <Stage id="exchange" title="2. Utbyt erfarenheter" intro="Träffar där erfarenheter delades, och lärdomarna därifrån.">
        {cycle.exchange.length === 0 ? (
          <p className="empty">Inga träffar i det här temat ännu.</p>
        ) : (
          <div className="grid">
            {cycle.exchange.map((e) => (
              <RecordCard key={e.id} record={e}>
                {e.lessons.length > 0 ? (
                  <ul className="lesson-list" aria-label="Lärdomar">
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
      <Stage id="develop" title="3. Utveckla kompetens" intro="Kurser, utbildningar och mentorskap för att bygga förmågan.">
        <RecordGrid records={cycle.develop} empty="Ingen kompetensutveckling i det här temat ännu." />
      </Stage>
      <Stage id="apply" title="4. Tillämpa" intro="Goda exempel från organisationer som tog upp något de lärt sig av andra.">
        {cycle.apply.length === 0 ? (
          <p className="empty">Ingen har rapporterat att de tillämpat ett exempel i det här temat ännu.</p>
        ) : (
          <div className="grid">
            {cycle.apply.map((p) => (
              <RecordCard key={p.id} record={p}>
                <p className="adopted">
                  Hämtat från <Link to={recordUrl("practice", p.adoptedFrom.slug)}>{p.adoptedFrom.title}</Link>
                </p>
              </RecordCard>
            ))}
          </div>
        )}
      </Stage>

      <section className="section" aria-labelledby="paths">
        <h2 id="paths">Lärvägar i temat</h2>
        {paths.length === 0 && suggested.length === 0 ? (
          <p className="empty">Ingen lärväg är sammanställd för temat ännu.</p>
        ) : paths.length === 0 ? (
          <>
            <p>
              Ingen redaktör har sammanställt en lärväg för temat ännu. Här är ett förslag, taget ur temats
              material i lärcykelns ordning:
            </p>
            <ol className="path-list">
              {suggested.map(({ stage, record }) => (
                <li key={record.id}>
                  <span className="muted">{STAGE_NAMES[stage]}: </span>
                  <Link to={recordUrl(record.kind, record.slug)}>{record.title}</Link>
                </li>
              ))}
            </ol>
          </>
        ) : (
          <ul className="path-list">
            {paths.map((p) => (
              <li key={p.slug}>
                <Link to={`/paths/${p.slug}`}>{p.title}</Link> – {plural(p.stepCount, "steg", "steg")}. {p.summary}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

const STAGE_NAMES = { inspire: "Inspireras", exchange: "Utbyt erfarenheter", develop: "Utveckla kompetens", apply: "Tillämpa" };

function Stage({ id, title, intro, children }: { id: string; title: string; intro: string; children: React.ReactNode }) {
  return (
    <section className="section stage" id={id} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{title}</h2>
      <p className="muted">{intro}</p>
      {children}
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.theme.name} – Lärdom` : "Lärdom" },
  { name: "description", content: data?.theme.summary ?? "" },
];
