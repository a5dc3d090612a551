import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";

import { getPath } from "~/models/path.server";
import { doneSteps, markStep, NotAStep } from "~/models/progress.server";
import { getAccess } from "~/utils/access.server";
import { getDb } from "~/utils/db.server";
import { badRequest, notFound } from "~/utils/http.server";
import { KIND_LABEL, formatNumber, recordUrl } from "~/utils/labels";
import { slugParam } from "~/utils/params.server";
import { isEditor, requireUser } from "~/utils/permissions.server";
import { readForm } from "~/utils/request.server";
import { getUser } from "~/utils/session.server";

const MarkStep = z.object({
  record: z.coerce.number({ message: "Steget saknas." }).int().positive("Steget saknas."),
  done: z.enum(["yes", "no"], { message: "Ange om steget är läst." }),
});

async function pathOf(request: Request, slug: string | undefined) {
  const path = await getPath(getDb(), { slug: slugParam(slug, "Lärvägen"), access: await getAccess(request) });
  if (!path) throw notFound("Lärvägen finns inte.");
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
  const parsed = MarkStep.safeParse(Object.fromEntries(await readForm(request)));
  if (!parsed.success) throw badRequest(parsed.error.issues[0].message);
  try {
    await markStep(getDb(), { userId: user.id, pathId: path.id, recordId: parsed.data.record, done: parsed.data.done === "yes" });
  } catch (error) {
    if (error instanceof NotAStep) throw badRequest("Det steget finns inte i lärvägen.");
    throw error;
  }
  return redirect(`/paths/${path.slug}#step-${parsed.data.record}`);
}

export default function PathPage() {
  const { path, signedIn, canEdit, done } = useLoaderData<typeof loader>();
  const read = new Set(done);
  const readCount = path.steps.filter((s) => read.has(s.recordId)).length;
  const next = path.steps.find((s) => !read.has(s.recordId) && !s.optional) ?? path.steps.find((s) => !read.has(s.recordId));
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
        <p className="path-tools">
          <Link to={`/paths/${path.slug}/print`}>Utskriftsvy</Link> ·{" "}
          <a href={`/paths/${path.slug}/markdown`} download={`${path.slug}.md`}>
            Ladda ner som Markdown
          </a>
          {canEdit ? (
            <>
              {" "}
              · <Link to={`/paths/${path.slug}/edit`}>Redigera lärvägen</Link>
            </>
          ) : null}
        </p>
      </header>

      {signedIn ? (
        <div className="progress-box card">
          <label htmlFor="path-progress">
            {readCount} av {path.steps.length} steg lästa
          </label>
          <progress id="path-progress" max={path.steps.length} value={readCount} />
          {next ? (
            <p>
              Nästa steg: <a href={`#step-${next.recordId}`}>{next.title}</a>
            </p>
          ) : (
            <p>Du har läst hela lärvägen.</p>
          )}
        </div>
      ) : (
        <p className="muted">
          <Link to={`/login?redirectTo=/paths/${path.slug}`}>Logga in</Link> för att bocka av stegen och se hur långt du har
          kommit.
        </p>
      )}

      <ol className="path-steps">
        {path.steps.map((step) => (
          <li key={step.recordId} id={`step-${step.recordId}`} className={`card${read.has(step.recordId) ? " step-done" : ""}`}>
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
            {signedIn ? (
              <Form method="post" className="step-form">
                <input type="hidden" name="record" value={step.recordId} />
                {read.has(step.recordId) ? (
                  <button type="submit" name="done" value="no" className="link-button">
                    Läst ✓ <span className="muted">(ångra)</span>
                  </button>
                ) : (
                  <button type="submit" name="done" value="yes" className="button">
                    Markera som läst
                  </button>
                )}
              </Form>
            ) : null}
          </li>
        ))}
      </ol>
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.path.title} – Lärdom` : "Lärdom" },
];
