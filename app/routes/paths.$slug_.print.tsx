import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { Markdown } from "~/components/markdown";
import { ThemeName } from "~/components/theme-chips";
import { metaT, useT } from "~/i18n";
import { getPath, stepBodies } from "~/models/path.server";
import { getAccess } from "~/utils/access.server";
import { getDb } from "~/utils/db.server";
import { notFound } from "~/utils/http.server";
import { KIND_LABEL } from "~/utils/labels";
import { renderMarkdown } from "~/utils/markdown.server";
import { slugParam } from "~/utils/params.server";

/** The whole path on one page, every step with its text, laid out for paper. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const db = getDb();
  const path = await getPath(db, { slug: slugParam(params.slug, { sv: "Lärvägen", en: "The learning path" }), access: await getAccess(request) });
  if (!path) throw notFound({ sv: "Lärvägen finns inte.", en: "The learning path does not exist." });
  const bodies = await stepBodies(db, path.steps.map((s) => s.recordId));
  return json({
    path,
    html: Object.fromEntries(path.steps.map((s) => [s.recordId, renderMarkdown(bodies.get(s.recordId) ?? "", { topHeading: 3 })])),
  });
}

export default function PrintPath() {
  const t = useT();
  const { path, html } = useLoaderData<typeof loader>();
  return (
    <article className="print-path">
      <p className="path-tools">
        <Link to={`/paths/${path.slug}`}>{t("Tillbaka till lärvägen", "Back to the learning path")}</Link>
        {t(" · Skriv ut med webbläsarens utskriftsfunktion.", " · Print with your browser's print function.")}
      </p>
      <h1 lang="sv">{path.title}</h1>
      <p className="lead" lang="sv">
        {path.summary}
      </p>
      <p className="muted">
        {t("Tema: ", "Theme: ")}
        <ThemeName theme={path.theme} />
        {path.audience ? (
          <>
            {t(" · För: ", " · For: ")}
            <span lang="sv">{path.audience}</span>
          </>
        ) : null}
        {t(` · Läsning cirka ${t.number(path.readingMinutes)} min`, ` · About ${t.number(path.readingMinutes)} min reading`)}
      </p>
      {path.steps.map((step, i) => (
        <section key={step.recordId} className="print-step" aria-labelledby={`print-${step.recordId}`}>
          <h2 id={`print-${step.recordId}`}>
            {i + 1}. <span lang={step.language}>{step.title}</span>
          </h2>
          <p className="muted">
            {t(KIND_LABEL[step.kind])}
            {step.optional ? t(" · valfritt steg", " · optional step") : ""}
          </p>
          {step.note ? (
            <p className="step-note" lang="sv">
              {step.note}
            </p>
          ) : null}
          <p lang={step.language}>{step.summary}</p>
          <Markdown html={html[step.recordId]} lang={step.language} />
        </section>
      ))}
    </article>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaT(matches);
  return [{ title: data ? t(`${data.path.title} (utskrift) – Lärdom`, `${data.path.title} (print) – Lärdom`) : "Lärdom" }];
};
