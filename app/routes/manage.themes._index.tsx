import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";

import { ThemeForm } from "~/components/directory-forms";
import { ThemeSchema } from "~/forms/manage";
import { FieldErrors } from "~/models/authoring.server";
import { createTheme } from "~/models/directory.server";
import { themeOptions } from "~/models/options.server";
import { getDb } from "~/utils/db.server";
import { requireEditor } from "~/utils/permissions.server";
import { parseSubmission, readForm } from "~/utils/request.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireEditor(request);
  return json({ themes: await themeOptions(getDb()), created: new URL(request.url).searchParams.get("created") });
}

export async function action({ request }: ActionFunctionArgs) {
  await requireEditor(request);
  const submission = parseSubmission(await readForm(request), ThemeSchema);
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  try {
    const slug = await createTheme(getDb(), submission.value);
    return redirect(`/manage/themes?created=${slug}`);
  } catch (error) {
    if (error instanceof FieldErrors) return json(submission.reply({ fieldErrors: error.fields }), { status: 400 });
    throw error;
  }
}

export default function ManageThemes() {
  const { themes, created } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <div>
      <nav className="breadcrumb" aria-label="Brödsmulor">
        <Link to="/manage">Mitt arbete</Link>
      </nav>
      <h1>Teman</h1>
      {created ? <p className="notice" role="status">Temat är skapat.</p> : null}
      <ul>
        {themes.map((t) => (
          <li key={t.value} className={t.indent ? "indent" : undefined} style={t.indent ? { marginLeft: "1.5rem" } : undefined}>
            <Link to={`/manage/themes/${t.value}`}>{t.label}</Link>
          </li>
        ))}
      </ul>
      <h2>Nytt tema</h2>
      <ThemeForm id="new-theme" parents={themes.filter((t) => !t.indent)} lastResult={lastResult} submitLabel="Skapa tema" />
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Teman – Lärdom" }];
