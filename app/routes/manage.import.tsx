import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";

import { metaT, useT, type Text } from "~/i18n";
import { requestT } from "~/i18n/lang.server";
import { importSeedZip, ZIP_MAX_BYTES, type SeedZipResult } from "~/models/seed-import.server";
import { getDb } from "~/utils/db.server";
import { requireEditor } from "~/utils/permissions.server";
import { readUpload, uploadedFile } from "~/utils/upload.server";

/** Editors load a zip of a seeds-format directory: all or nothing, problems named by file and field. */

type ActionData = { error?: string; result?: SeedZipResult };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireEditor(request);
  return json({ megabytes: ZIP_MAX_BYTES / 1_000_000 });
}

export async function action({ request }: ActionFunctionArgs) {
  await requireEditor(request);
  const t = await requestT(request);
  const megabytes = ZIP_MAX_BYTES / 1_000_000;
  const tooLarge = t(`Filen är för stor: högst ${megabytes} MB.`, `The file is too large: at most ${megabytes} MB.`);
  const upload = await readUpload(request, { maxPartBytes: ZIP_MAX_BYTES, tooLarge, t });
  if (!upload.ok) return json<ActionData>({ error: upload.message }, { status: upload.status });
  const file = await uploadedFile(upload.form, "file", t);
  if (!file.ok) return json<ActionData>({ error: file.message }, { status: 400 });
  const result = await importSeedZip(getDb(), file.bytes, t);
  return json<ActionData>({ result }, { status: result.ok ? 200 : 400 });
}

/** What was loaded, counted: [key, one, many]. */
const COUNT_LABELS: [keyof Extract<SeedZipResult, { ok: true }>["counts"], Text, Text][] = [
  ["themes", { sv: "tema", en: "theme" }, { sv: "teman", en: "themes" }],
  ["organisations", { sv: "organisation", en: "organisation" }, { sv: "organisationer", en: "organisations" }],
  ["practices", { sv: "gott exempel", en: "good practice" }, { sv: "goda exempel", en: "good practices" }],
  ["events", { sv: "träff", en: "event" }, { sv: "träffar", en: "events" }],
  ["activities", { sv: "kompetensutveckling", en: "competence development activity" }, { sv: "kompetensutveckling", en: "competence development activities" }],
  ["paths", { sv: "lärväg", en: "learning path" }, { sv: "lärvägar", en: "learning paths" }],
  ["assessments", { sv: "självskattning", en: "self-assessment" }, { sv: "självskattningar", en: "self-assessments" }],
];

export default function ManageImport() {
  const data = useActionData<typeof action>() as ActionData | undefined;
  const result = data?.result;
  const t = useT();
  return (
    <div>
      <nav className="breadcrumb" aria-label={t("Brödsmulor", "Breadcrumbs")}>
        <Link to="/manage">{t("Mitt arbete", "My work")}</Link>
      </nav>
      <h1>{t("Läs in material i seeds-formatet", "Load material in the seeds format")}</h1>
      <p>
        {t("Ladda upp en zip med en katalog i seeds-formatet", "Upload a zip of a directory in the seeds format")} (<code>themes.yaml</code>,{" "}
        <code>organisations.yaml</code>, <code>practices/</code>, <code>events/</code>, <code>activities/</code>, <code>paths/</code>,{" "}
        <code>assessments.yaml</code>; {t("se README", "see the README")}).{" "}
        {t(
          "Allt läses in i en enda transaktion: finns ett enda fel sparas ingenting. Poster med samma kortnamn (slug) skrivs över, och posterna publiceras direkt.",
          "Everything is loaded in a single transaction: if there is a single error, nothing is saved. Entries with the same short name (slug) are overwritten, and the entries are published at once.",
        )}
      </p>
      {data?.error ? (
        <p className="notice notice-warning" role="alert">
          {data.error}
        </p>
      ) : null}
      {result?.ok ? (
        <div className="notice" role="status">
          <p>{t("Inläst:", "Loaded:")}</p>
          <ul>
            {COUNT_LABELS.map(([key, one, many]) => (
              <li key={key}>{t.plural(result.counts[key], one, many)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {result && !result.ok ? (
        <div className="notice notice-warning" role="alert">
          <p>{t("Inget lästes in. Rätta detta och försök igen:", "Nothing was loaded. Correct the following and try again:")}</p>
          <ul>
            {result.problems.map((p, i) => (
              <li key={i}>
                <strong>{p.file}</strong>
                {p.field ? `, ${p.field}` : ""}: {p.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <Form method="post" encType="multipart/form-data" className="form">
        <div className="field">
          <label htmlFor="file">{t("Zip-fil", "Zip file")}</label>
          <input id="file" name="file" type="file" accept=".zip,application/zip" required />
        </div>
        <button type="submit" className="button">
          {t("Läs in", "Load")}
        </button>
      </Form>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => [{ title: `${metaT(matches)("Läs in seeds", "Load seeds")} – Lärdom` }];
