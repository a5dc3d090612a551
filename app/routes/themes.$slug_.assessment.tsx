import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { z } from "zod";

import { RecordGrid } from "~/components/record-card";
import {
  getQuestionnaire,
  recommendationFor,
  resultsOf,
  saveResult,
  type Questionnaire,
} from "~/models/assessment.server";
import { getAccess } from "~/utils/access.server";
import { getDb } from "~/utils/db.server";
import { notFound } from "~/utils/http.server";
import { formatDate, recordUrl } from "~/utils/labels";
import { MATURITY_LEVELS, maturityLevel } from "~/utils/maturity";
import { slugParam } from "~/utils/params.server";
import { isEditor } from "~/utils/permissions.server";
import { readForm } from "~/utils/request.server";
import { getUser } from "~/utils/session.server";

/** One answer per question, 1–5; the message is what the reader sees beside the question. */
function answersSchema(questionnaire: Questionnaire) {
  const answer = z.coerce
    .number({ message: "Välj det svar som passar bäst." })
    .int("Välj det svar som passar bäst.")
    .min(1, "Välj det svar som passar bäst.")
    .max(5, "Välj det svar som passar bäst.");
  return z.object(Object.fromEntries(questionnaire.questions.map((q) => [`q${q.id}`, answer])));
}

async function loadQuestionnaire(slug: string | undefined) {
  const questionnaire = await getQuestionnaire(getDb(), { themeSlug: slugParam(slug, "Temat") });
  if (!questionnaire || questionnaire.questions.length === 0) throw notFound("Temat har ingen självskattning.");
  return questionnaire;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const questionnaire = await loadQuestionnaire(params.slug);
  const user = await getUser(request);
  return json({
    questionnaire,
    signedIn: !!user,
    canEdit: isEditor(user),
    earlier: user ? await resultsOf(getDb(), { userId: user.id, themeId: questionnaire.theme.id }) : [],
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const questionnaire = await loadQuestionnaire(params.slug);
  const form = Object.fromEntries(await readForm(request));
  const parsed = answersSchema(questionnaire).safeParse(form);
  if (!parsed.success) {
    const errors = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]));
    return json({ errors, result: null }, { status: 400 });
  }
  const answers = questionnaire.questions.map((q) => parsed.data[`q${q.id}`] as number);
  const level = maturityLevel(answers);
  const db = getDb();
  const user = await getUser(request);
  if (user) await saveResult(db, { userId: user.id, themeId: questionnaire.theme.id, answers, level });
  const recommendation = await recommendationFor(db, {
    themeSlug: questionnaire.theme.slug,
    level,
    access: await getAccess(request),
  });
  return json({ errors: null, result: { level, answers, saved: !!user, recommendation } });
}

export default function AssessmentPage() {
  const { questionnaire, signedIn, canEdit, earlier } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const result = data?.result ?? null;
  const level = result ? MATURITY_LEVELS[result.level - 1] : null;
  // With JavaScript the page stays where the button was: bring the result (or the first
  // unanswered question) into view and give it focus, so the answer is not missed.
  const resultRef = useRef<HTMLElement>(null);
  useEffect(() => {
    const target = resultRef.current ?? document.querySelector<HTMLElement>(".question .field-error");
    target?.scrollIntoView({ block: "start" });
    target?.focus();
  }, [data]);
  return (
    <>
      <header className="page-header">
        <nav aria-label="Brödsmulor" className="breadcrumb">
          <Link to={`/themes/${questionnaire.theme.slug}`}>{questionnaire.theme.name}</Link>
        </nav>
        <h1>Självskattning: {questionnaire.theme.name}</h1>
        <p className="lead">{questionnaire.intro}</p>
        <p className="muted">
          Välj för varje fråga det svar som bäst beskriver hur det är hos er i dag. Din nivå blir den lägre
          medianen av svaren: minst hälften av svaren ligger på den nivån eller högre.
          {signedIn ? " Resultatet sparas så att du kan följa din utveckling." : " Logga in om du vill spara resultatet."}
          {canEdit ? (
            <>
              {" "}
              <Link to={`/manage/assessments/${questionnaire.theme.slug}`}>Redigera frågorna</Link>
            </>
          ) : null}
        </p>
      </header>

      {result && level ? (
        <section ref={resultRef} tabIndex={-1} className="section card assessment-result" aria-labelledby="result">
          <h2 id="result">
            Er nivå: {level.level} – {level.name}
          </h2>
          <p>{level.meaning}</p>
          {result.saved ? <p className="muted">Resultatet är sparat.</p> : null}
          <h3>Nästa steg mot nivå {result.recommendation.nextLevel}</h3>
          <p>{result.recommendation.advice}</p>
          {result.recommendation.path ? (
            <p>
              Lärväg: <Link to={`/paths/${result.recommendation.path.slug}`}>{result.recommendation.path.title}</Link>
            </p>
          ) : result.recommendation.suggested.length > 0 ? (
            <>
              <p>En väg genom temats material:</p>
              <ol>
                {result.recommendation.suggested.map((r) => (
                  <li key={r.id}>
                    <Link to={recordUrl(r.kind, r.slug)}>{r.title}</Link>
                  </li>
                ))}
              </ol>
            </>
          ) : null}
          <RecordGrid records={result.recommendation.records} empty="Temat har inget material för nästa steg ännu." />
        </section>
      ) : null}

      <Form method="post" className="assessment" noValidate>
        {questionnaire.questions.map((q, i) => {
          const error = data?.errors?.[`q${q.id}`];
          return (
            <fieldset key={q.id} className="question" aria-describedby={error ? `q${q.id}-error` : undefined}>
              <legend>
                {i + 1}. {q.text}
              </legend>
              {error ? (
                <p className="field-error" id={`q${q.id}-error`} tabIndex={-1}>
                  {error}
                </p>
              ) : null}
              {q.levels.map((text, l) => (
                <label key={l} className="option">
                  <input
                    type="radio"
                    name={`q${q.id}`}
                    value={l + 1}
                    defaultChecked={result?.answers[i] === l + 1}
                    required
                  />{" "}
                  <span>{text}</span>
                </label>
              ))}
            </fieldset>
          );
        })}
        <button type="submit" className="button">
          Visa min nivå
        </button>
      </Form>

      {earlier.length > 0 ? (
        <section className="section" aria-labelledby="earlier">
          <h2 id="earlier">Dina tidigare resultat</h2>
          <ul>
            {earlier.map((r) => (
              <li key={r.id}>
                {formatDate(r.at)}: nivå {r.level} – {MATURITY_LEVELS[r.level - 1].name}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Självskattning: ${data.questionnaire.theme.name} – Lärdom` : "Lärdom" },
];
