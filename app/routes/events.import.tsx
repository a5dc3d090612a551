import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";

import { ImportColumns, ImportPreview } from "~/components/import-preview";
import { metaT, useT } from "~/i18n";
import { requestT } from "~/i18n/lang.server";
import { CSV_COLUMNS, CSV_MAX_BYTES, CSV_MAX_ROWS, decodeText, importEventCsv, previewEventCsv, type CsvPreview } from "~/models/import.server";
import { organisationOptions } from "~/models/options.server";
import { getDb } from "~/utils/db.server";
import { isEditor, requireWriter } from "~/utils/permissions.server";
import { readUpload, uploadedFile } from "~/utils/upload.server";
import { SLUG_PATTERN } from "../../seeds/schema";

const blank = (v: unknown) => (v === "" || v === null ? undefined : v);
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
  const t = await requestT(request);
  const fail = (status: number, error: string) => json<ActionData>({ error }, { status });
  const megabytes = CSV_MAX_BYTES / 1_000_000;
  const TOO_LARGE = t(`Filen är för stor: högst ${megabytes} MB.`, `The file is too large: at most ${megabytes} MB.`);
  const upload = await readUpload(request, { maxPartBytes: 3 * CSV_MAX_BYTES, tooLarge: TOO_LARGE, t });
  if (!upload.ok) return fail(upload.status, upload.message);
  const Fields = z.object({
    intent: z.enum(["preview", "confirm"]).catch("preview"),
    organiser: z.preprocess(blank, z.string().regex(SLUG_PATTERN, t("Ogiltig arrangör.", "Not a valid organiser.")).optional()),
    csv: z.preprocess(blank, z.string().optional()),
  });
  const fields = Fields.safeParse(Object.fromEntries(["intent", "organiser", "csv"].map((k) => [k, upload.form.get(k)])));
  if (!fields.success) return fail(400, fields.error.issues[0].message);
  const organiser = isEditor(user) ? fields.data.organiser : undefined;
  const db = getDb();

  if (fields.data.intent === "confirm") {
    if (!fields.data.csv) return fail(400, t("Filen saknas; ladda upp den igen.", "The file is missing; upload it again."));
    const result = await importEventCsv(db, { text: fields.data.csv, user, organiser, t });
    if (!result.ok) {
      return json<ActionData>({ error: t("Inget importerades: filen har fel.", "Nothing was imported: the file has errors."), preview: result.preview }, { status: 400 });
    }
    return redirect(`/events/import?imported=${result.created.length}`);
  }

  const file = await uploadedFile(upload.form, "file", t);
  if (!file.ok) return fail(400, file.message);
  if (file.file.size > CSV_MAX_BYTES) return fail(413, TOO_LARGE);
  const extension = /\.([a-z0-9]+)$/i.exec(file.file.name)?.[1].toLowerCase();
  if (extension ? !["csv", "txt"].includes(extension) : !/csv|text\/plain/i.test(file.file.type)) {
    return fail(415, t("Filen ska vara en CSV-fil (.csv). Spara kalkylarket som CSV först.", "The file must be a CSV file (.csv). Save the spreadsheet as CSV first."));
  }
  const text = decodeText(file.bytes);
  if (text === null) return fail(400, t("Filen är ingen textfil. Spara kalkylarket som CSV (UTF-8) först.", "The file is not a text file. Save the spreadsheet as CSV (UTF-8) first."));
  const { values: _values, ...preview } = await previewEventCsv(db, { text, user, organiser, t });
  return json<ActionData>({ preview, csv: preview.ok ? text : undefined, organiser }, { status: preview.ok ? 200 : 400 });
}

