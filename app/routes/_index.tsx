import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { ContinueReading } from "~/components/continue-reading";
import { FeedLinks } from "~/components/feed-links";
import { RecordGrid } from "~/components/record-card";
import { getFigures } from "~/models/overview.server";
import { listPaths } from "~/models/path.server";
import { continueReading } from "~/models/progress.server";
import { latestRecords } from "~/models/record.server";
import { listThemeTree } from "~/models/theme.server";
import { getAccess } from "~/utils/access.server";
import { getDb } from "~/utils/db.server";
import { formatNumber, plural } from "~/utils/labels";
import { getUser } from "~/utils/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const db = getDb();
  const access = await getAccess(request);
  const user = await getUser(request);
  return json({
    continuing: user ? await continueReading(db, { userId: user.id, access }) : [],
    figures: await getFigures(db, { access }),
    themes: await listThemeTree(db, { access }),
    latest: await latestRecords(db, { access, limit: 6 }),
    paths: await listPaths(db),
  });
}

export default function Home() {
  const { figures, themes, latest, paths, continuing } = useLoaderData<typeof loader>();
  const stages = [
    { n: 1, title: "Inspireras", to: "/practices", text: "Läs goda exempel: vad andra företag och organisationer gjorde, vad det gav och vad det krävde.", count: plural(figures.practices, "gott exempel", "goda exempel") },
    { n: 2, title: "Utbyt erfarenheter", to: "/events", text: "Workshoppar, studiebesök och nätverksträffar, med lärdomarna som deltagarna tog med sig.", count: `${plural(figures.events, "träff", "träffar")}, ${plural(figures.lessons, "lärdom", "lärdomar")}` },
    { n: 3, title: "Utveckla kompetens", to: "/activities", text: "Kurser, utbildningar och mentorskap som bygger förmågan att göra likadant.", count: plural(figures.activities, "insats", "insatser") },
    { n: 4, title: "Tillämpa", to: "/themes", text: "När någon tar upp ett gott exempel blir det ett nytt gott exempel – och cykeln börjar om för nästa.", count: "I varje tema" },
  ];
  return (
    <>
      <section className="hero">
        <h1>Lärdom – det regionen har lärt sig om att vara en god värd för industrin</h1>
        <p className="lead">
          Företag, kommuner, regioner och lärosäten i Dalarna, Gävleborg och Värmland delar här sina goda exempel,
          sina träffar och sin kompetensutveckling. Allt är ordnat efter värdskapsteman, så att du snabbt hittar vad
          andra redan har provat – och vad de lärde sig.
        </p>
        <p className="muted">
          {plural(figures.organisations, "organisation", "organisationer")} bidrar. Lärdom är kunskapsbanken i
          lärandemodellen inom Smart industri i Norra Mellansverige. <Link to="/dashboard">Lärdom i siffror</Link> visar
          materialet per tema, län och år.
        </p>
      </section>

      <ContinueReading items={continuing} />

      <section className="section" aria-labelledby="model">
        <h2 id="model">Så fungerar lärandemodellen</h2>
        <ol className="cycle">
          {stages.map((s) => (
            <li key={s.n} className="cycle-step">
              <h3>
                <Link to={s.to}>
                  {s.n}. {s.title}
                </Link>
              </h3>
              <p>{s.text}</p>
              <p className="muted">{s.count}</p>
            </li>
          ))}
        </ol>
      </section>

      <section className="section" aria-labelledby="themes">
        <h2 id="themes">Börja i ett tema</h2>
        <ul className="theme-grid">
          {themes.map((t) => (
            <li key={t.slug} className="card">
              <h3 className="card-title">
                <Link to={`/themes/${t.slug}`}>{t.name}</Link>
              </h3>
              <p className="card-summary">{t.summary}</p>
              <p className="muted">{plural(t.recordCount, "post", "poster")}</p>
            </li>
          ))}
        </ul>
      </section>

      <section className="section" aria-labelledby="latest">
        <h2 id="latest">Senaste materialet</h2>
        <RecordGrid records={latest} empty="Inget material är publicerat ännu." />
        <FeedLinks />
      </section>

      <section className="section" aria-labelledby="paths">
        <h2 id="paths">Lärvägar</h2>
        <p className="muted">Följ en färdig väg genom materialet, steg för steg.</p>
        <ul className="path-list">
          {paths.map((p) => (
            <li key={p.slug}>
              <Link to={`/paths/${p.slug}`}>{p.title}</Link> – {formatNumber(p.stepCount)} steg. {p.summary}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Lärdom – kunskapsbank för industrins värdskap i Norra Mellansverige" }];
