import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";

import { getQuestionnaire, QuestionnaireConflict, saveQuestionnaire } from "~/models/assessment.server";
import { getDb } from "~/utils/db.server";
import { notFound } from "~/utils/http.server";
import { MATURITY_LEVELS } from "~/utils/maturity";
import { slugParam } from "~/utils/params.server";
import { requireEditor } from "~/utils/permissions.server";
import { readForm } from "~/utils/request.server";

/** Room for this many new questions below the existing ones; save to get more. */
const EMPTY_SLOTS = 2;
const MAX_QUESTIONS = 20;
const text = (max: number) => z.string().trim().max(max, `får vara högst ${max} tecken`);

const Slot = z
  .object({ text: text(300), levels: z.array(text(300)).length(5) })
  .superRefine((q, ctx) => {
    if (q.text && q.levels.some((l) => !l)) ctx.addIssue({ code: "custom", message: "Skriv ett svar för var och en av de fem nivåerna." });
    if (!q.text && q.levels.some(Boolean)) ctx.addIssue({ code: "custom", message: "Skriv frågan, eller töm svaren för att ta bort den." });
  });

const QuestionnaireForm = z.object({
  // The version the editor loaded; without it a save could not be checked against others'.
  version: z.string().regex(/^\d{1,9}$/, "Formuläret saknar version; ladda om sidan.").transform(Number),
  intro: text(1000),
  questions: z.array(Slot).max(MAX_QUESTIONS + EMPTY_SLOTS),
});

/** The form's flat fields (q0.text, q0.level1 …) as the schema's shape. */
function fromForm(form: FormData) {
  const slots = Number(form.get("slots"));
  const count = Number.isInteger(slots) && slots >= 0 && slots <= MAX_QUESTIONS + EMPTY_SLOTS ? slots : 0;
  const field = (name: string) => String(form.get(name) ?? "");
  return {
    version: field("version"),
    intro: field("intro"),
    questions: Array.from({ length: count }, (_, i) => ({
      text: field(`q${i}.text`),
      levels: [1, 2, 3, 4, 5].map((l) => field(`q${i}.level${l}`)),
    })),
  };
}

async function themeOf(slug: string | undefined) {
  const questionnaire = await getQuestionnaire(getDb(), { themeSlug: slugParam(slug, "Temat") });
  if (!questionnaire) throw notFound("Temat finns inte.");
  return questionnaire;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireEditor(request);
  return json({ questionnaire: await themeOf(params.slug) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  await requireEditor(request);
  const { theme } = await themeOf(params.slug);
  const submitted = fromForm(await readForm(request));
  const parsed = QuestionnaireForm.safeParse(submitted);
  if (!parsed.success) {
    const errors = Object.fromEntries(parsed.error.issues.map((i) => [i.path.slice(0, 2).join("."), i.message]));
    return json({ errors, submitted }, { status: 400 });
  }
  const { version, intro, questions } = parsed.data;
  try {
    await saveQuestionnaire(getDb(), { themeId: theme.id, version, intro, questions: questions.filter((q) => q.text) });
  } catch (error) {
    if (!(error instanceof QuestionnaireConflict)) throw error;
    const message =
      "Någon annan sparade frågorna medan du skrev. Dina ändringar visas nedan: spara igen för att ersätta de andras, eller ladda om sidan för att se dem.";
    const current = await themeOf(params.slug);
    return json({ errors: { form: message }, submitted: { ...submitted, version: String(current.version) } }, { status: 409 });
  }
  return redirect(`/themes/${theme.slug}/assessment`);
}

export default function EditAssessment() {
  const { questionnaire: q } = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>();
  const errors: Record<string, string> = refused?.errors ?? {};
  // After a refused save the form shows what was typed, not what is stored: nothing is lost.
  const slots = refused?.submitted.questions ?? [
    ...q.questions.map((x) => ({ text: x.text, levels: x.levels as string[] })),
    ...Array.from({ length: EMPTY_SLOTS }, () => ({ text: "", levels: ["", "", "", "", ""] })),
  ];
  const intro = refused?.submitted.intro ?? q.intro;
  return (
    <div>
      <nav className="breadcrumb" aria-label="Brödsmulor">
        <Link to={`/themes/${q.theme.slug}`}>{q.theme.name}</Link>
      </nav>
      <h1>Självskattning: {q.theme.name}</h1>
      <p className="muted">
        Varje fråga har ett svar per nivå, från {MATURITY_LEVELS[0].name.toLowerCase()} till{" "}
        {MATURITY_LEVELS[4].name.toLowerCase()}. Töm en frågas alla fält för att ta bort den. Läsarnas sparade
        resultat påverkas inte.
      </p>
      {errors.form ? <p className="field-error" role="alert">{errors.form}</p> : null}
      <Form method="post" className="assessment-editor">
        <input type="hidden" name="version" value={refused?.submitted.version ?? q.version} />
        <input type="hidden" name="slots" value={slots.length} />
        <div className="field">
          <label htmlFor="intro">Inledning</label>
          <textarea id="intro" name="intro" rows={3} defaultValue={intro} />
        </div>
        {slots.map((slot, i) => (
          <fieldset key={i} className="question" aria-describedby={errors[`questions.${i}`] ? `q${i}-error` : undefined}>
            <legend>{i < q.questions.length ? `Fråga ${i + 1}` : "Ny fråga"}</legend>
            {errors[`questions.${i}`] ? <p className="field-error" id={`q${i}-error`}>{errors[`questions.${i}`]}</p> : null}
            <div className="field">
              <label htmlFor={`q${i}.text`}>Fråga</label>
              <input id={`q${i}.text`} name={`q${i}.text`} defaultValue={slot.text} />
            </div>
            {MATURITY_LEVELS.map((level, l) => (
              <div className="field" key={level.level}>
                <label htmlFor={`q${i}.level${l + 1}`}>
                  Nivå {level.level}: {level.name}
                </label>
                <input id={`q${i}.level${l + 1}`} name={`q${i}.level${l + 1}`} defaultValue={slot.levels[l]} />
              </div>
            ))}
          </fieldset>
        ))}
        <button type="submit" className="button">
          Spara frågorna
        </button>
      </Form>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Redigera självskattning – Lärdom" }];
