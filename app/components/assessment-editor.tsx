import { Form } from "@remix-run/react";

import { useT } from "~/i18n";
import { MATURITY_LEVELS } from "~/utils/maturity";

export interface QuestionSlot {
  text: string;
  levels: string[];
}

/**
 * The questionnaire editor of /manage/assessments/:slug: the intro, then each question with one
 * answer per maturity level. The questions and answers are Swedish content.
 */
export function AssessmentEditor({
  version,
  intro,
  slots,
  existing,
  errors,
}: {
  version: string | number;
  intro: string;
  slots: QuestionSlot[];
  /** How many of the slots are stored questions; the rest are new. */
  existing: number;
  errors: Record<string, string>;
}) {
  const t = useT();
  return (
    <>
      <p className="muted">
        {t(
          `Varje fråga har ett svar per nivå, från ${t(MATURITY_LEVELS[0].name).toLowerCase()} till ${t(MATURITY_LEVELS[4].name).toLowerCase()}. Töm en frågas alla fält för att ta bort den. Läsarnas sparade resultat påverkas inte.`,
          `Each question has one answer per level, from ${t(MATURITY_LEVELS[0].name).toLowerCase()} to ${t(MATURITY_LEVELS[4].name).toLowerCase()}. Empty all of a question's fields to remove it. Readers' saved results are not affected.`,
        )}
      </p>
      {errors.form ? (
        <p className="field-error" role="alert">
          {errors.form}
        </p>
      ) : null}
      <Form method="post" className="assessment-editor">
        <input type="hidden" name="version" value={version} />
        <input type="hidden" name="slots" value={slots.length} />
        <div className="field">
          <label htmlFor="intro">{t("Inledning", "Introduction")}</label>
          <textarea id="intro" name="intro" rows={3} defaultValue={intro} lang="sv" />
        </div>
        {slots.map((slot, i) => (
          <fieldset key={i} className="question" aria-describedby={errors[`questions.${i}`] ? `q${i}-error` : undefined}>
            <legend>{i < existing ? t(`Fråga ${i + 1}`, `Question ${i + 1}`) : t("Ny fråga", "New question")}</legend>
            {errors[`questions.${i}`] ? (
              <p className="field-error" id={`q${i}-error`}>
                {errors[`questions.${i}`]}
              </p>
            ) : null}
            <div className="field">
              <label htmlFor={`q${i}.text`}>{t("Fråga", "Question")}</label>
              <input id={`q${i}.text`} name={`q${i}.text`} defaultValue={slot.text} lang="sv" />
            </div>
            {MATURITY_LEVELS.map((level, l) => (
              <div className="field" key={level.level}>
                <label htmlFor={`q${i}.level${l + 1}`}>
                  {t("Nivå", "Level")} {level.level}: {t(level.name)}
                </label>
                <input id={`q${i}.level${l + 1}`} name={`q${i}.level${l + 1}`} defaultValue={slot.levels[l]} lang="sv" />
              </div>
            ))}
          </fieldset>
        ))}
        <button type="submit" className="button">
          {t("Spara frågorna", "Save the questions")}
        </button>
      </Form>
    </>
  );
}
