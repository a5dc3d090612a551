import { parse } from "csv-parse/sync";
import type { Kysely } from "kysely";

import type { Database } from "../../db/schema";
import { recordSchemas, type EventValues } from "../forms/record";
import { makeT, type Translate } from "../i18n";
import { recordChanged } from "../search/service.server";
import { EVENT_TYPE_LABEL } from "../utils/labels";
import { isEditor } from "../utils/permissions.server";
import { FieldErrors, insertRecord, resolve } from "./authoring.server";
import { CSV_COLUMNS } from "./import-columns";
import type { SessionUser } from "./user.server";

/**
 * Importing events from a spreadsheet (CSV); a whole seeds-format zip is seed-import.server.ts.
 *
 * Every row is checked with the event form's own schema (app/forms/record.ts) and against
 * the database with the authoring code's own look-ups, so an imported event obeys exactly the
 * rules of one written in the form. Nothing is written unless every row is valid; then all rows
 * become drafts, with a first revision each, in one transaction.
 */

export const CSV_MAX_BYTES = 1_000_000;
export const CSV_MAX_ROWS = 500;

/** The columns and their hints live in import-columns.ts. */
export { CSV_COLUMNS };

type Column = (typeof CSV_COLUMNS)[number]["field"];

/** One problem, named by row (1 is the header row, as in a spreadsheet) and column. */
export interface CsvProblem {
  row: number | null;
  column: string | null;
  message: string;
}

export interface PreviewRow {
  row: number;
  ok: boolean;
  title: string;
  /** The row's content language (the `language` cell, else Swedish), for the title's `lang`. */
  language: "sv" | "en";
  type: string;
  date: string;
  organiser: string;
  themes: string[];
  lessons: number;
  problems: CsvProblem[];
}

export interface CsvPreview {
  ok: boolean;
  rows: PreviewRow[];
  /** Every problem, the file's own first, then row by row. */
  problems: CsvProblem[];
  ignoredColumns: string[];
}

const headerKey = (h: string) => h.replace(/^\uFEFF/, "").trim().toLowerCase().replace(/[\s-]+/g, "_");
const BY_NAME = new Map<string, Column>(CSV_COLUMNS.flatMap((c) => [[c.field, c.field], [c.sv, c.field]] as [string, Column][]));
const TYPE_BY_LABEL = new Map<string, string>(Object.entries(EVENT_TYPE_LABEL).flatMap(([code, label]) => [[label.sv.toLowerCase(), code], [label.en.toLowerCase(), code]]));

/**
 * A file's bytes as text: UTF-8 (with or without BOM), or Windows-1252 as older Excel saves
 * "CSV (semikolonavgränsad)". Null for what is clearly not text.
 */
export function decodeText(bytes: Uint8Array): string | null {
  if (bytes.includes(0)) return null;
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder("windows-1252").decode(bytes);
  }
  // Control characters other than tab and line breaks do not belong in a spreadsheet.
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 32 && code !== 9 && code !== 10 && code !== 13) || code === 127) return null;
  }
  return text.replace(/^\uFEFF/, "");
}

const fileProblem = (message: string): CsvPreview => ({ ok: false, rows: [], problems: [{ row: null, column: null, message }], ignoredColumns: [] });

/** Messages in Swedish unless the caller passes the reader's `t`. */
const swedish = makeT("sv");

/** `,` or `;`, whichever the header row uses more (header names contain neither). */
function delimiterOf(text: string): "," | ";" {
  const header = text.slice(0, text.search(/\r?\n|$/));
  return (header.match(/;/g)?.length ?? 0) > (header.match(/,/g)?.length ?? 0) ? ";" : ",";
}

const list = (raw: string | undefined, separators: RegExp) =>
  (raw ?? "")
    .split(separators)
    .map((s) => s.trim())
    .filter(Boolean);