export default function ImportEvents() {
  const { editor, organisationName, organisations, columns, limits, imported } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>() as ActionData | undefined;
  const t = useT();
  const events = (n: number) => t.plural(n, { sv: "träff", en: "event" }, { sv: "träffar", en: "events" });
  return (
    <div>
      <nav className="breadcrumb" aria-label={t("Brödsmulor", "Breadcrumbs")}>
        <Link to="/manage">{t("Mitt arbete", "My work")}</Link>
      </nav>
      <h1>{t("Importera träffar från CSV", "Import events from CSV")}</h1>
      {imported ? (
        <p className="notice" role="status">
          {t(`${events(imported)} importerades som utkast. Du hittar dem under`, `${events(imported)} imported as drafts. You will find them under`)}{" "}
          <Link to="/manage">{t("Mitt arbete", "My work")}</Link>
          {t("; skicka var och en för granskning när den är klar.", "; submit each one for review when it is ready.")}
        </p>
      ) : null}
      <p>
        {t(
          `Ladda upp ett kalkylark sparat som CSV (komma- eller semikolonavgränsat, UTF-8), högst ${limits.megabytes} MB och ${limits.rows} träffar. Du får först se varje rad och varje problem; inget sparas förrän du bekräftar, och då bara om alla rader är giltiga. Träffarna sparas som`,
          `Upload a spreadsheet saved as CSV (comma or semicolon separated, UTF-8), at most ${limits.megabytes} MB and ${limits.rows} events. You will first see every row and every problem; nothing is saved until you confirm, and then only if every row is valid. The events are saved as`,
        )}{" "}
        <strong>{t("utkast", "drafts")}</strong>{" "}
        {t("och går sedan den vanliga vägen via granskning till publicering.", "and then take the usual way through review to publication.")}
      </p>
      <p>
        <a href="/events/import/template.csv" download>
          {t("Ladda ner mallen (CSV)", "Download the template (CSV)")}
        </a>
      </p>
      {data?.error ? (
        <p className="notice notice-warning" role="alert">
          {data.error}
        </p>
      ) : null}
      <Form method="post" encType="multipart/form-data" className="form">
        <div className="field">
          <label htmlFor="file">{t("CSV-fil", "CSV file")}</label>
          <input id="file" name="file" type="file" accept=".csv,text/csv" required />
        </div>
        {editor ? (
          <div className="field">
            <label htmlFor="organiser">{t("Arrangör för rader utan kolumnen organiser", "Organiser for rows without the organiser column")}</label>
            <select id="organiser" name="organiser" defaultValue={data?.organiser ?? ""}>
              <option value="">{t("– ange i filen –", "– given in the file –")}</option>
              {organisations.map((o) => (
                <option key={o.value} value={o.value} lang="sv">
                  {o.label}
                </option>
              ))}
            </select>
          </div>
        ) : (
          <p className="muted">
            {t("Arrangör blir", "The organiser will be")} <span lang="sv">{organisationName}</span>.
          </p>
        )}
        <button type="submit" name="intent" value="preview" className="button">
          {t("Förhandsgranska", "Preview")}
        </button>
      </Form>
      {data?.preview ? <ImportPreview preview={data.preview} /> : null}
      {data?.preview?.ok && data.csv ? (
        <Form method="post" encType="multipart/form-data" id="confirm-import">
          <input type="hidden" name="csv" value={data.csv} />
          <input type="hidden" name="organiser" value={data.organiser ?? ""} />
          <button type="submit" name="intent" value="confirm" className="button">
            {t(`Importera ${events(data.preview.rows.length)} som utkast`, `Import ${events(data.preview.rows.length)} as drafts`)}
          </button>
        </Form>
      ) : null}
      {editor ? (
        <p className="muted">
          {t("Som redaktör kan du också läsa in en hel katalog i seeds-formatet:", "As an editor you can also load a whole directory in the seeds format:")}{" "}
          <Link to="/manage/import">{t("Läs in seeds (zip)", "Load seeds (zip)")}</Link>.
        </p>
      ) : null}
      <ImportColumns columns={columns} />
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => [{ title: `${metaT(matches)("Importera träffar", "Import events")} – Lärdom` }];
