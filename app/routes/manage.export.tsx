import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { exportSeeds } from "~/models/export.server";
import { getDb } from "~/utils/db.server";
import { requireEditor } from "~/utils/permissions.server";

/** The export page: what the zip holds, what it leaves out, and the download link. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireEditor(request);
  const { files, omitted } = await exportSeeds(getDb());
  const count = (folder: string) => Object.keys(files).filter((f) => f.startsWith(`${folder}/`)).length;
  return json({
    counts: { practices: count("practices"), events: count("events"), activities: count("activities"), paths: count("paths") },
    omitted,
  });
}

export default function Export() {
  const { counts, omitted } = useLoaderData<typeof loader>();
  return (
    <div>
      <nav className="breadcrumb" aria-label="Brödsmulor">
        <Link to="/manage">Mitt arbete</Link>
      </nav>
      <h1>Exportera</h1>
      <p>
        Hela kunskapsbanken som en zip-fil i seeds-formatet: teman, organisationer, {counts.practices} goda exempel,{" "}
        {counts.events} träffar, {counts.activities} kompetensinsatser, {counts.paths} lärvägar och självskattningarna.
        Filen kan läsas in i en tom databas med <code>npm run db:seed -- KATALOG</code> efter uppackning.
      </p>
      <p>Bara publicerat material följer med; utkast, material under granskning och arkiverat gör det inte.</p>
      {omitted.length > 0 ? (
        <section className="section" aria-labelledby="omitted">
          <h2 id="omitted">Kommer inte med</h2>
          <ul>
            {omitted.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <p>
        <a className="button" href="/manage/export.zip" download>
          Ladda ner zip-filen
        </a>
      </p>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Exportera – Lärdom" }];
