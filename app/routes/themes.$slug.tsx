import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { FeedLinks } from "~/components/feed-links";
import { CycleStages, STAGES, ThemePaths } from "~/components/theme-cycle";
import { ThemeName, themeNameText } from "~/components/theme-chips";
import { metaT, useT } from "~/i18n";
import { listPaths } from "~/models/path.server";
import { getQuestionnaire } from "~/models/assessment.server";
import { getLearningCycle, getTheme, suggestedPath } from "~/models/theme.server";
import { getAccess } from "~/utils/access.server";
import { getDb } from "~/utils/db.server";
import { notFound } from "~/utils/http.server";
import { slugParam } from "~/utils/params.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const db = getDb();
  const access = await getAccess(request);
  const slug = slugParam(params.slug, { sv: "Temat", en: "The theme" });
  const theme = await getTheme(db, { slug });
  if (!theme) throw notFound({ sv: "Temat finns inte.", en: "The theme does not exist." });
  const cycle = await getLearningCycle(db, { slug, access });
  const paths = await listPaths(db, { themeSlug: slug });
  const questions = (await getQuestionnaire(db, { themeSlug: slug }))?.questions.length ?? 0;
  return json({ theme, cycle, paths, questions, suggested: paths.length === 0 ? suggestedPath(cycle) : [] });
}

export default function ThemePage() {
  const t = useT();
  const { theme, cycle, paths, questions, suggested } = useLoaderData<typeof loader>();
  return (
    <>
      <header className="page-header">
        <nav aria-label={t("Brödsmulor", "Breadcrumb")} className="breadcrumb">
          <Link to="/themes">{t("Teman", "Themes")}</Link>
          {theme.parent ? (
            <>
              {" › "}
              <Link to={`/themes/${theme.parent.slug}`}>
                <ThemeName theme={theme.parent} />
              </Link>
            </>
          ) : null}
        </nav>
        <h1>
          <ThemeName theme={theme} />
        </h1>
        <p className="lead" lang="sv">
          {theme.summary}
        </p>
        {theme.children.length > 0 ? (
          <p>
            {t("Undertema: ", "Subthemes: ")}
            {theme.children.map((c, i) => (
              <span key={c.slug}>
                {i > 0 ? ", " : ""}
                <Link to={`/themes/${c.slug}`}>
                  <ThemeName theme={c} />
                </Link>
              </span>
            ))}
            {t(". Materialet nedan omfattar dem alla.", ". The material below covers them all.")}
          </p>
        ) : null}
        <FeedLinks />
      </header>

      {questions > 0 ? (
        <p className="card assessment-teaser">
          {t("Hur långt har ni kommit? ", "How far have you come? ")}
          <Link to={`/themes/${theme.slug}/assessment`}>{t("Gör självskattningen", "Take the self-assessment")}</Link>
          {t(
            ` – ${t.number(questions)} frågor om er processmognad, med förslag på vad ni kan läsa och göra härnäst.`,
            ` – ${t.number(questions)} questions on your process maturity, with suggestions for what to read and do next.`,
          )}
        </p>
      ) : null}

      <ol className="cycle-overview" aria-label={t("Lärcykelns steg", "The steps of the learning cycle")}>
        {STAGES.map((stage, i) => (
          <li key={stage.id}>
            <a href={`#${stage.id}`}>
              {i + 1}. {t(stage.name)} <span>{t.number(cycle[stage.id].length)}</span>
            </a>
          </li>
        ))}
      </ol>

      <CycleStages cycle={cycle} />
      <ThemePaths paths={paths} suggested={suggested} />
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaT(matches);
  return [{ title: data ? `${themeNameText(t, data.theme)} – Lärdom` : "Lärdom" }, { name: "description", content: data?.theme.summary ?? "" }];
};
