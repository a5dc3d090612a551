import { json, redirect } from "@remix-run/node";
import { z } from "zod";

import type { RecordKind } from "../../db/schema";
import { markdownProblemMessage } from "../forms/markdown";
import { MARKDOWN_SECTIONS, ORG_FIELD, recordSchemas, type RecordValues } from "../forms/record";
import { SLUG_PATTERN } from "../../seeds/schema";
import type { Text, Translate } from "../i18n";
import { requestT } from "../i18n/lang.server";
import { ConflictError, FieldErrors, createRecord, getEditable, loadValues, saveRecord } from "../models/authoring.server";
import { startPracticeFromEvent, type PracticeStart } from "../models/lesson-practice.server";
import { lessonOptions, organisationOptions, popularTags, recordOptions } from "../models/options.server";
import type { SessionUser } from "../models/user.server";
import { availableSteps, STATUS_ERROR, transition, WorkflowError } from "../models/workflow.server";
import { recordChanged } from "../search/service.server";
import { getAccess } from "./access.server";
import { getDb } from "./db.server";
import { inEventLanguage, inRecordLanguage, swedish, themeChoices } from "./form-options.server";
import { badRequest, notFound } from "./http.server";
import { KIND_PATH } from "./labels";
import { markdownRenderProblem, renderMarkdown } from "./markdown.server";
import { canEdit, canView, forbidden, isEditor, requireUser, requireWriter } from "./permissions.server";
import { parseSubmission, readForm } from "./request.server";

/**
 * What the new and edit routes of every kind share: their loaders and actions are one line each
 * and call these. Input is parsed with the kind's schema (app/forms/record.ts); writes go through
 * app/models/authoring.server.ts and app/models/workflow.server.ts.
 */

export const editUrl = (kind: RecordKind, slug: string) => `/${KIND_PATH[kind]}/${slug}/edit`;

const Intent = z.enum(["save", "preview", "submit"]).catch("save");
const Version = z.coerce.number().int().min(1).max(1_000_000_000);

/** Form values as the form's inputs want them: lists that are typed as text joined by commas. */
export function toFormValues(values: RecordValues) {
  const v = values as Record<string, unknown>;
  return {
    ...v,
    tags: (values.tags ?? []).join(", "),
    ...(Array.isArray(v.skills) ? { skills: (v.skills as string[]).join(", ") } : {}),
  };
}

/**
 * The pickers' choices, their content labels marked with its language; `fromEvent` is the
 * practice's event, whose lessons the lesson picker offers.
 */
async function formOptions(t: Translate, user: SessionUser, kind: RecordKind, fromEvent?: string) {
  const db = getDb();
  return {
    practices: kind === "practice" ? await inRecordLanguage(db, "practice", await recordOptions(db, "practice")) : [],
    events: kind === "practice" ? await inRecordLanguage(db, "event", await recordOptions(db, "event")) : [],
    lessons: kind === "practice" ? await inEventLanguage(db, fromEvent, await lessonOptions(db, fromEvent)) : [],
    themes: await themeChoices(db, t.lang),
    organisations: swedish(await organisationOptions(db, { onlyId: isEditor(user) ? undefined : user.organisationId })),
    allOrganisations: swedish(await organisationOptions(db)),
    popularTags: await popularTags(db),
  };
}

/**
 * What the shared schema cannot see in the Markdown fields, because only rendering tells (see
 * markdownRenderProblem): field errors, or null. Also the preview's check, which looks at the
 * Markdown fields alone.
 */
function markdownErrors(t: Translate, kind: RecordKind, value: (field: string) => unknown): Record<string, string[]> | null {
  const errors: Record<string, string[]> = {};
  for (const { field, maxLength } of MARKDOWN_SECTIONS[kind]) {
    const text = value(field);
    const problem = typeof text === "string" ? markdownRenderProblem(text, maxLength) : null;
    if (problem) errors[field] = [markdownProblemMessage(t, problem, maxLength)];
  }
  return Object.keys(errors).length > 0 ? errors : null;
}

/**
 * The preview: the sanitized HTML of every Markdown field as typed, whether or not the rest of
 * the form is valid (what is missing is not pointed out yet), headings in both languages. A
 * field over the limits is not shown but answered with its error, and the answer is a 400.
 */
