import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { listThemeTree } from "~/models/theme.server";
import { getAccess } from "~/utils/access.server";
import { getDb } from "~/utils/db.server";
import { plural } from "~/utils/labels";

export async function loader({ request }: LoaderFunctionArgs) {
  return json({ themes: await listThemeTree(getDb(), { access: await getAccess(request) }) });
}

export default function Themes() {
  const { themes } = useLoaderData<typeof loader>();
  return (
    <>
      <header className="page-header">
        <h1>Värdskapsteman</h1>
        <p className="lead">
          Allt i Lärdom är ordnat efter hur regionen tar emot och utvecklar industriell verksamhet. Varje tema
          visar sitt material som en lärcykel: inspireras, utbyt erfarenheter, utveckla kompetens och tillämpa.
        </p>
      </header>
      <div className="theme-tree">
        {themes.map((theme) => (
          <section key={theme.slug} className="card theme-card" aria-labelledby={`t-${theme.slug}`}>
            <h2 id={`t-${theme.slug}`}>
              <Link to={`/themes/${theme.slug}`}>{theme.name}</Link>
            </h2>
            <p>{theme.summary}</p>
            <p className="muted">{plural(theme.recordCount, "post", "poster")} i hela temat</p>
            {theme.children.length > 0 ? (
              <ul className="subthemes">
                {theme.children.map((c) => (
                  <li key={c.slug}>
                    <Link to={`/themes/${c.slug}`}>{c.name}</Link>{" "}
                    <span className="muted">({c.recordCount})</span>
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

export const meta: MetaFunction = () => [{ title: "Teman – Lärdom" }];
