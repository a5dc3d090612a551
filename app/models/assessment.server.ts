import type { Kysely } from "kysely";

import type { ActivityLevel, Database } from "../../db/schema";
import type { Text } from "../i18n";
import type { Access } from "../utils/access.server";
import { listPaths, type PathListItem } from "./path.server";
import type { RecordSummary } from "./record.server";
import { getLearningCycle, suggestedPath, type LearningCycle } from "./theme.server";

export interface Question {
  id: number;
  text: string;
  /** What the situation looks like at levels 1 to 5, in order. */
  levels: [string, string, string, string, string];
}

/** The intro, questions and answers are Swedish content; the theme's name has an English form. */
export interface Questionnaire {
  theme: { id: number; slug: string; name: string; nameEn: string };
  intro: string;
  version: number;
  questions: Question[];
}

/** A theme's questionnaire, or null when it has none (or no questions). */
export async function getQuestionnaire(db: Kysely<Database>, { themeSlug }: { themeSlug: string }): Promise<Questionnaire | null> {
  const head = await db
    .selectFrom("themes as t")
    .leftJoin("assessments as a", "a.theme_id", "t.id")
    .select(["t.id", "t.slug", "t.name", "t.name_en", "a.intro", "a.version"])
    .where("t.slug", "=", themeSlug)
    .executeTakeFirst();
  if (!head) return null;
  const rows = await db
    .selectFrom("assessment_questions")
    .selectAll()
    .where("theme_id", "=", head.id)
    .orderBy("position")
    .execute();
  return {
    theme: { id: head.id, slug: head.slug, name: head.name, nameEn: head.name_en },
    intro: head.intro ?? "",
    version: head.version ?? 0,
    questions: rows.map((r) => ({ id: r.id, text: r.text, levels: [r.level_1, r.level_2, r.level_3, r.level_4, r.level_5] })),
  };
}

/** Slugs of the themes that have a questionnaire, for links from theme pages. */
export async function themesWithQuestionnaire(db: Kysely<Database>): Promise<Set<string>> {
  const rows = await db
    .selectFrom("themes as t")
    .select("t.slug")
    .where((eb) => eb.exists(eb.selectFrom("assessment_questions as q").select("q.id").whereRef("q.theme_id", "=", "t.id")))
    .execute();
  return new Set(rows.map((r) => r.slug));
}

/**
 * What to read next for the level above the reader's: the stages of the learning cycle and the
 * activity levels that fit the step up. Newcomers start with examples and introductions; the
 * mature go to advanced courses and to what others have applied.
 */
const NEXT_STEP: Record<number, { stages: (keyof LearningCycle)[]; activityLevels: ActivityLevel[]; advice: Text }> = {
  2: {
    stages: ["inspire", "develop"],
    activityLevels: ["intro"],
    advice: {
      sv: "Börja med att se hur andra har gjort, och skaffa er en gemensam grund med en introduktion.",
      en: "Start by seeing how others have done it, and build a shared foundation with an introduction.",
    },
  },
  3: {
    stages: ["exchange", "develop"],
    activityLevels: ["intro", "intermediate"],
    advice: {
      sv: "Skriv ner och enas om era arbetssätt. Träffar med andra företag visar vad som brukar fungera.",
      en: "Write down and agree on your ways of working. Meeting other companies shows what tends to work.",
    },
  },
  4: {
    stages: ["develop", "apply"],
    activityLevels: ["intermediate", "advanced"],
    advice: {
      sv: "Börja mäta det ni gör och styr efter siffrorna; fördjupningar och tillämpade exempel visar hur.",
      en: "Start measuring what you do and steer by the figures; in-depth courses and applied examples show how.",
    },
  },
  5: {
    stages: ["apply", "develop"],
    activityLevels: ["advanced"],
    advice: {
      sv: "Gör förbättringarna till vardag – och dela det ni har lärt er som ett eget gott exempel.",
      en: "Make improvement part of everyday work – and share what you have learnt as a good practice of your own.",
    },
  },
};

const RECORDS_PER_STAGE = 3;

export interface Recommendation {
  /** The level the advice aims at: one above the reader's (5 stays 5). */
  nextLevel: number;
  advice: Text;
  path: PathListItem | null;
  /** Where no path is curated: steps made from the theme's material. */
  suggested: RecordSummary[];
  records: RecordSummary[];
}

