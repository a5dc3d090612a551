import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { z } from "zod";

import { AssessmentQuestions, AssessmentResult } from "~/components/self-assessment";
import { metaT, useT, type Translate } from "~/i18n";
import { requestT } from "~/i18n/lang.server";
import { getQuestionnaire, recommendationFor, resultsOf, saveResult, type Questionnaire } from "~/models/assessment.server";
import { getAccess } from "~/utils/access.server";
import { getDb } from "~/utils/db.server";
import { notFound } from "~/utils/http.server";
import { MATURITY_LEVELS, maturityLevel } from "~/utils/maturity";
import { slugParam } from "~/utils/params.server";
import { isEditor } from "~/utils/permissions.server";
import { readForm } from "~/utils/request.server";
import { getUser } from "~/utils/session.server";

/** One answer per question, 1–5; the message is what the reader sees beside the question. */
function answersSchema(questionnaire: Questionnaire, t: Translate) {
  const message = t("Välj det svar som passar bäst.", "Choose the answer that fits best.");
  const answer = z.coerce.number({ message }).int(message).min(1, message).max(5, message);
  return z.object(Object.fromEntries(questionnaire.questions.map((q) => [`q${q.id}`, answer])));
}

async function loadQuestionnaire(slug: string | undefined) {
  const questionnaire = await getQuestionnaire(getDb(), { themeSlug: slugParam(slug, { sv: "Temat", en: "The theme" }) });
  if (!questionnaire || questionnaire.questions.length === 0) {
    throw notFound({ sv: "Temat har ingen självskattning.", en: "The theme has no self-assessment." });
  }
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
  const parsed = answersSchema(questionnaire, await requestT(request)).safeParse(form);
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

/** The theme's name on this page: English where the theme has one and the page is English. */
function themeName(t: Translate, theme: { name: string; nameEn: string }) {
  const english = t.lang === "en" && theme.nameEn.trim() !== "";
  return { text: english ? theme.nameEn : theme.name, lang: english ? "en" : "sv" };
}

export default function AssessmentPage() {
  const t = useT();
  const { questionnaire, signedIn, canEdit, earlier } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const result = data?.result ?? null;
  const theme = themeName(t, questionnaire.theme);
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
        <nav aria-label={t("Brödsmulor", "Breadcrumb")} className="breadcrumb">
          <Link to={`/themes/${questionnaire.theme.slug}`} lang={theme.lang}>
            {theme.text}
          </Link>
        </nav>
        <h1>
          {t("Självskattning:", "Self-assessment:")} <span lang={theme.lang}>{theme.text}</span>
        </h1>
        <p className="lead" lang="sv">
          {questionnaire.intro}
        </p>
        <p className="muted">
          {t(
            "Välj för varje fråga det svar som bäst beskriver hur det är hos er i dag. Din nivå blir den lägre medianen av svaren: minst hälften av svaren ligger på den nivån eller högre.",
            "For each question, choose the answer that best describes how things are in your organisation today. Your level is the lower median of your answers: at least half of them are at that level or higher.",
          )}{" "}
          {signedIn
            ? t("Resultatet sparas så att du kan följa din utveckling.", "The result is saved so that you can follow your progress.")
            : t("Logga in om du vill spara resultatet.", "Sign in if you want to save the result.")}
          {canEdit ? (
            <>
              {" "}
              <Link to={`/manage/assessments/${questionnaire.theme.slug}`}>{t("Redigera frågorna", "Edit the questions")}</Link>
            </>
          ) : null}
        </p>
      </header>

      {result ? <AssessmentResult ref={resultRef} level={result.level} saved={result.saved} recommendation={result.recommendation} /> : null}

      <AssessmentQuestions questions={questionnaire.questions} errors={data?.errors} answers={result?.answers} />

      {earlier.length > 0 ? (
        <section className="section" aria-labelledby="earlier">
          <h2 id="earlier">{t("Dina tidigare resultat", "Your earlier results")}</h2>
          <ul>
            {earlier.map((r) => (
              <li key={r.id}>
                {t.date(r.at)}: {t("nivå", "level")} {r.level} – {t(MATURITY_LEVELS[r.level - 1].name)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaT(matches);
  return [{ title: data ? `${t("Självskattning:", "Self-assessment:")} ${themeName(t, data.questionnaire.theme).text} – Lärdom` : "Lärdom" }];
};
