import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";

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
  const tooLarge = `Filen är för stor: högst ${ZIP_MAX_BYTES / 1_000_000} MB.`;
  const upload = await readUpload(request, { maxPartBytes: ZIP_MAX_BYTES, tooLarge });
  if (!upload.ok) return json<ActionData>({ error: upload.message }, { status: upload.status });
  const file = await uploadedFile(upload.form, "file");
  if (!file.ok) return json<ActionData>({ error: file.message }, { status: 400 });
  const result = await importSeedZip(getDb(), file.bytes);
  return json<ActionData>({ result }, { status: result.ok ? 200 : 400 });
}

const COUNT_LABELS = [
  ["themes", "teman"],
  ["organisations", "organisationer"],
  ["practices", "goda exempel"],
  ["events", "träffar"],
  ["activities", "kompetensutveckling"],
  ["paths", "lärvägar"],
  ["assessments", "självskattningar"],
] as const;

export default function ManageImport() {
  const data = useActionData<typeof action>() as ActionData | undefined;
  const result = data?.result;
  return (
    <div>
      <nav className="breadcrumb" aria-label="Brödsmulor">
        <Link to="/manage">Mitt arbete</Link>
      </nav>
      <h1>Läs in material i seeds-formatet</h1>
      <p>
        Ladda upp en zip med en katalog i seeds-formatet (<code>themes.yaml</code>, <code>organisations.yaml</code>, <code>practices/</code>,{" "}
        <code>events/</code>, <code>activities/</code>, <code>paths/</code>, <code>assessments.yaml</code>; se README). Allt läses in i en enda
        transaktion: finns ett enda fel sparas ingenting. Poster med samma kortnamn (slug) skrivs över, och posterna publiceras direkt.
      </p>
      {data?.error ? (
        <p className="notice notice-warning" role="alert">
          {data.error}
        </p>
      ) : null}
      {result?.ok ? (
        <div className="notice" role="status">
          <p>Inläst:</p>
          <ul>
            {COUNT_LABELS.map(([key, label]) => (
              <li key={key}>
                {result.counts[key]} {label}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {result && !result.ok ? (
        <div className="notice notice-warning" role="alert">
          <p>Inget lästes in. Rätta detta och försök igen:</p>
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
          <label htmlFor="file">Zip-fil</label>
          <input id="file" name="file" type="file" accept=".zip,application/zip" required />
        </div>
        <button type="submit" className="button">
          Läs in
        </button>
      </Form>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Läs in seeds – Lärdom" }];