/** A row's cells (by column) as the event schema's input. */
function rowInput(cells: Partial<Record<Column, string>>, organiser: string | undefined) {
  cells = Object.fromEntries(Object.entries(cells).map(([k, v]) => [k, v?.replace(/\r\n?/g, "\n")]));
  const value = (c: Column) => {
    const v = cells[c]?.trim();
    return v ? v : undefined;
  };
  const participants = value("participants");
  const type = value("type")?.toLowerCase();
  return {
    title: cells.title ?? "",
    summary: cells.summary ?? "",
    body: cells.body ?? "",
    type: type ? (TYPE_BY_LABEL.get(type) ?? type) : undefined,
    date: value("date"),
    end_date: value("end_date"),
    location: cells.location ?? "",
    municipality: cells.municipality ?? "",
    participants: participants === undefined ? undefined : /^-?\d+([.,]\d+)?$/.test(participants) ? Number(participants.replace(",", ".")) : participants,
    themes: list(cells.themes, /[|;]/),
    tags: list(cells.tags, /[|;]/),
    lessons: list(cells.lessons, /\||\r?\n/),
    organiser: value("organiser") ?? organiser,
    participating_organisations: list(cells.participating_organisations, /[|;,]/),
    language: value("language")?.toLowerCase(),
    visibility: value("visibility")?.toLowerCase(),
  };
}

/**
 * Reads and checks a CSV of events; writes nothing. `organiser` is the organisation for rows
 * without an `organiser` cell (an editor's choice); writers other than editors always write for
 * their own organisation. Problems are worded in the reader's language (`t`).
 */
export async function previewEventCsv(
  db: Kysely<Database>,
  { text, user, organiser, t = swedish }: { text: string; user: SessionUser; organiser?: string; t?: Translate },
): Promise<CsvPreview & { values: EventValues[] }> {
  const failed = (message: string) => ({ ...fileProblem(message), values: [] });
  if (!text.trim()) return failed(t("Filen är tom.", "The file is empty."));
  let records: string[][];
  try {
    records = parse(text, { bom: true, delimiter: delimiterOf(text), relax_column_count: true, skip_empty_lines: false }) as string[][];
  } catch (error) {
    const e = error as { lines?: number; message?: string };
    return failed(
      t(
        `Filen går inte att läsa som CSV${e.lines ? ` (vid rad ${e.lines})` : ""}: kontrollera citattecknen.`,
        `The file cannot be read as CSV${e.lines ? ` (at row ${e.lines})` : ""}: check the quotation marks.`,
      ),
    );
  }
  const [header = [], ...rows] = records;
  const columns = header.map((h) => BY_NAME.get(headerKey(h)) ?? null);
  const ignoredColumns = header.filter((h, i) => columns[i] === null && h.trim() !== "");
  const fileProblems: CsvProblem[] = [];
  const seen = new Set<Column>();
  columns.forEach((c, i) => {
    if (c && seen.has(c)) fileProblems.push({ row: 1, column: header[i], message: t("Kolumnen finns två gånger.", "The column appears twice.") });
    if (c) seen.add(c);
  });
  for (const c of CSV_COLUMNS) {
    if (c.required && !seen.has(c.field)) {
      fileProblems.push({ row: 1, column: c.field, message: t(`Kolumnen saknas (${c.field} eller ${c.sv}).`, `The column is missing (${c.field} or ${c.sv}).`) });
    }
  }
  const dataRows = rows.map((cells, i) => ({ row: i + 2, cells })).filter(({ cells }) => cells.some((c) => c.trim() !== ""));
  if (dataRows.length === 0) {
    fileProblems.push({ row: null, column: null, message: t("Filen har inga rader med träffar under rubrikraden.", "The file has no rows of events below the header row.") });
  }
  if (dataRows.length > CSV_MAX_ROWS) {
    fileProblems.push({ row: null, column: null, message: t(`Högst ${CSV_MAX_ROWS} träffar per fil; dela upp den.`, `At most ${CSV_MAX_ROWS} events per file; split it up.`) });
  }
  if (fileProblems.length) return { ok: false, rows: [], problems: fileProblems, ignoredColumns, values: [] };

  const own = isEditor(user)
    ? organiser
    : (await db.selectFrom("organisations").select("slug").where("id", "=", user.organisationId ?? -1).executeTakeFirst())?.slug;
  const knownThemes = new Set((await db.selectFrom("themes").select("slug").execute()).map((t) => t.slug));
  const columnName = (field: string) => header[columns.indexOf(field as Column)] ?? field;

  const previews: PreviewRow[] = [];
  const values: EventValues[] = [];
  for (const { row, cells } of dataRows) {
    const problems: CsvProblem[] = [];
    const byColumn: Partial<Record<Column, string>> = {};
    cells.forEach((cell, i) => {
      const c = columns[i];
      if (c) byColumn[c] = cell;
      else if (i >= header.length && cell.trim()) {
        problems.push({ row, column: String(i + 1), message: t("Cellen ligger utanför rubrikradens kolumner.", "The cell is outside the header row's columns.") });
      }
    });
    const input = rowInput(byColumn, own);
    const parsed = recordSchemas(t).event.safeParse(input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const [field, index] = issue.path;
        const what = field === "lessons" && typeof index === "number" ? t(`lärdom ${index + 1}: `, `lesson ${index + 1}: `) : "";
        problems.push({ row, column: columnName(String(field ?? "")), message: `${what}${issue.message}` });
      }
    } else {
      for (const slug of parsed.data.themes) {
        if (!knownThemes.has(slug)) problems.push({ row, column: columnName("themes"), message: t(`Okänt tema "${slug}".`, `Unknown theme "${slug}".`) });
      }
      try {
        await resolve(db, "event", parsed.data, user);
      } catch (error) {
        if (!(error instanceof FieldErrors)) throw error;
        for (const [field, messages] of Object.entries(error.in(t))) {
          if (field === "themes" && problems.length) continue; // named above
          for (const message of messages) {
            const hint =
              field === "organiser" && !input.organiser
                ? t("Välj arrangör i formuläret eller fyll i kolumnen organiser.", "Choose an organiser in the form or fill in the organiser column.")
                : message;
            problems.push({ row, column: columnName(field), message: hint });
          }
        }
      }
      if (!problems.length) values.push(parsed.data);
    }
    previews.push({
      row,
      ok: problems.length === 0,
      title: input.title.trim(),
      language: input.language === "en" ? "en" : "sv",
      type: input.type ?? "",
      date: input.date ?? "",
      organiser: input.organiser ?? "",
      themes: input.themes,
      lessons: input.lessons.length,
      problems,
    });
  }
  const problems = previews.flatMap((p) => p.problems);
  return { ok: problems.length === 0, rows: previews, problems, ignoredColumns, values: problems.length ? [] : values };
}

