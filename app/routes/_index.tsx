import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { ContinueReading } from "~/components/continue-reading";
import { FeedLinks } from "~/components/feed-links";
import { LearningModel } from "~/components/learning-model";
import { RecordGrid } from "~/components/record-card";
import { ThemeName } from "~/components/theme-chips";
import { PathList } from "~/components/theme-cycle";
import { metaT, useT } from "~/i18n";
import { getFigures } from "~/models/overview.server";
import { listPaths } from "~/models/path.server";
import { continueReading } from "~/models/progress.server";
import { latestRecords } from "~/models/record.server";
import { listThemeTree } from "~/models/theme.server";
import { getAccess } from "~/utils/access.server";
import { getDb } from "~/utils/db.server";
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
  const t = useT();
  const { figures, themes, latest, paths, continuing } = useLoaderData<typeof loader>();
  return (
    <>
      <section className="hero">
        <h1>{t("Lärdom – det regionen har lärt sig om att vara en god värd för industrin", "Lärdom – what the region has learned about being a good host to industry")}</h1>
        <p className="lead">
          {t(
            "Företag, kommuner, regioner och lärosäten i Dalarna, Gävleborg och Värmland delar här sina goda exempel, sina träffar och sin kompetensutveckling. Allt är ordnat efter värdskapsteman, så att du snabbt hittar vad andra redan har provat – och vad de lärde sig.",
            "Companies, municipalities, regions and universities in Dalarna, Gävleborg and Värmland share their good practice, their events and their competence development here. Everything is arranged by hosting theme, so you quickly find what others have already tried – and what they learned.",
          )}
        </p>
        <p className="muted">
          {t(
            `${t.plural(figures.organisations, { sv: "organisation", en: "organisation" }, { sv: "organisationer", en: "organisations" })} bidrar. Lärdom är kunskapsbanken i lärandemodellen inom Smart industri i Norra Mellansverige. `,
            `${t.plural(figures.organisations, { sv: "organisation", en: "organisation" }, { sv: "organisationer", en: "organisations" })} ${figures.organisations === 1 ? "contributes" : "contribute"}. Lärdom is the knowledge bank of the learning model within Smart industri i Norra Mellansverige. `,
          )}
          <Link to="/dashboard">{t("Lärdom i siffror", "Lärdom in figures")}</Link>
          {t(" visar materialet per tema, län och år.", " shows the material by theme, county and year.")}
        </p>
      </section>

      <ContinueReading items={continuing} />

      <LearningModel figures={figures} />

      <section className="section" aria-labelledby="themes">
        <h2 id="themes">{t("Börja i ett tema", "Start with a theme")}</h2>
        <ul className="theme-grid">
          {themes.map((theme) => (
            <li key={theme.slug} className="card">
              <h3 className="card-title">
                <Link to={`/themes/${theme.slug}`}>
                  <ThemeName theme={theme} />
                </Link>
              </h3>
              <p className="card-summary" lang="sv">
                {theme.summary}
              </p>
              <p className="muted">{t.plural(theme.recordCount, { sv: "post", en: "item" }, { sv: "poster", en: "items" })}</p>
            </li>
          ))}
        </ul>
      </section>

      <section className="section" aria-labelledby="latest">
        <h2 id="latest">{t("Senaste materialet", "Latest material")}</h2>
        <RecordGrid records={latest} empty={t("Inget material är publicerat ännu.", "No material has been published yet.")} />
        <FeedLinks />
      </section>

      <section className="section" aria-labelledby="paths">
        <h2 id="paths">{t("Lärvägar", "Reading paths")}</h2>
        <p className="muted">{t("Följ en färdig väg genom materialet, steg för steg.", "Follow a ready-made path through the material, step by step.")}</p>
        <PathList paths={paths} />
      </section>
    </>
  );
}

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: t("Lärdom – kunskapsbank för industrins värdskap i Norra Mellansverige", "Lärdom – a knowledge bank on hosting industry in Norra Mellansverige") }];
};
