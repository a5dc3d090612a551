import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";

import { ThemeForm } from "~/components/directory-forms";
import { ThemeSchema } from "~/forms/manage";
import { FieldErrors } from "~/models/authoring.server";
import { getThemeForm, recordIdsOfTheme, updateTheme } from "~/models/directory.server";
import { themeOptions } from "~/models/options.server";
import { recordChanged } from "~/search/service.server";
import { getDb } from "~/utils/db.server";
import { notFound } from "~/utils/http.server";
import { slugParam } from "~/utils/params.server";
import { requireEditor } from "~/utils/permissions.server";
import { parseSubmission, readForm } from "~/utils/request.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireEditor(request);
  const theme = await getThemeForm(getDb(), slugParam(params.slug, "Temat"));
  if (!theme) throw notFound("Temat finns inte.");
  const parents = (await themeOptions(getDb())).filter((t) => !t.indent && t.value !== theme.slug);
  return json({ theme, parents });
}

export async function action({ request, params }: ActionFunctionArgs) {
  await requireEditor(request);
  const slug = slugParam(params.slug, "Temat");
  const submission = parseSubmission(await readForm(request), ThemeSchema);
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  try {
    if (!(await updateTheme(getDb(), slug, submission.value))) throw notFound("Temat finns inte.");
    for (const id of await recordIdsOfTheme(getDb(), slug)) await recordChanged(getDb(), id);
    return redirect("/manage/themes");
  } catch (error) {
    if (error instanceof FieldErrors) return json(submission.reply({ fieldErrors: error.fields }), { status: 400 });
    throw error;
  }
}

export default function EditTheme() {
  const { theme, parents } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <div>
      <nav className="breadcrumb" aria-label="Brödsmulor">
        <Link to="/manage/themes">Teman</Link>
      </nav>
      <h1>{theme.name}</h1>
      <ThemeForm id="edit-theme" defaultValue={theme} parents={parents} lastResult={lastResult} submitLabel="Spara" />
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Redigera tema – Lärdom" }];
