import { Form, Link } from "@remix-run/react";
import { forwardRef } from "react";

import type { Question, Recommendation } from "~/models/assessment.server";
import { useT } from "~/i18n";
import { recordUrl } from "~/utils/labels";
import { MATURITY_LEVELS } from "~/utils/maturity";

import { RecordGrid } from "./record-card";

/**
 * The parts of a theme's self-assessment page: the questions (Swedish content, in a form of
 * radio buttons, each question's error tied to it) and the result with what to read next.
 */

export function AssessmentQuestions({
  questions,
  errors,
  answers,
}: {
  questions: Question[];
  errors: Record<string, string> | null | undefined;
  answers: number[] | undefined;
}) {
  const t = useT();
  return (
    <Form method="post" className="assessment" noValidate>
      {questions.map((q, i) => {
        const error = errors?.[`q${q.id}`];
        return (
          <fieldset key={q.id} className="question" aria-describedby={error ? `q${q.id}-error` : undefined}>
            <legend>
              {i + 1}. <span lang="sv">{q.text}</span>
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
                  defaultChecked={answers?.[i] === l + 1}
                  aria-invalid={error ? true : undefined}
                  required
                />{" "}
                <span lang="sv">{text}</span>
              </label>
            ))}
          </fieldset>
        );
      })}
      <button type="submit" className="button">
        {t("Visa min nivå", "Show my level")}
      </button>
    </Form>
  );
}

/** What the self-assessment gives back: the level, what it means and what to read for the next. */

export const AssessmentResult = forwardRef<HTMLElement, { level: number; saved: boolean; recommendation: Recommendation }>(
  function AssessmentResult({ level: value, saved, recommendation }, ref) {
    const t = useT();
    const level = MATURITY_LEVELS[value - 1];
    return (
      <section ref={ref} tabIndex={-1} className="section card assessment-result" aria-labelledby="result">
        <h2 id="result">
          {t("Er nivå:", "Your level:")} {level.level} – {t(level.name)}
        </h2>
        <p>{t(level.meaning)}</p>
        {saved ? <p className="muted">{t("Resultatet är sparat.", "The result is saved.")}</p> : null}
        <h3>{t(`Nästa steg mot nivå ${recommendation.nextLevel}`, `The next step towards level ${recommendation.nextLevel}`)}</h3>
        <p>{t(recommendation.advice)}</p>
        {recommendation.path ? (
          <p>
            {t("Lärväg:", "Reading path:")}{" "}
            <Link to={`/paths/${recommendation.path.slug}`} lang="sv">
              {recommendation.path.title}
            </Link>
          </p>
        ) : recommendation.suggested.length > 0 ? (
          <>
            <p>{t("En väg genom temats material:", "A route through the theme's material:")}</p>
            <ol>
              {recommendation.suggested.map((r) => (
                <li key={r.id}>
                  <Link to={recordUrl(r.kind, r.slug)} lang={r.language}>
                    {r.title}
                  </Link>
                </li>
              ))}
            </ol>
          </>
        ) : null}
        <RecordGrid
          records={recommendation.records}
          empty={t("Temat har inget material för nästa steg ännu.", "The theme has no material for the next step yet.")}
        />
      </section>
    );
  },
);
