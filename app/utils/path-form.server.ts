import { json, redirect } from "@remix-run/node";
import { z } from "zod";

import { PathSchema } from "../forms/path";
import { ConflictError, FieldErrors } from "../models/authoring.server";
import { themeOptions } from "../models/options.server";
import { createPath, getPathForm, savePath, stepOptions } from "../models/path-authoring.server";
import { getDb } from "./db.server";
import { notFound } from "./http.server";
import { requireEditor } from "./permissions.server";
import { parseSubmission, readForm } from "./request.server";

/** Loaders and actions of /paths/new and /paths/:slug/edit: editors only (DESIGN.md). */

async function options() {
  const db = getDb();
  return { themes: (await themeOptions(db)).map(({ value, label }) => ({ value, label })), records: await stepOptions(db) };
}

export async function newPathLoader(request: Request) {
  await requireEditor(request);
  return json({ ...(await options()), defaultValue: { status: "draft" as const, steps: [{ entry: "", note: "", optional: false }] } });
}

async function handle(request: Request, save: (values: z.infer<typeof PathSchema>, version: number | null) => Promise<string>) {
  const formData = await readForm(request);
  const submission = parseSubmission(formData, PathSchema);
  if (submission.status !== "success") {
    return json({ result: submission.reply(), conflict: false }, { status: submission.status === "error" ? 400 : 200 });
  }
  const version = z.coerce.number().int().min(1).safeParse(formData.get("version"));
  try {
    return redirect(await save(submission.value, version.success ? version.data : null));
  } catch (error) {
    if (error instanceof FieldErrors) return json({ result: submission.reply({ fieldErrors: error.fields }), conflict: false }, { status: 400 });
    if (error instanceof ConflictError) {
      return json(
        { result: submission.reply({ formErrors: ["Någon annan har sparat lärvägen medan du arbetade. Ladda om sidan för att se deras version; dina ändringar finns kvar här."] }), conflict: true },
        { status: 409 },
      );
    }
    throw error;
  }
}

export async function newPathAction(request: Request) {
  const user = await requireEditor(request);
  return handle(request, async (values) => `/paths/${await createPath(getDb(), { values, userId: user.id })}/edit?saved=1`);
}

export async function editPathLoader(request: Request, slug: string) {
  await requireEditor(request);
  const path = await getPathForm(getDb(), slug);
  if (!path) throw notFound("Lärvägen finns inte.");
  return json({ ...(await options()), path, saved: new URL(request.url).searchParams.has("saved") });
}

export async function editPathAction(request: Request, slug: string) {
  await requireEditor(request);
  const path = await getPathForm(getDb(), slug);
  if (!path) throw notFound("Lärvägen finns inte.");
  return handle(request, async (values, version) => {
    if (version === null) throw new ConflictError();
    await savePath(getDb(), { id: path.id, values, expectedVersion: version });
    return `/paths/${slug}/edit?saved=1`;
  });
}
