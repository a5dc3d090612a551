import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { getPath } from "~/models/path.server";
import { getAccess } from "~/utils/access.server";
import { getDb } from "~/utils/db.server";
import { notFound } from "~/utils/http.server";
import { KIND_LABEL, formatNumber, recordUrl } from "~/utils/labels";
import { slugParam } from "~/utils/params.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const path = await getPath(getDb(), { slug: slugParam(params.slug, "Lärvägen"), access: await getAccess(request) });
  if (!path) throw notFound("Lärvägen finns inte.");
  return json({ path });
}

export default function PathPage() {
  const { path } = useLoaderData<typeof loader>();
  const activityHours = path.steps.reduce((sum, s) => sum + (s.activityHours ?? 0), 0);
  return (
    <>
      <header className="page-header">
        <nav aria-label="Brödsmulor" className="breadcrumb">
          <Link to="/paths">Lärvägar</Link>
        </nav>
        <h1>{path.title}</h1>
        <p className="lead">{path.summary}</p>
        <p className="muted">
          Tema: <Link to={`/themes/${path.theme.slug}`}>{path.theme.name}</Link>
          {path.audience ? <> · För: {path.audience}</> : null}
          {" · "}Läsning cirka {formatNumber(path.readingMinutes)} min
          {activityHours > 0 ? <> · plus {formatNumber(activityHours)} timmar kompetensutveckling</> : null}
        </p>
      </header>
      <ol className="path-steps">
        {path.steps.map((step) => (
          <li key={step.slug + step.kind} className="card">
            <p className="card-meta">
              <span className={`badge badge-${step.kind}`}>{KIND_LABEL[step.kind]}</span>{" "}
              {step.optional ? <span className="badge badge-optional">Valfritt</span> : null}{" "}
              <span className="facts">
                {step.readingMinutes} min läsning
                {step.activityHours ? ` · insatsen omfattar ${formatNumber(step.activityHours)} timmar` : ""}
              </span>
            </p>
            <h2 className="card-title">
              <Link to={recordUrl(step.kind, step.slug)}>{step.title}</Link>
            </h2>
            {step.note ? <p className="step-note">{step.note}</p> : null}
            <p className="card-summary">{step.summary}</p>
          </li>
        ))}
      </ol>
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.path.title} – Lärdom` : "Lärdom" },
];
