import type { Kysely, Transaction } from "kysely";

import type { Database, Language, RecordKind } from "../../db/schema";
import { RECORD_SCHEMAS, type RecordValues } from "../forms/record";
import type { Text } from "../i18n";
import { diffLines, type DiffLine } from "../utils/diff";

type Db = Kysely<Database> | Transaction<Database>;

/** Stores one revision: the record's content after a save, as JSON in the forms' vocabulary. */
export async function addRevision(
  trx: Db,
  { recordId, version, authorId, snapshot, note }: { recordId: number; version: number; authorId: number | null; snapshot: unknown; note: string },
) {
  await trx
    .insertInto("revisions")
    .values({ record_id: recordId, version, author_id: authorId, snapshot: JSON.stringify(snapshot), note })
    .execute();
}

export interface RevisionItem {
  version: number;
  note: string;
  createdAt: string;
  author: string | null;
}

/**
 * The notes the app itself writes on revisions (stored in Swedish), in both languages. A workflow
 * step's note may carry the editor's comment after ": ", which is content and kept apart.
 */
const NOTES: Record<string, Text> = {
  Skapad: { sv: "Skapad", en: "Created" },
  Sparad: { sv: "Sparad", en: "Saved" },
  "Skickad för granskning": { sv: "Skickad för granskning", en: "Submitted for review" },
  Publicerad: { sv: "Publicerad", en: "Published" },
  "Skickad tillbaka": { sv: "Skickad tillbaka", en: "Sent back" },
  Arkiverad: { sv: "Arkiverad", en: "Archived" },
  "Återöppnad som utkast": { sv: "Återöppnad som utkast", en: "Reopened as a draft" },
  "Importerad från CSV": { sv: "Importerad från CSV", en: "Imported from CSV" },
  "Inläst från seeds": { sv: "Inläst från seeds", en: "Loaded from the seeds" },
};

export interface RevisionNote {
  /** The app's own note in both languages, or null for a note it did not write (shown as is). */
  label: Text | null;
  /** The editor's comment, or the whole note when it is not one of the app's. */
  comment: string | null;
}

export function revisionNote(note: string): RevisionNote {
  const restored = /^Återställd från version (\d+)$/.exec(note);
  if (restored) return { label: { sv: note, en: `Restored from version ${restored[1]}` }, comment: null };
  if (NOTES[note]) return { label: NOTES[note], comment: null };
  const colon = note.indexOf(": ");
  const head = colon > 0 ? note.slice(0, colon) : "";
  if (NOTES[head]) return { label: NOTES[head], comment: note.slice(colon + 2) };
  return { label: null, comment: note || null };
}

/** The language of a record's content, for marking it on the history page. */
export async function recordLanguage(db: Db, recordId: number): Promise<Language> {
  const row = await db.selectFrom("records").select("language").where("id", "=", recordId).executeTakeFirst();
  return row?.language ?? "sv";
}

/** A record's revisions, newest first. */
export async function listRevisions(db: Db, recordId: number): Promise<RevisionItem[]> {
  const rows = await db
    .selectFrom("revisions as v")
    .leftJoin("users as u", "u.id", "v.author_id")
    .select(["v.version", "v.note", "v.created_at", "u.name"])
    .where("v.record_id", "=", recordId)
    .orderBy("v.version", "desc")
    .execute();
  return rows.map((r) => ({ version: r.version, note: r.note, createdAt: r.created_at, author: r.name }));
}

/**
 * The content of one revision, read through the kind's form schema so that snapshots written by
 * the seed loader (front matter plus body) read the same as those written by the forms. Null
 * when there is no such revision or it cannot be read as content of the kind.
 */
export async function revisionValues(db: Db, { recordId, kind, version }: { recordId: number; kind: RecordKind; version: number }): Promise<RecordValues | null> {
  const row = await db
    .selectFrom("revisions")
    .select("snapshot")
    .where("record_id", "=", recordId)
    .where("version", "=", version)
    .executeTakeFirst();
  if (!row) return null;
  let json: unknown;
  try {
    json = JSON.parse(row.snapshot);
  } catch {
    return null;
  }
  const parsed = RECORD_SCHEMAS[kind].safeParse(json);
  return parsed.success ? parsed.data : null;
}

export interface FieldDiff {
  field: string;
  lines: DiffLine[];
}

function asText(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (Array.isArray(value)) return value.map(String).join("\n");
  return String(value);
}

/** The fields that differ between two versions' values, each as a line diff. */
export function diffValues(before: RecordValues, after: RecordValues): FieldDiff[] {
  const a = before as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return fields
    .filter((f) => asText(a[f]) !== asText(b[f]))
    .map((field) => ({ field, lines: diffLines(asText(a[field]), asText(b[field])) }));
}
