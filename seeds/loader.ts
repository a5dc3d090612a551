import type { Kysely, Transaction } from "kysely";

import { writeQuestionnaire } from "../app/models/assessment.server";
import type { Database, RecordKind } from "../db/schema";
import { idBySlug, recordIdBySlug } from "./lookup";
import { readSeedDirectory, SeedError, type Parsed, type ParsedRecord, type SeedProblem } from "./read";
import { applyRecord } from "./records";
import type { AssessmentSeed, OrganisationSeed, PathSeed, PracticeSeed, ThemeSeed } from "./schema";

export { formatProblem, readSeedDirectory, SeedError, type SeedProblem } from "./read";

export interface SeedCounts {
  themes: number;
  organisations: number;
  practices: number;
  events: number;
  activities: number;
  paths: number;
  assessments: number;
}

const RECORD_FOLDERS = { practice: "practices", event: "events", activity: "activities" } as const;

/**
 * Loads a directory in the seeds format (DESIGN.md) into the database: validates every file
 * first, then upserts by slug in one transaction. Any problem, in validation or against the
 * database, throws a SeedError naming file and field, and leaves the database as it was.
 */
export async function loadSeedDirectory(db: Kysely<Database>, dir: string): Promise<SeedCounts> {
  const seeds = await readSeedDirectory(dir);
  return db.transaction().execute(async (trx) => {
    const problems: SeedProblem[] = [];
    await applyThemes(trx, seeds.themes, problems);
    await applyOrganisations(trx, seeds.organisations, problems);
    const records = [
      ...seeds.practices.map((p) => ({ kind: "practice" as const, ...p })),
      ...seeds.events.map((p) => ({ kind: "event" as const, ...p })),
      ...seeds.activities.map((p) => ({ kind: "activity" as const, ...p })),
    ];
    for (const record of records) await attempt(problems, record.file, () => applyRecord(trx, record, problems));
    for (const practice of seeds.practices) {
      await attempt(problems, practice.file, () => applyPracticeLinks(trx, practice, problems));
    }
    for (const p of seeds.paths) await attempt(problems, p.file, () => applyPath(trx, p, problems));
    for (const a of seeds.assessments) await attempt(problems, a.file, () => applyAssessment(trx, a, problems));
    if (problems.length > 0) throw new SeedError(problems);
    return {
      themes: seeds.themes.length,
      organisations: seeds.organisations.length,
      practices: seeds.practices.length,
      events: seeds.events.length,
      activities: seeds.activities.length,
      paths: seeds.paths.length,
      assessments: seeds.assessments.length,
    };
  });
}

/** True when nothing has been loaded yet: `npm start` seeds only such a database. */
export async function isDatabaseEmpty(db: Kysely<Database>): Promise<boolean> {
  const row = await db
    .selectNoFrom((eb) => [
      eb.exists(eb.selectFrom("themes").select("id")).as("themes"),
      eb.exists(eb.selectFrom("records").select("id")).as("records"),
    ])
    .executeTakeFirstOrThrow();
  return !Number(row.themes) && !Number(row.records);
}

/** Runs one file's writes; a database error becomes a problem of that file. */
async function attempt(problems: SeedProblem[], file: string, work: () => Promise<void>) {
  try {
    await work();
  } catch (error) {
    if (error instanceof SeedError) throw error;
    problems.push({ file, field: "", message: `databasen vägrade: ${(error as Error).message}` });
  }
}

// ---------------------------------------------------------------------------------------------
// Writing

type Trx = Transaction<Database>;

async function applyThemes(trx: Trx, themes: Parsed<ThemeSeed>[], problems: SeedProblem[]) {
  const bySlug = new Map(themes.map((t) => [t.slug, t]));
  // Parents first, so a child can find its parent's id.
  const ordered = [...themes].sort((a, b) => Number(!!a.value.parent) - Number(!!b.value.parent));
  for (const [position, theme] of ordered.entries()) {
    const { value } = theme;
    let parentId: number | null = null;
    if (value.parent) {
      const parent = await trx
        .selectFrom("themes")
        .select(["id", "level"])
        .where("slug", "=", value.parent)
        .executeTakeFirst();
      const parentSeed = bySlug.get(value.parent);
      if (!parent) {
        problems.push({ file: theme.file, field: "parent", message: `okänt tema "${value.parent}"` });
        continue;
      }
      if (parent.level !== 1 || parentSeed?.value.parent) {
        problems.push({ file: theme.file, field: "parent", message: `"${value.parent}" är själv ett undertema; teman har två nivåer` });
        continue;
      }
      parentId = parent.id;
    }
    const row = {
      slug: value.slug,
      name: value.name,
      name_en: value.name_en,
      summary: value.summary,
      position,
      level: (parentId === null ? 1 : 2) as 1 | 2,
      parent_id: parentId,
      parent_level: parentId === null ? null : (1 as const),
    };
    await attempt(problems, theme.file, async () => {
      await trx
        .insertInto("themes")
        .values(row)
        .onConflict((oc) => oc.column("slug").doUpdateSet(row))
        .execute();
    });
  }
}

