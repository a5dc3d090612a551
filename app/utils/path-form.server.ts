import { json, redirect } from "@remix-run/node";
import { z } from "zod";

import { pathSchema, type PathValues } from "../forms/path";
import type { Translate } from "../i18n";
import { requestT } from "../i18n/lang.server";
import { ConflictError, FieldErrors } from "../models/authoring.server";
import { createPath, getPathForm, savePath, stepOptions } from "../models/path-authoring.server";
import { getDb } from "./db.server";
import { themeChoices } from "./form-options.server";
import { notFound } from "./http.server";
import { requireEditor } from "./permissions.server";
import { parseSubmission, readForm } from "./request.server";

/** Loaders and actions of /paths/new and /paths/:slug/edit: editors only (DESIGN.md). */

const NO_PATH = { sv: "Lärvägen finns inte.", en: "The reading path does not exist." };

async function options(request: Request) {
  const db = getDb();
  const t = await requestT(request);
  // A path belongs to one theme: the picker lists them flat.
  const themes = (await themeChoices(db, t.lang)).map((o) => ({ value: o.value, label: o.label, lang: o.lang }));
  return { themes, records: await stepOptions(db) };
}

export async function newPathLoader(request: Request) {
  await requireEditor(request);
  return json({ ...(await options(request)), defaultValue: { status: "draft" as const, steps: [{ entry: "", note: "", optional: false }] } });
}

async function handle(request: Request, t: Translate, save: (values: PathValues, version: number | null) => Promise<string>) {
  const formData = await readForm(request);
  const submission = parseSubmission(formData, pathSchema(t));
  if (submission.status !== "success") {
    return json({ result: submission.reply(), conflict: false }, { status: submission.status === "error" ? 400 : 200 });
  }
  const version = z.coerce.number().int().min(1).safeParse(formData.get("version"));
  try {
    return redirect(await save(submission.value, version.success ? version.data : null));
  } catch (error) {
    if (error instanceof FieldErrors) return json({ result: submission.reply({ fieldErrors: error.in(t) }), conflict: false }, { status: 400 });
    if (error instanceof ConflictError) {
      const message = t(
        "Någon annan har sparat lärvägen medan du arbetade. Ladda om sidan för att se deras version; dina ändringar finns kvar här.",
        "Someone else saved the reading path while you were working. Reload the page to see their version; your changes are still here.",
      );
      return json({ result: submission.reply({ formErrors: [message] }), conflict: true }, { status: 409 });
    }
    throw error;
  }
}

export async function newPathAction(request: Request) {
  const user = await requireEditor(request);
  return handle(request, await requestT(request), async (values) => `/paths/${await createPath(getDb(), { values, userId: user.id })}/edit?saved=1`);
}

export async function editPathLoader(request: Request, slug: string) {
  await requireEditor(request);
  const path = await getPathForm(getDb(), slug);
  if (!path) throw notFound(NO_PATH);
  return json({ ...(await options(request)), path, saved: new URL(request.url).searchParams.has("saved") });
}

export async function editPathAction(request: Request, slug: string) {
  await requireEditor(request);
  const path = await getPathForm(getDb(), slug);
  if (!path) throw notFound(NO_PATH);
  return handle(request, await requestT(request), async (values, version) => {
    if (version === null) throw new ConflictError();
    await savePath(getDb(), { id: path.id, values, expectedVersion: version });
    return `/paths/${slug}/edit?saved=1`;
  });
}
