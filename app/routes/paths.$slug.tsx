import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";

import { PathSteps } from "~/components/path-steps";
import { ThemeName } from "~/components/theme-chips";
import { useT, type Translate } from "~/i18n";
import { requestT } from "~/i18n/lang.server";
import { getPath } from "~/models/path.server";
import { doneSteps, markStep, NotAStep } from "~/models/progress.server";
import { getAccess } from "~/utils/access.server";
import { getDb } from "~/utils/db.server";
import { badRequest, notFound } from "~/utils/http.server";
import { slugParam } from "~/utils/params.server";
import { isEditor, requireUser } from "~/utils/permissions.server";
import { readForm } from "~/utils/request.server";
import { getUser } from "~/utils/session.server";

const markStepSchema = (t: Translate) => {
  const missing = t("Steget saknas.", "The step is missing.");
  return z.object({
    record: z.coerce.number({ message: missing }).int(missing).positive(missing),
    done: z.enum(["yes", "no"], { message: t("Ange om steget är läst.", "Say whether the step has been read.") }),
  });
};

async function pathOf(request: Request, slug: string | undefined) {
  const path = await getPath(getDb(), { slug: slugParam(slug, { sv: "Lärvägen", en: "The learning path" }), access: await getAccess(request) });
  if (!path) throw notFound({ sv: "Lärvägen finns inte.", en: "The learning path does not exist." });
  return path;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const path = await pathOf(request, params.slug);
  const user = await getUser(request);
  return json({
    path,
    signedIn: !!user,
    canEdit: isEditor(user),
    done: user ? await doneSteps(getDb(), { userId: user.id, pathId: path.id }) : [],
  });
}

/** A signed-in reader marks a step read or unread; back to the same step afterwards. */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const path = await pathOf(request, params.slug);
  const parsed = markStepSchema(await requestT(request)).safeParse(Object.fromEntries(await readForm(request)));
  if (!parsed.success) throw badRequest(parsed.error.issues[0].message);
  try {
    await markStep(getDb(), { userId: user.id, pathId: path.id, recordId: parsed.data.record, done: parsed.data.done === "yes" });
  } catch (error) {
    if (error instanceof NotAStep) throw badRequest({ sv: "Det steget finns inte i lärvägen.", en: "That step is not in the learning path." });
    throw error;
  }
  return redirect(`/paths/${path.slug}#step-${parsed.data.record}`);
}

export default function PathPage() {
  const t = useT();
  const { path, signedIn, canEdit, done } = useLoaderData<typeof loader>();
  const read = new Set(done);
  const readCount = path.steps.filter((s) => read.has(s.recordId)).length;
  const next = path.steps.find((s) => !read.has(s.recordId) && !s.optional) ?? path.steps.find((s) => !read.has(s.recordId));
  const activityHours = path.steps.reduce((sum, s) => sum + (s.activityHours ?? 0), 0);
  const hours = t.plural(activityHours, { sv: "timme", en: "hour" }, { sv: "timmar", en: "hours" });
  return (
    <>
      <header className="page-header">
        <nav aria-label={t("Brödsmulor", "Breadcrumb")} className="breadcrumb">
          <Link to="/paths">{t("Lärvägar", "Reading paths")}</Link>
        </nav>
        <h1 lang="sv">{path.title}</h1>
        <p className="lead" lang="sv">
          {path.summary}
        </p>
        <p className="muted">
          {t("Tema: ", "Theme: ")}
          <Link to={`/themes/${path.theme.slug}`}>
            <ThemeName theme={path.theme} />
          </Link>
          {path.audience ? (
            <>
              {t(" · För: ", " · For: ")}
              <span lang="sv">{path.audience}</span>
            </>
          ) : null}
          {t(` · Läsning cirka ${t.number(path.readingMinutes)} min`, ` · About ${t.number(path.readingMinutes)} min reading`)}
          {activityHours > 0 ? t(` · plus ${hours} kompetensutveckling`, ` · plus ${hours} of competence development`) : null}
        </p>
        <p className="path-tools">
          <Link to={`/paths/${path.slug}/print`}>{t("Utskriftsvy", "Print view")}</Link> ·{" "}
          <a href={`/paths/${path.slug}/markdown`} download={`${path.slug}.md`}>
            {t("Ladda ner som Markdown", "Download as Markdown")}
          </a>
          {canEdit ? (
            <>
              {" "}
              · <Link to={`/paths/${path.slug}/edit`}>{t("Redigera lärvägen", "Edit the learning path")}</Link>
            </>
          ) : null}
        </p>
      </header>

      {signedIn ? (
        <div className="progress-box card">
          <label htmlFor="path-progress">
            {t(
              `${t.number(readCount)} av ${t.plural(path.steps.length, { sv: "steg", en: "step" }, { sv: "steg", en: "steps" })} lästa`,
              `${t.number(readCount)} of ${t.plural(path.steps.length, { sv: "steg", en: "step" }, { sv: "steg", en: "steps" })} read`,
            )}
          </label>
          <progress id="path-progress" max={path.steps.length} value={readCount} />
          {next ? (
            <p>
              {t("Nästa steg: ", "Next step: ")}
              <a href={`#step-${next.recordId}`} lang={next.language}>
                {next.title}
              </a>
            </p>
          ) : (
            <p>{t("Du har läst hela lärvägen.", "You have read the whole learning path.")}</p>
          )}
        </div>
      ) : (
        <p className="muted">
          <Link to={`/login?redirectTo=/paths/${path.slug}`}>{t("Logga in", "Sign in")}</Link>
          {t(" för att bocka av stegen och se hur långt du har kommit.", " to tick off the steps and see how far you have come.")}
        </p>
      )}

      <PathSteps steps={path.steps} read={read} signedIn={signedIn} />
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.path.title} – Lärdom` : "Lärdom" }];
