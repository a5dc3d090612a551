import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";

import { ImportColumns, ImportPreview } from "~/components/import-preview";
import { CSV_COLUMNS, CSV_MAX_BYTES, CSV_MAX_ROWS, decodeText, importEventCsv, previewEventCsv, type CsvPreview } from "~/models/import.server";
import { organisationOptions } from "~/models/options.server";
import { getDb } from "~/utils/db.server";
import { isEditor, requireWriter } from "~/utils/permissions.server";
import { readUpload, uploadedFile } from "~/utils/upload.server";
import { SLUG_PATTERN } from "../../seeds/schema";

const blank = (v: unknown) => (v === "" || v === null ? undefined : v);
const Fields = z.object({
  intent: z.enum(["preview", "confirm"]).catch("preview"),
  organiser: z.preprocess(blank, z.string().regex(SLUG_PATTERN, "Ogiltig arrangör.").optional()),
  csv: z.preprocess(blank, z.string().optional()),
});
type ActionData = { error?: string; preview?: CsvPreview; csv?: string; organiser?: string };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireWriter(request, "event");
  const editor = isEditor(user);
  return json({
    editor,
    organisationName: user.organisationName,
    organisations: editor ? await organisationOptions(getDb()) : [],
    columns: CSV_COLUMNS,
    limits: { megabytes: CSV_MAX_BYTES / 1_000_000, rows: CSV_MAX_ROWS },
    imported: Number(new URL(request.url).searchParams.get("imported")) || 0,
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireWriter(request, "event");
  const fail = (status: number, error: string) => json<ActionData>({ error }, { status });
  const TOO_LARGE = `Filen är för stor: högst ${CSV_MAX_BYTES / 1_000_000} MB.`;
  const upload = await readUpload(request, { maxPartBytes: 3 * CSV_MAX_BYTES, tooLarge: TOO_LARGE });
  if (!upload.ok) return fail(upload.status, upload.message);
  const fields = Fields.safeParse(Object.fromEntries(["intent", "organiser", "csv"].map((k) => [k, upload.form.get(k)])));
  if (!fields.success) return fail(400, fields.error.issues[0].message);
  const organiser = isEditor(user) ? fields.data.organiser : undefined;
  const db = getDb();

  if (fields.data.intent === "confirm") {
    if (!fields.data.csv) return fail(400, "Filen saknas; ladda upp den igen.");
    const result = await importEventCsv(db, { text: fields.data.csv, user, organiser });
    if (!result.ok) return json<ActionData>({ error: "Inget importerades: filen har fel.", preview: result.preview }, { status: 400 });
    return redirect(`/events/import?imported=${result.created.length}`);
  }

  const file = await uploadedFile(upload.form, "file");
  if (!file.ok) return fail(400, file.message);
  if (file.file.size > CSV_MAX_BYTES) return fail(413, TOO_LARGE);
  const extension = /\.([a-z0-9]+)$/i.exec(file.file.name)?.[1].toLowerCase();
  if (extension ? !["csv", "txt"].includes(extension) : !/csv|text\/plain/i.test(file.file.type)) {
    return fail(415, "Filen ska vara en CSV-fil (.csv). Spara kalkylarket som CSV först.");
  }
  const text = decodeText(file.bytes);
  if (text === null) return fail(400, "Filen är ingen textfil. Spara kalkylarket som CSV (UTF-8) först.");
  const { values: _values, ...preview } = await previewEventCsv(db, { text, user, organiser });
  return json<ActionData>({ preview, csv: preview.ok ? text : undefined, organiser }, { status: preview.ok ? 200 : 400 });
}

export default function ImportEvents() {
  const { editor, organisationName, organisations, columns, limits, imported } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>() as ActionData | undefined;
  return (
    <div>
      <nav className="breadcrumb" aria-label="Brödsmulor">
        <Link to="/manage">Mitt arbete</Link>
      </nav>
      <h1>Importera träffar från CSV</h1>
      {imported ? (
        <p className="notice" role="status">
          {imported} {imported === 1 ? "träff" : "träffar"} importerades som utkast. Du hittar dem under <Link to="/manage">Mitt arbete</Link>; skicka
          var och en för granskning när den är klar.
        </p>
      ) : null}
      <p>
        Ladda upp ett kalkylark sparat som CSV (komma- eller semikolonavgränsat, UTF-8), högst {limits.megabytes} MB och {limits.rows} träffar.
        Du får först se varje rad och varje problem; inget sparas förrän du bekräftar, och då bara om alla rader är giltiga. Träffarna sparas som{" "}
        <strong>utkast</strong> och går sedan den vanliga vägen via granskning till publicering.
      </p>
      <p>
        <a href="/events/import/template.csv" download>
          Ladda ner mallen (CSV)
        </a>
      </p>
      {data?.error ? (
        <p className="notice notice-warning" role="alert">
          {data.error}
        </p>
      ) : null}
      <Form method="post" encType="multipart/form-data" className="form">
        <div className="field">
          <label htmlFor="file">CSV-fil</label>
          <input id="file" name="file" type="file" accept=".csv,text/csv" required />
        </div>
        {editor ? (
          <div className="field">
            <label htmlFor="organiser">Arrangör för rader utan kolumnen organiser</label>
            <select id="organiser" name="organiser" defaultValue={data?.organiser ?? ""}>
              <option value="">– ange i filen –</option>
              {organisations.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
        ) : (
          <p className="muted">Arrangör blir {organisationName}.</p>
        )}
        <button type="submit" name="intent" value="preview" className="button">
          Förhandsgranska
        </button>
      </Form>
      {data?.preview ? <ImportPreview preview={data.preview} /> : null}
      {data?.preview?.ok && data.csv ? (
        <Form method="post" encType="multipart/form-data" id="confirm-import">
          <input type="hidden" name="csv" value={data.csv} />
          <input type="hidden" name="organiser" value={data.organiser ?? ""} />
          <button type="submit" name="intent" value="confirm" className="button">
            Importera {data.preview.rows.length} träffar som utkast
          </button>
        </Form>
      ) : null}
      {editor ? (
        <p className="muted">
          Som redaktör kan du också läsa in en hel katalog i seeds-formatet: <Link to="/manage/import">Läs in seeds (zip)</Link>.
        </p>
      ) : null}
      <ImportColumns columns={columns} />
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Importera träffar – Lärdom" }];
