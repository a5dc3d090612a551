import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";

import { ThemeForm } from "~/components/directory-forms";
import { themeSchema } from "~/forms/manage";
import { metaT, useT } from "~/i18n";
import { requestT } from "~/i18n/lang.server";
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
  const t = await requestT(request);
  const submission = parseSubmission(await readForm(request), themeSchema(t));
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  try {
    const slug = await createTheme(getDb(), submission.value);
    return redirect(`/manage/themes?created=${slug}`);
  } catch (error) {
    if (error instanceof FieldErrors) return json(submission.reply({ fieldErrors: error.in(t) }), { status: 400 });
    throw error;
  }
}

export default function ManageThemes() {
  const { themes, created } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const t = useT();
  return (
    <div>
      <nav className="breadcrumb" aria-label={t("Brödsmulor", "Breadcrumbs")}>
        <Link to="/manage">{t("Mitt arbete", "My work")}</Link>
      </nav>
      <h1>{t("Teman", "Themes")}</h1>
      {created ? (
        <p className="notice" role="status">
          {t("Temat är skapat.", "The theme has been created.")}
        </p>
      ) : null}
      <ul>
        {themes.map((theme) => (
          <li key={theme.value} className={theme.indent ? "theme-child" : undefined}>
            <Link to={`/manage/themes/${theme.value}`} lang={(theme as { lang?: string }).lang ?? "sv"}>
              {theme.label}
            </Link>
          </li>
        ))}
      </ul>
      <h2>{t("Nytt tema", "New theme")}</h2>
      <ThemeForm id="new-theme" parents={themes.filter((theme) => !theme.indent)} lastResult={lastResult} submitLabel={t("Skapa tema", "Create theme")} />
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => [{ title: `${metaT(matches)("Teman", "Themes")} – Lärdom` }];
