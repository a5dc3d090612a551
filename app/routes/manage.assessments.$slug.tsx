import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";

import { AssessmentEditor } from "~/components/assessment-editor";
import { perLanguage, withoutNul } from "~/forms/lang";
import { metaT, useT, type Translate } from "~/i18n";
import { requestT } from "~/i18n/lang.server";
import { getQuestionnaire, QuestionnaireConflict, saveQuestionnaire } from "~/models/assessment.server";
import { getDb } from "~/utils/db.server";
import { notFound } from "~/utils/http.server";
import { slugParam } from "~/utils/params.server";
import { requireEditor } from "~/utils/permissions.server";
import { readForm } from "~/utils/request.server";

/** Room for this many new questions below the existing ones; save to get more. */
const EMPTY_SLOTS = 2;
const MAX_QUESTIONS = 20;
/** The form's schema, with messages in the reader's language. */
const questionnaireForm = perLanguage((t: Translate) => {
  const text = (max: number) =>
    z
      .string()
      .trim()
      .max(max, t(`får vara högst ${max} tecken`, `may be at most ${max.toLocaleString("en-GB")} characters`))
      .regex(...withoutNul(t));
  const slot = z
    .object({ text: text(300), levels: z.array(text(300)).length(5) })
    .superRefine((q, ctx) => {
      if (q.text && q.levels.some((l) => !l)) {
        ctx.addIssue({ code: "custom", message: t("Skriv ett svar för var och en av de fem nivåerna.", "Write an answer for each of the five levels.") });
      }
      if (!q.text && q.levels.some(Boolean)) {
        ctx.addIssue({ code: "custom", message: t("Skriv frågan, eller töm svaren för att ta bort den.", "Write the question, or empty the answers to remove it.") });
      }
    });
  return z.object({
    // The version the editor loaded; without it a save could not be checked against others'.
    version: z
      .string()
      .regex(/^\d{1,9}$/, t("Formuläret saknar version; ladda om sidan.", "The form has no version; reload the page."))
      .transform(Number),
    intro: text(1000),
    questions: z.array(slot).max(MAX_QUESTIONS + EMPTY_SLOTS),
  });
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
  const questionnaire = await getQuestionnaire(getDb(), { themeSlug: slugParam(slug, { sv: "Temat", en: "The theme" }) });
  if (!questionnaire) throw notFound({ sv: "Temat finns inte.", en: "The theme does not exist." });
  return questionnaire;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireEditor(request);
  return json({ questionnaire: await themeOf(params.slug) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  await requireEditor(request);
  const { theme } = await themeOf(params.slug);
  const t = await requestT(request);
  const submitted = fromForm(await readForm(request));
  const parsed = questionnaireForm(t).safeParse(submitted);
  if (!parsed.success) {
    const errors = Object.fromEntries(parsed.error.issues.map((i) => [i.path.slice(0, 2).join("."), i.message]));
    return json({ errors, submitted }, { status: 400 });
  }
  const { version, intro, questions } = parsed.data;
  try {
    await saveQuestionnaire(getDb(), { themeId: theme.id, version, intro, questions: questions.filter((q) => q.text) });
  } catch (error) {
    if (!(error instanceof QuestionnaireConflict)) throw error;
    const message = t(
      "Någon annan sparade frågorna medan du skrev. Dina ändringar visas nedan: spara igen för att ersätta de andras, eller ladda om sidan för att se dem.",
      "Someone else saved the questions while you were writing. Your changes are shown below: save again to replace theirs, or reload the page to see them.",
    );
    const current = await themeOf(params.slug);
    return json({ errors: { form: message }, submitted: { ...submitted, version: String(current.version) } }, { status: 409 });
  }
  return redirect(`/themes/${theme.slug}/assessment`);
}

export default function EditAssessment() {
  const { questionnaire: q } = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>();
  const t = useT();
  const english = t.lang === "en" && q.theme.nameEn ? q.theme.nameEn : null;
  const [themeName, themeLang] = english ? [english, "en"] : [q.theme.name, "sv"];
  // After a refused save the form shows what was typed, not what is stored: nothing is lost.
  const slots = refused?.submitted.questions ?? [
    ...q.questions.map((x) => ({ text: x.text, levels: x.levels as string[] })),
    ...Array.from({ length: EMPTY_SLOTS }, () => ({ text: "", levels: ["", "", "", "", ""] })),
  ];
  return (
    <div>
      <nav className="breadcrumb" aria-label={t("Brödsmulor", "Breadcrumbs")}>
        <Link to={`/themes/${q.theme.slug}`} lang={themeLang}>
          {themeName}
        </Link>
      </nav>
      <h1>
        {t("Självskattning:", "Self-assessment:")} <span lang={themeLang}>{themeName}</span>
      </h1>
      <AssessmentEditor
        version={refused?.submitted.version ?? q.version}
        intro={refused?.submitted.intro ?? q.intro}
        slots={slots}
        existing={q.questions.length}
        errors={refused?.errors ?? {}}
      />
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => [
  { title: `${metaT(matches)("Redigera självskattning", "Edit self-assessment")} – Lärdom` },
];
