import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { Markdown } from "~/components/markdown";
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
  const path = await getPath(db, { slug: slugParam(params.slug, "Lärvägen"), access: await getAccess(request) });
  if (!path) throw notFound("Lärvägen finns inte.");
  const bodies = await stepBodies(db, path.steps.map((s) => s.recordId));
  return json({
    path,
    html: Object.fromEntries(path.steps.map((s) => [s.recordId, renderMarkdown(bodies.get(s.recordId) ?? "", { topHeading: 3 })])),
  });
}

export default function PrintPath() {
  const { path, html } = useLoaderData<typeof loader>();
  return (
    <article className="print-path">
      <p className="path-tools">
        <Link to={`/paths/${path.slug}`}>Tillbaka till lärvägen</Link> · Skriv ut med webbläsarens utskriftsfunktion.
      </p>
      <h1>{path.title}</h1>
      <p className="lead">{path.summary}</p>
      <p className="muted">
        Tema: {path.theme.name}
        {path.audience ? ` · För: ${path.audience}` : ""} · Läsning cirka {path.readingMinutes} min
      </p>
      {path.steps.map((step, i) => (
        <section key={step.recordId} className="print-step" aria-labelledby={`print-${step.recordId}`}>
          <h2 id={`print-${step.recordId}`}>
            {i + 1}. {step.title}
          </h2>
          <p className="muted">
            {KIND_LABEL[step.kind]}
            {step.optional ? " · valfritt steg" : ""}
          </p>
          {step.note ? <p className="step-note">{step.note}</p> : null}
          <p>{step.summary}</p>
          <Markdown html={html[step.recordId]} />
        </section>
      ))}
    </article>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.path.title} (utskrift) – Lärdom` : "Lärdom" },
];