function previewAnswer(t: Translate, kind: RecordKind, formData: FormData) {
  const lang = formData.get("language") === "en" ? "en" : "sv";
  const errors = markdownErrors(t, kind, (field) => formData.get(field));
  const preview = MARKDOWN_SECTIONS[kind].map(({ field, heading }) => {
    const value = formData.get(field);
    return { field, heading, lang, html: errors?.[field] || typeof value !== "string" ? "" : renderMarkdown(value, { topHeading: 3 }) };
  });
  const result = parseSubmission(formData, z.object({}).passthrough()).reply(errors ? { fieldErrors: errors } : undefined);
  return json({ result, preview, conflict: null }, { status: errors ? 400 : 200 });
}

const blank = (v: unknown) => (v === "" ? undefined : v);
/** What is wrong with a parameter of the start query, by the code its schema gives as message. */
const START_PROBLEM: Record<string, Text> = {
  event: { sv: "ska vara en träffs adress (kortnamn)", en: "should be an event's address (short name)" },
  lesson: { sv: "ska vara en lärdoms nummer", en: "should be a lesson's number" },
  "lesson-alone": { sv: "anger en lärdom men ingen träff (fromEvent)", en: "names a lesson but no event (fromEvent)" },
};

/** `/practices/new?fromEvent=<event slug>&lesson=<lesson id>`: a practice that grows out of an event's lesson. */
const StartQuery = z
  .object({
    fromEvent: z.preprocess(blank, z.string().max(200, "event").regex(SLUG_PATTERN, "event").optional()),
    lesson: z.preprocess(blank, z.string().regex(/^[1-9][0-9]{0,8}$/, "lesson").transform(Number).optional()),
  })
  .refine((q) => q.lesson === undefined || q.fromEvent !== undefined, { message: "lesson-alone", path: ["lesson"] });

/** The event and lesson a new practice starts from, read from the query; 400 when they do not fit. */
async function practiceStart(request: Request): Promise<PracticeStart | null> {
  const params = new URL(request.url).searchParams;
  const parsed = StartQuery.safeParse({ fromEvent: params.get("fromEvent") ?? undefined, lesson: params.get("lesson") ?? undefined });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = issue.path.join(".");
    const problem = START_PROBLEM[issue.message] ?? START_PROBLEM[name === "lesson" ? "lesson" : "event"];
    throw badRequest({ sv: `Ogiltig parameter ${name}: ${problem.sv}.`, en: `Invalid parameter ${name}: ${problem.en}.` });
  }
  if (!parsed.data.fromEvent) return null;
  const result = await startPracticeFromEvent(getDb(), { eventSlug: parsed.data.fromEvent, lessonId: parsed.data.lesson, access: await getAccess(request) });
  if (!result.ok) throw badRequest(result.message);
  return result.start;
}

export async function newRecordLoader(request: Request, kind: RecordKind) {
  const user = await requireWriter(request, kind);
  const start = kind === "practice" ? await practiceStart(request) : null;
  const options = await formOptions(await requestT(request), user, kind, start?.event.slug);
  const own = options.organisations.length === 1 ? options.organisations[0].value : undefined;
  return json({
    kind,
    options,
    defaultValue: { [ORG_FIELD[kind]]: own, language: "sv", visibility: "public", lessons: [""], ...start?.values },
    start: start ? { event: start.event, lesson: start.lesson } : null,
  });
}

export async function newRecordAction(request: Request, kind: RecordKind) {
  const user = await requireWriter(request, kind);
  const t = await requestT(request);
  const formData = await readForm(request);
  const intent = Intent.parse(formData.get("intent"));
  if (intent === "preview") return previewAnswer(t, kind, formData);
  const submission = parseSubmission(formData, recordSchemas(t)[kind]);
  // A list button (add or remove a lesson) without JavaScript also lands here: answer it with the new list.
  if (submission.status !== "success") {
    return json({ result: submission.reply(), preview: null, conflict: null }, { status: submission.status === "error" ? 400 : 200 });
  }
  const rendering = markdownErrors(t, kind, (field) => (submission.value as Record<string, unknown>)[field]);
  if (rendering) return json({ result: submission.reply({ fieldErrors: rendering }), preview: null, conflict: null }, { status: 400 });
  const db = getDb();
  try {
    const { id, slug } = await createRecord(db, { kind, values: submission.value, user });
    if (intent === "submit") await transition(db, { id, intent: "submit", expectedVersion: 1, user });
    await recordChanged(db, id);
    return redirect(`${editUrl(kind, slug)}?saved=${intent === "submit" ? "submitted" : "created"}`);
  } catch (error) {
    if (error instanceof FieldErrors) {
      return json({ result: submission.reply({ fieldErrors: error.in(t) }), preview: null, conflict: null }, { status: 400 });
    }
    throw error;
  }
}