export async function recommendationFor(
  db: Kysely<Database>,
  { themeSlug, level, access }: { themeSlug: string; level: number; access: Access },
): Promise<Recommendation> {
  const nextLevel = Math.min(5, level + 1);
  const step = NEXT_STEP[nextLevel];
  const cycle = await getLearningCycle(db, { slug: themeSlug, access });
  const records = step.stages.flatMap((stage) => {
    const all = cycle[stage];
    const fitting = stage === "develop" ? all.filter((r) => r.level && step.activityLevels.includes(r.level)) : all;
    return (fitting.length > 0 ? fitting : all).slice(0, RECORDS_PER_STAGE);
  });
  const [path] = await listPaths(db, { themeSlug });
  return {
    nextLevel,
    advice: step.advice,
    path: path ?? null,
    suggested: path ? [] : suggestedPath(cycle).map((s) => s.record),
    records,
  };
}

export async function saveResult(
  db: Kysely<Database>,
  { userId, themeId, answers, level }: { userId: number; themeId: number; answers: number[]; level: number },
): Promise<void> {
  await db
    .insertInto("assessment_results")
    .values({ user_id: userId, theme_id: themeId, answers: JSON.stringify(answers), level })
    .execute();
}

/** A reader's own earlier results for a theme, newest first. */
export async function resultsOf(db: Kysely<Database>, { userId, themeId }: { userId: number; themeId: number }) {
  const rows = await db
    .selectFrom("assessment_results")
    .select(["id", "level", "created_at"])
    .where("user_id", "=", userId)
    .where("theme_id", "=", themeId)
    .orderBy("id", "desc")
    .limit(20)
    .execute();
  return rows.map((r) => ({ id: r.id, level: r.level, at: r.created_at }));
}

export class QuestionnaireConflict extends Error {}

/**
 * Replaces a theme's questionnaire. `version` is the one the editor loaded: if someone saved in
 * between, nothing is written and QuestionnaireConflict is thrown. Readers' results stay.
 */
export async function saveQuestionnaire(
  db: Kysely<Database>,
  { themeId, version, intro, questions }: QuestionnaireContent & { themeId: number; version: number },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const current = await trx.selectFrom("assessments").select("version").where("theme_id", "=", themeId).executeTakeFirst();
    if ((current?.version ?? 0) !== version) throw new QuestionnaireConflict();
    await writeQuestionnaire(trx, { themeId, intro, questions });
  });
}

export interface QuestionnaireContent {
  intro: string;
  questions: { text: string; levels: string[] }[];
}

/**
 * Writes a questionnaire inside the caller's transaction and moves its version on; unchanged
 * content is left alone, so loading the same seeds twice changes nothing.
 */
export async function writeQuestionnaire(
  trx: Kysely<Database>,
  { themeId, intro, questions }: QuestionnaireContent & { themeId: number },
): Promise<void> {
  const existing = await getQuestionnaireById(trx, themeId);
  if (
    existing &&
    existing.intro === intro &&
    JSON.stringify(existing.questions.map((q) => [q.text, q.levels])) === JSON.stringify(questions.map((q) => [q.text, q.levels]))
  ) {
    return;
  }
  const version = (existing?.version ?? 0) + 1;
  await trx
    .insertInto("assessments")
    .values({ theme_id: themeId, intro, version })
    .onConflict((oc) => oc.column("theme_id").doUpdateSet({ intro, version }))
    .execute();
  await trx.deleteFrom("assessment_questions").where("theme_id", "=", themeId).execute();
  if (questions.length === 0) return;
  await trx
    .insertInto("assessment_questions")
    .values(
      questions.map((q, position) => ({
        theme_id: themeId,
        position,
        text: q.text,
        level_1: q.levels[0],
        level_2: q.levels[1],
        level_3: q.levels[2],
        level_4: q.levels[3],
        level_5: q.levels[4],
      })),
    )
    .execute();
}

async function getQuestionnaireById(db: Kysely<Database>, themeId: number) {
  const theme = await db.selectFrom("themes").select("slug").where("id", "=", themeId).executeTakeFirst();
  return theme ? getQuestionnaire(db, { themeSlug: theme.slug }) : null;
}
