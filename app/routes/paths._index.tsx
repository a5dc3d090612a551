import { json, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { ThemeName } from "~/components/theme-chips";
import { metaT, useT } from "~/i18n";
import { listPaths } from "~/models/path.server";
import { getDb } from "~/utils/db.server";

export async function loader() {
  return json({ paths: await listPaths(getDb()) });
}

export default function Paths() {
  const t = useT();
  const { paths } = useLoaderData<typeof loader>();
  return (
    <>
      <header className="page-header">
        <h1>{t("Lärvägar", "Reading paths")}</h1>
        <p className="lead">
          {t(
            "Handplockade vägar genom materialet: från inspiration via erfarenhetsutbyte och kompetensutveckling till något ni kan tillämpa själva. Varje steg säger varför det är värt att läsa.",
            "Hand-picked paths through the material: from inspiration through experience exchange and competence development to something you can apply yourselves. Each step says why it is worth reading.",
          )}
        </p>
      </header>
      {paths.length === 0 ? <p className="empty">{t("Inga lärvägar är publicerade ännu.", "No learning paths have been published yet.")}</p> : null}
      <div className="grid">
        {paths.map((p) => (
          <article key={p.slug} className="card">
            <p className="card-meta">
              <span className="badge badge-path">{t("Lärväg", "Reading path")}</span>{" "}
              {t.plural(p.stepCount, { sv: "steg", en: "step" }, { sv: "steg", en: "steps" })}
            </p>
            <h2 className="card-title" lang="sv">
              <Link to={`/paths/${p.slug}`}>{p.title}</Link>
            </h2>
            <p className="card-summary" lang="sv">
              {p.summary}
            </p>
            <p className="muted">
              {t("Tema: ", "Theme: ")}
              <Link to={`/themes/${p.theme.slug}`}>
                <ThemeName theme={p.theme} />
              </Link>
            </p>
          </article>
        ))}
      </div>
    </>
  );
}

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: t("Lärvägar – Lärdom", "Reading paths – Lärdom") }];
};
