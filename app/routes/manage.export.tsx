import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { metaT, useT } from "~/i18n";
import { requestT } from "~/i18n/lang.server";
import { exportSeeds } from "~/models/export.server";
import { getDb } from "~/utils/db.server";
import { requireEditor } from "~/utils/permissions.server";

/** The export page: what the zip holds, what it leaves out, and the download link. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireEditor(request);
  const { files, omitted } = await exportSeeds(getDb(), await requestT(request));
  const count = (folder: string) => Object.keys(files).filter((f) => f.startsWith(`${folder}/`)).length;
  return json({
    counts: { practices: count("practices"), events: count("events"), activities: count("activities"), paths: count("paths") },
    omitted,
  });
}

export default function Export() {
  const { counts, omitted } = useLoaderData<typeof loader>();
  const t = useT();
  const n = t.number;
  return (
    <div>
      <nav className="breadcrumb" aria-label={t("Brödsmulor", "Breadcrumbs")}>
        <Link to="/manage">{t("Mitt arbete", "My work")}</Link>
      </nav>
      <h1>{t("Exportera", "Export")}</h1>
      <p>
        {t(
          `Hela kunskapsbanken som en zip-fil i seeds-formatet: teman, organisationer, ${n(counts.practices)} goda exempel, ${n(counts.events)} träffar, ${n(counts.activities)} kompetensinsatser, ${n(counts.paths)} lärvägar och självskattningarna.`,
          `The whole knowledge bank as a zip file in the seeds format: themes, organisations, ${n(counts.practices)} good practices, ${n(counts.events)} events, ${n(counts.activities)} competence development activities, ${n(counts.paths)} learning paths and the self-assessments.`,
        )}{" "}
        {t("Filen kan läsas in i en tom databas med", "Once unpacked, the files can be loaded into an empty database with")}{" "}
        <code>npm run db:seed -- {t("KATALOG", "DIRECTORY")}</code>
        {t(" efter uppackning.", ".")}
      </p>
      <p>
        {t(
          "Bara publicerat material följer med; utkast, material under granskning och arkiverat gör det inte.",
          "Only published material is included; drafts, material under review and archived material are not.",
        )}
      </p>
      {omitted.length > 0 ? (
        <section className="section" aria-labelledby="omitted">
          <h2 id="omitted">{t("Kommer inte med", "Left out")}</h2>
          <ul>
            {omitted.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <p>
        <a className="button" href="/manage/export.zip" download>
          {t("Ladda ner zip-filen", "Download the zip file")}
        </a>
      </p>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => [{ title: `${metaT(matches)("Exportera", "Export")} – Lärdom` }];
