import type { Kysely } from "kysely";

import type { Database, RecordKind, RecordStatus } from "../../db/schema";
import type { Text } from "../i18n";
import { canEdit, isEditor } from "../utils/permissions.server";
import { ConflictError, bumpVersion, loadValues, saveRecord } from "./authoring.server";
import { addRevision, revisionValues } from "./revision.server";
import type { SessionUser } from "./user.server";

/**
 * The workflow of issue 4: draft → review → published → archived. Writers submit their drafts;
 * editors publish, send back with a comment, archive and reopen. Nothing is ever deleted.
 * Every step moves the version on and stores a revision, so history shows who did what.
 */
export type WorkflowIntent = "submit" | "publish" | "return" | "archive" | "reopen";

/** A step that cannot be taken; `text` is the reader's message in both languages. */
export class WorkflowError extends Error {
  constructor(
    public text: Text,
    public status: 400 | 403,
  ) {
    super(text.sv);
  }
}

interface Step {
  from: RecordStatus[];
  to: RecordStatus;
  /** The revision's note, stored in Swedish; the history page shows it in the reader's language. */
  note: string;
  /** Who may take the step, given that they may see the record at all. */
  allowed: (user: SessionUser, record: Subject) => boolean;
}

interface Subject {
  kind: RecordKind;
  organisationId: number;
  status: RecordStatus;
}

const STEPS: Record<WorkflowIntent, Step> = {
  submit: { from: ["draft"], to: "review", note: "Skickad för granskning", allowed: canEdit },
  publish: { from: ["draft", "review"], to: "published", note: "Publicerad", allowed: (u) => isEditor(u) },
  return: { from: ["review"], to: "draft", note: "Skickad tillbaka", allowed: (u) => isEditor(u) },
  archive: {
    from: ["draft", "review", "published"],
    to: "archived",
    note: "Arkiverad",
    allowed: (u, r) => isEditor(u) || (canEdit(u, r) && r.status === "draft"),
  },
  reopen: { from: ["archived"], to: "draft", note: "Återöppnad som utkast", allowed: (u) => isEditor(u) },
};

export const STATUS_ERROR: Record<WorkflowIntent, Text> = {
  submit: { sv: "Bara utkast kan skickas för granskning.", en: "Only drafts can be submitted for review." },
  publish: { sv: "Det här går inte att publicera i sitt nuvarande läge.", en: "This cannot be published in its current state." },
  return: { sv: "Bara material som väntar på granskning kan skickas tillbaka.", en: "Only material awaiting review can be sent back." },
  archive: { sv: "Det här är redan arkiverat.", en: "This is already archived." },
  reopen: { sv: "Bara arkiverat material kan återöppnas.", en: "Only archived material can be reopened." },
};

/** Which steps this user may take on the record now (for the edit page's buttons). */
export function availableSteps(user: SessionUser, record: Subject): WorkflowIntent[] {
  return (Object.keys(STEPS) as WorkflowIntent[]).filter((i) => STEPS[i].from.includes(record.status) && STEPS[i].allowed(user, record));
}

export async function transition(
  db: Kysely<Database>,
  { id, intent, expectedVersion, user, comment }: { id: number; intent: WorkflowIntent; expectedVersion: number; user: SessionUser; comment?: string },
): Promise<{ status: RecordStatus; version: number }> {
  const step = STEPS[intent];
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom("records")
      .select(["kind", "organisation_id", "status", "published_on"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    const subject = { kind: row.kind, organisationId: row.organisation_id, status: row.status };
    if (!step.allowed(user, subject)) throw new WorkflowError({ sv: "Du har inte behörighet att göra det.", en: "You do not have permission to do that." }, 403);
    if (!step.from.includes(row.status)) throw new WorkflowError(STATUS_ERROR[intent], 400);
    if (intent === "return" && !comment) {
      throw new WorkflowError({ sv: "Skriv en kommentar om vad som behöver ändras.", en: "Write a comment on what needs changing." }, 400);
    }
    const version = await bumpVersion(trx, id, expectedVersion);
    const today = new Date().toISOString().slice(0, 10);
    await trx
      .updateTable("records")
      .set({
        status: step.to,
        review_comment: intent === "return" ? comment! : intent === "submit" || intent === "publish" ? null : undefined,
        published_on: intent === "publish" && !row.published_on ? today : undefined,
      })
      .where("id", "=", id)
      .execute();
    const note = comment ? `${step.note}: ${comment}` : step.note;
    await addRevision(trx, { recordId: id, version, authorId: user.id, snapshot: await loadValues(trx, id), note });
    return { status: step.to, version };
  });
}

/**
 * Brings back an old version's content as a new revision (history is never rewritten). Same
 * rights and the same version check as saving.
 */
export async function restoreRevision(
  db: Kysely<Database>,
  { id, kind, version, expectedVersion, user }: { id: number; kind: RecordKind; version: number; expectedVersion: number; user: SessionUser },
): Promise<{ version: number }> {
  const values = await revisionValues(db, { recordId: id, kind, version });
  if (!values) {
    throw new WorkflowError(
      { sv: `Version ${version} finns inte eller går inte att återställa.`, en: `Version ${version} does not exist or cannot be restored.` },
      400,
    );
  }
  return saveRecord(db, { id, kind, values, expectedVersion, user, note: `Återställd från version ${version}` });
}

export { ConflictError };