async function applyOrganisations(trx: Trx, organisations: Parsed<OrganisationSeed>[], problems: SeedProblem[]) {
  for (const { file, value } of organisations) {
    await attempt(problems, file, async () => {
      await trx
        .insertInto("organisations")
        .values(value)
        .onConflict((oc) => oc.column("slug").doUpdateSet(value))
        .execute();
    });
  }
}

async function applyPracticeLinks(trx: Trx, practice: ParsedRecord<PracticeSeed>, problems: SeedProblem[]) {
  const id = await recordIdBySlug(trx, "practice", practice.slug);
  if (!id) return; // its own problem was already reported
  await trx.deleteFrom("record_links").where("from_id", "=", id).execute();
  const links = [
    { type: "adopted_from" as const, field: "adopted_from", kind: "practice" as const, slug: practice.value.adopted_from },
    { type: "from_event" as const, field: "from_event", kind: "event" as const, slug: practice.value.from_event },
  ];
  for (const link of links) {
    if (!link.slug) continue;
    const toId = await recordIdBySlug(trx, link.kind, link.slug);
    if (!toId) {
      problems.push({ file: practice.file, field: link.field, message: `okänd ${link.kind === "event" ? "träff" : "praktik"} "${link.slug}"` });
      continue;
    }
    await trx
      .insertInto("record_links")
      .values({ type: link.type, from_id: id, from_kind: "practice", to_id: toId, to_kind: link.kind })
      .execute();
  }
}

async function applyPath(trx: Trx, seed: Parsed<PathSeed>, problems: SeedProblem[]) {
  const { value, file } = seed;
  const before = problems.length;
  const themeId = await idBySlug(trx, "themes", value.theme);
  if (!themeId) problems.push({ file, field: "theme", message: `okänt tema "${value.theme}"` });
  const kindOfFolder = Object.fromEntries(Object.entries(RECORD_FOLDERS).map(([k, f]) => [f, k])) as Record<
    string,
    RecordKind
  >;
  const steps: { record_id: number; note: string; optional: 0 | 1 }[] = [];
  for (const [i, step] of value.steps.entries()) {
    const [folder, slug] = step.entry.split("/");
    const recordId = await recordIdBySlug(trx, kindOfFolder[folder], slug);
    if (!recordId) problems.push({ file, field: `steps[${i}].entry`, message: `"${step.entry}" finns inte` });
    else if (steps.some((s) => s.record_id === recordId)) {
      problems.push({ file, field: `steps[${i}].entry`, message: `"${step.entry}" finns redan i lärvägen` });
    } else steps.push({ record_id: recordId, note: step.note, optional: step.optional ? 1 : 0 });
  }
  if (problems.length > before || !themeId) return;

  const row = {
    slug: seed.slug,
    title: value.title,
    summary: value.summary,
    audience: value.audience,
    theme_id: themeId,
    status: "published" as const,
  };
  const { id } = await trx
    .insertInto("paths")
    .values(row)
    .onConflict((oc) => oc.column("slug").doUpdateSet(row))
    .returning("id")
    .executeTakeFirstOrThrow();
  // Progress is keyed by record, not by step row, so rebuilding the steps keeps readers' progress.
  await trx.deleteFrom("path_steps").where("path_id", "=", id).execute();
  await trx
    .insertInto("path_steps")
    .values(steps.map((s, position) => ({ path_id: id, position, ...s })))
    .execute();
}

async function applyAssessment(trx: Trx, seed: Parsed<AssessmentSeed>, problems: SeedProblem[]) {
  const themeId = await idBySlug(trx, "themes", seed.value.theme);
  if (!themeId) {
    problems.push({ file: seed.file, field: "theme", message: `okänt tema "${seed.value.theme}"` });
    return;
  }
  await writeQuestionnaire(trx, { themeId, intro: seed.value.intro, questions: seed.value.questions });
}