/**
 * Checks the CSV again (the preview's copy came back from the browser, and the database may have
 * changed since) and, only if every row is valid, writes all rows as drafts in one transaction.
 * Search is told about each afterwards.
 */
export async function importEventCsv(
  db: Kysely<Database>,
  { text, user, organiser, t = swedish }: { text: string; user: SessionUser; organiser?: string; t?: Translate },
): Promise<{ ok: true; created: { id: number; slug: string }[] } | { ok: false; preview: CsvPreview }> {
  const preview = await previewEventCsv(db, { text, user, organiser, t });
  if (!preview.ok) return { ok: false, preview };
  let created: { id: number; slug: string }[];
  try {
    created = await db.transaction().execute(async (trx) => {
      const out = [];
      for (const values of preview.values) out.push(await insertRecord(trx, { kind: "event", values, user, note: "Importerad från CSV" }));
      return out;
    });
  } catch (error) {
    if (!(error instanceof FieldErrors)) throw error;
    // Something changed between the check and the write; nothing was written.
    const message = t("Databasen ändrades under importen; försök igen.", "The database changed during the import; please try again.");
    return { ok: false, preview: { ...preview, ok: false, problems: [{ row: null, column: null, message }] } };
  }
  for (const { id } of created) await recordChanged(db, id);
  return { ok: true, created };
}

/** The template to download: UTF-8 with BOM, `;` as Swedish Excel expects, one example row. */
export async function eventCsvTemplate(db: Kysely<Database>): Promise<string> {
  const theme = await db.selectFrom("themes").select("slug").orderBy("level", "desc").orderBy("position").executeTakeFirst();
  const example: Record<Column, string> = {
    title: "Workshop: spillvärme i praktiken",
    summary: "Fem företag jämförde hur de tar vara på värmen från sina processer.",
    type: "workshop",
    date: "2026-03-12",
    end_date: "",
    location: "Kulturhuset, Borlänge",
    municipality: "Borlänge",
    participants: "24",
    themes: theme?.slug ?? "",
    tags: "energi|spillvärme",
    lessons: "Börja med att mäta|Dela mätdata med grannen",
    body: "## Vad vi gjorde\n\nVi gick igenom varje företags värmebalans.",
    organiser: "",
    participating_organisations: "",
    language: "sv",
    visibility: "public",
  };
  const cell = (s: string) => (/[";\r\n|,]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const line = (cells: string[]) => cells.map(cell).join(";");
  return `\uFEFF${line(CSV_COLUMNS.map((c) => c.field))}\r\n${line(CSV_COLUMNS.map((c) => example[c.field]))}\r\n`;
}
