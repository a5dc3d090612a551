import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { ThemeName } from "~/components/theme-chips";
import { metaT, useT } from "~/i18n";
import { listThemeTree } from "~/models/theme.server";
import { getAccess } from "~/utils/access.server";
import { getDb } from "~/utils/db.server";

export async function loader({ request }: LoaderFunctionArgs) {
  return json({ themes: await listThemeTree(getDb(), { access: await getAccess(request) }) });
}

export default function Themes() {
  const t = useT();
  const { themes } = useLoaderData<typeof loader>();
  return (
    <>
      <header className="page-header">
        <h1>{t("Värdskapsteman", "Hosting themes")}</h1>
        <p className="lead">
          {t(
            "Allt i Lärdom är ordnat efter hur regionen tar emot och utvecklar industriell verksamhet. Varje tema visar sitt material som en lärcykel: inspireras, utbyt erfarenheter, utveckla kompetens och tillämpa.",
            "Everything in Lärdom is arranged by how the region welcomes and develops industry. Each theme shows its material as a learning cycle: be inspired, exchange experience, develop competence and apply.",
          )}
        </p>
      </header>
      <div className="theme-tree">
        {themes.map((theme) => (
          <section key={theme.slug} className="card theme-card" aria-labelledby={`t-${theme.slug}`}>
            <h2 id={`t-${theme.slug}`}>
              <Link to={`/themes/${theme.slug}`}>
                <ThemeName theme={theme} />
              </Link>
            </h2>
            <p lang="sv">{theme.summary}</p>
            <p className="muted">
              {t(
                `${t.plural(theme.recordCount, { sv: "post", en: "item" }, { sv: "poster", en: "items" })} i hela temat`,
                `${t.plural(theme.recordCount, { sv: "post", en: "item" }, { sv: "poster", en: "items" })} in the whole theme`,
              )}
            </p>
            {theme.children.length > 0 ? (
              <ul className="subthemes">
                {theme.children.map((c) => (
                  <li key={c.slug}>
                    <Link to={`/themes/${c.slug}`}>
                      <ThemeName theme={c} />
                    </Link>{" "}
                    <span className="muted">({t.number(c.recordCount)})</span>
                  </li>
                ))}
              </ul>
            ) : null}
          </section>
        ))}
      </div>
    </>
  );
}

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: t("Teman – Lärdom", "Themes – Lärdom") }];
};
