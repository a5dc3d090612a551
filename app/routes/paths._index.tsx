import { json, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { listPaths } from "~/models/path.server";
import { getDb } from "~/utils/db.server";
import { plural } from "~/utils/labels";

export async function loader() {
  return json({ paths: await listPaths(getDb()) });
}

export default function Paths() {
  const { paths } = useLoaderData<typeof loader>();
  return (
    <>
      <header className="page-header">
        <h1>Lärvägar</h1>
        <p className="lead">
          Handplockade vägar genom materialet: från inspiration via erfarenhetsutbyte och kompetensutveckling till
          något ni kan tillämpa själva. Varje steg säger varför det är värt att läsa.
        </p>
      </header>
      {paths.length === 0 ? <p className="empty">Inga lärvägar är publicerade ännu.</p> : null}
      <div className="grid">
        {paths.map((p) => (
          <article key={p.slug} className="card">
            <p className="card-meta">
              <span className="badge badge-path">Lärväg</span> {plural(p.stepCount, "steg", "steg")}
            </p>
            <h2 className="card-title">
              <Link to={`/paths/${p.slug}`}>{p.title}</Link>
            </h2>
            <p className="card-summary">{p.summary}</p>
            <p className="muted">
              Tema: <Link to={`/themes/${p.theme.slug}`}>{p.theme.name}</Link>
            </p>
          </article>
        ))}
      </div>
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Lärvägar – Lärdom" }];
