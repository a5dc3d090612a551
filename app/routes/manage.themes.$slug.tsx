import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";

import { ThemeForm } from "~/components/directory-forms";
import { themeSchema } from "~/forms/manage";
import { metaT, useT } from "~/i18n";
import { requestT } from "~/i18n/lang.server";
import { FieldErrors } from "~/models/authoring.server";
import { getThemeForm, recordIdsOfTheme, updateTheme } from "~/models/directory.server";
import { themeOptions } from "~/models/options.server";
import { recordChanged } from "~/search/service.server";
import { getDb } from "~/utils/db.server";
import { notFound } from "~/utils/http.server";
import { slugParam } from "~/utils/params.server";
import { requireEditor } from "~/utils/permissions.server";
import { parseSubmission, readForm } from "~/utils/request.server";

const NO_THEME = { sv: "Temat finns inte.", en: "The theme does not exist." };

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireEditor(request);
  const theme = await getThemeForm(getDb(), slugParam(params.slug, { sv: "Temat", en: "The theme" }));
  if (!theme) throw notFound(NO_THEME);
  const parents = (await themeOptions(getDb())).filter((t) => !t.indent && t.value !== theme.slug);
  return json({ theme, parents });
}

export async function action({ request, params }: ActionFunctionArgs) {
  await requireEditor(request);
  const slug = slugParam(params.slug, { sv: "Temat", en: "The theme" });
  const t = await requestT(request);
  const submission = parseSubmission(await readForm(request), themeSchema(t));
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  try {
    if (!(await updateTheme(getDb(), slug, submission.value))) throw notFound(NO_THEME);
    for (const id of await recordIdsOfTheme(getDb(), slug)) await recordChanged(getDb(), id);
    return redirect("/manage/themes");
  } catch (error) {
    if (error instanceof FieldErrors) return json(submission.reply({ fieldErrors: error.in(t) }), { status: 400 });
    throw error;
  }
}

export default function EditTheme() {
  const { theme, parents } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const t = useT();
  const english = t.lang === "en" && theme.name_en ? theme.name_en : null;
  return (
    <div>
      <nav className="breadcrumb" aria-label={t("Brödsmulor", "Breadcrumbs")}>
        <Link to="/manage/themes">{t("Teman", "Themes")}</Link>
      </nav>
      <h1 lang={english ? "en" : "sv"}>{english ?? theme.name}</h1>
      <ThemeForm id="edit-theme" defaultValue={theme} parents={parents} lastResult={lastResult} submitLabel={t("Spara", "Save")} />
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => [{ title: `${metaT(matches)("Redigera tema", "Edit theme")} – Lärdom` }];