/** The record, or 404; 403 for a signed-in person with no business there. */
async function editable(request: Request, kind: RecordKind, slug: string) {
  const user = await requireUser(request);
  const record = await getEditable(getDb(), { kind, slug });
  if (!record) throw notFound({ sv: "Det finns inget sådant att redigera.", en: "There is no such material to edit." });
  if (!canView(user, record)) {
    throw forbidden({ sv: "Du kan bara redigera material från din egen organisation.", en: "You can only edit material from your own organisation." });
  }
  return { user, record };
}

export async function editRecordLoader(request: Request, kind: RecordKind, slug: string) {
  const { user, record } = await editable(request, kind, slug);
  return json({
    kind,
    record: { id: record.id, slug: record.slug, status: record.status, version: record.version, reviewComment: record.reviewComment },
    defaultValue: toFormValues(record.values),
    options: await formOptions(await requestT(request), user, kind, (record.values as { from_event?: string }).from_event),
    canEdit: canEdit(user, record),
    steps: availableSteps(user, record),
    saved: new URL(request.url).searchParams.get("saved"),
  });
}

export async function editRecordAction(request: Request, kind: RecordKind, slug: string) {
  const { user, record } = await editable(request, kind, slug);
  if (!canEdit(user, record)) {
    throw forbidden(
      record.status === "draft"
        ? { sv: "Du kan inte redigera det här.", en: "You cannot edit this." }
        : { sv: "Materialet är inlämnat; nu är det redaktörernas tur.", en: "The material has been submitted; it is the editors' turn now." },
    );
  }
  const t = await requestT(request);
  const formData = await readForm(request);
  const intent = Intent.parse(formData.get("intent"));
  if (intent === "preview") return previewAnswer(t, kind, formData);
  const submission = parseSubmission(formData, recordSchemas(t)[kind]);
  // A list button (add or remove a lesson) without JavaScript also lands here: answer it with the new list.
  if (submission.status !== "success") {
    return json({ result: submission.reply(), preview: null, conflict: null }, { status: submission.status === "error" ? 400 : 200 });
  }
  const rendering = markdownErrors(t, kind, (field) => (submission.value as Record<string, unknown>)[field]);
  if (rendering) return json({ result: submission.reply({ fieldErrors: rendering }), preview: null, conflict: null }, { status: 400 });
  const version = Version.safeParse(formData.get("version"));
  if (!version.success) {
    const message = t("Formuläret saknar version; ladda om sidan.", "The form has no version; reload the page.");
    return json({ result: submission.reply({ formErrors: [message] }), preview: null, conflict: null }, { status: 400 });
  }
  // The page offers "save and submit" only when submitting is a step open now: asked otherwise,
  // refuse before saving, rather than save and then fail on the submission.
  if (intent === "submit" && !availableSteps(user, record).includes("submit")) {
    return json({ result: submission.reply({ formErrors: [t(STATUS_ERROR.submit)] }), preview: null, conflict: null }, { status: 400 });
  }
  const db = getDb();
  try {
    const saved = await saveRecord(db, { id: record.id, kind, values: submission.value, expectedVersion: version.data, user });
    let submitted = false;
    if (intent === "submit") {
      try {
        await transition(db, { id: record.id, intent: "submit", expectedVersion: saved.version, user });
        submitted = true;
      } catch (error) {
        // Someone changed its state since the check above: the save stands, the page says "saved".
        if (!(error instanceof WorkflowError)) throw error;
      }
    }
    await recordChanged(db, record.id);
    return redirect(`${editUrl(kind, slug)}?saved=${submitted ? "submitted" : "saved"}`);
  } catch (error) {
    if (error instanceof FieldErrors) {
      return json({ result: submission.reply({ fieldErrors: error.in(t) }), preview: null, conflict: null }, { status: 400 });
    }
    if (error instanceof ConflictError) {
      // Nothing was written. The person's own text comes back in the form; the stored one is shown beside it.
      const current = await getEditable(db, { kind, slug });
      return json(
        {
          result: submission.reply({
            formErrors: [
              t(
                "Någon annan har sparat posten medan du skrev. Din text är kvar nedan; jämför med den sparade versionen innan du sparar igen.",
                "Someone else saved this while you were writing. Your text is still below; compare it with the saved version before you save again.",
              ),
            ],
          }),
          preview: null,
          conflict: current ? { version: current.version, values: toFormValues(await loadValues(db, current.id)) } : null,
        },
        { status: 409 },
      );
    }
    throw error;
  }
}
