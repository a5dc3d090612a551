import fs from "node:fs/promises";
import path from "node:path";

import { sql, type Kysely, type Transaction } from "kysely";
import { parseDocument } from "yaml";
import type { z } from "zod";

import { writeQuestionnaire } from "../app/models/assessment.server";
import type { Database, RecordKind } from "../db/schema";
import {
  ActivitySeed,
  AssessmentSeed,
  EventSeed,
  OrganisationSeed,
  PathSeed,
  PracticeSeed,
  SLUG_PATTERN,
  ThemeSeed,
} from "./schema";

/** One thing wrong with a seed directory, named by file and field. */
export interface SeedProblem {
  file: string;
  field: string;
  message: string;
}

export class SeedError extends Error {
  constructor(readonly problems: SeedProblem[]) {
    super(problems.map(formatProblem).join("\n"));
    this.name = "SeedError";
  }
}

export function formatProblem(p: SeedProblem): string {
  return p.field ? `${p.file}: ${p.field}: ${p.message}` : `${p.file}: ${p.message}`;
}

export interface SeedCounts {
  themes: number;
  organisations: number;
  practices: number;
  events: number;
  activities: number;
  paths: number;
  assessments: number;
}

interface Parsed<T> {
  file: string;
  slug: string;
  value: T;
}
interface ParsedRecord<T> extends Parsed<T> {
  body: string;
}

interface SeedSet {
  themes: Parsed<ThemeSeed>[];
  organisations: Parsed<OrganisationSeed>[];
  practices: ParsedRecord<PracticeSeed>[];
  events: ParsedRecord<EventSeed>[];
  activities: ParsedRecord<ActivitySeed>[];
  paths: Parsed<PathSeed>[];
  assessments: Parsed<AssessmentSeed>[];
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

// ---------------------------------------------------------------------------------------------
// Reading and validating files

/** Reads and validates every seed file in `dir`; throws a SeedError listing all problems. */
export async function readSeedDirectory(dir: string): Promise<SeedSet> {
  const problems: SeedProblem[] = [];
  // Paths in messages are relative to where the command ran, when the directory is below it.
  const show = (file: string) => {
    const relative = path.relative(process.cwd(), path.join(dir, file));
    return relative.startsWith("..") ? path.join(dir, file) : relative;
  };

  const stat = await fs.stat(dir).catch(() => null);
  if (!stat?.isDirectory()) throw new SeedError([{ file: dir, field: "", message: "katalogen finns inte" }]);

  const list = async <T>(name: string, schema: z.ZodType<T, z.ZodTypeDef, unknown>): Promise<Parsed<T>[]> => {
    const source = await readOptional(path.join(dir, name));
    if (source === null) return [];
    const data = parseYaml(source, show(name), problems);
    if (data === undefined) return [];
    if (!Array.isArray(data)) {
      problems.push({ file: show(name), field: "", message: "ska vara en YAML-lista" });
      return [];
    }
    const items: Parsed<T>[] = [];
    data.forEach((item, i) => {
      const result = schema.safeParse(item);
      if (!result.success) return pushZodProblems(problems, `${show(name)} [${i}]`, result.error, "");
      const value = result.data as T & { slug: string };
      items.push({ file: `${show(name)} [${i}]`, slug: value.slug, value });
    });
    checkUnique(items, show(name), problems);
    return items;
  };

  const folder = async <T>(
    name: string,
    extension: ".md" | ".yaml",
    schema: z.ZodType<T, z.ZodTypeDef, unknown>,
  ): Promise<ParsedRecord<T>[]> => {
    const files = await fs.readdir(path.join(dir, name)).catch(() => [] as string[]);
    const items: ParsedRecord<T>[] = [];
    for (const fileName of files.filter((f) => f.endsWith(extension)).sort()) {
      const file = show(path.join(name, fileName));
      const slug = fileName.slice(0, -extension.length);
      if (!SLUG_PATTERN.test(slug)) {
        problems.push({ file, field: "filnamn", message: "ska vara en slug: små bokstäver a–z, siffror och bindestreck" });
        continue;
      }
      const source = await fs.readFile(path.join(dir, name, fileName), "utf8");
      let front = source;
      let body = "";
      if (extension === ".md") {
        const split = splitFrontMatter(source);
        if (!split) {
          problems.push({ file, field: "front matter", message: "filen ska börja med front matter mellan två rader ---" });
          continue;
        }
        ({ front, body } = split);
        if (!body.trim()) problems.push({ file, field: "brödtext", message: "saknas efter front matter" });
      }
      const data = parseYaml(front, file, problems);
      if (data === undefined) continue;
      const result = schema.safeParse(data ?? {});
      if (!result.success) {
        pushZodProblems(problems, file, result.error, "");
        continue;
      }
      items.push({ file, slug, value: result.data, body: body.trim() });
    }
    return items;
  };

  const seeds: SeedSet = {
    themes: await list("themes.yaml", ThemeSeed),
    organisations: await list("organisations.yaml", OrganisationSeed),
    practices: await folder("practices", ".md", PracticeSeed),
    events: await folder("events", ".md", EventSeed),
    activities: await folder("activities", ".md", ActivitySeed),
    paths: await folder("paths", ".yaml", PathSeed),
    assessments: await list("assessments.yaml", AssessmentSeed),
  };

  for (const p of seeds.practices) {
    if (p.value.adopted_from === p.slug) {
      problems.push({ file: p.file, field: "adopted_from", message: "en praktik kan inte vara hämtad från sig själv" });
    }
  }
  const total = Object.values(seeds).reduce((n, items) => n + items.length, 0);
  if (total === 0 && problems.length === 0) {
    problems.push({ file: dir, field: "", message: "hittade inga seed-filer (themes.yaml, organisations.yaml, practices/, …)" });
  }
  if (problems.length > 0) throw new SeedError(problems);
  return seeds;
}

function splitFrontMatter(source: string): { front: string; body: string } | null {
  const match = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n([\s\S]*))?$/.exec(source);
  return match ? { front: match[1], body: match[2] ?? "" } : null;
}

/** Parses YAML in its core schema (dates stay strings); undefined after recording a problem. */
function parseYaml(source: string, file: string, problems: SeedProblem[]): unknown {
  const doc = parseDocument(source, { schema: "core" });
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      const line = error.linePos?.[0].line;
      problems.push({ file, field: line ? `rad ${line}` : "YAML", message: `ogiltig YAML: ${error.message.split("\n")[0]}` });
    }
    return undefined;
  }
  return doc.toJS();
}

function pushZodProblems(problems: SeedProblem[], file: string, error: z.ZodError, prefix: string) {
  for (const issue of error.issues) {
    const field = issue.path.reduce<string>(
      (acc, part) => (typeof part === "number" ? `${acc}[${part}]` : acc ? `${acc}.${part}` : String(part)),
      prefix,
    );
    problems.push({ file, field: field || "(hela filen)", message: issue.message });
  }
}

function checkUnique(items: Parsed<unknown>[], file: string, problems: SeedProblem[]) {
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.slug)) problems.push({ file, field: "slug", message: `"${item.slug}" förekommer mer än en gång` });
    seen.add(item.slug);
  }
}

async function readOptional(file: string): Promise<string | null> {
  try {
    return await fs.readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
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

type RecordSeed =
  | ({ kind: "practice" } & ParsedRecord<PracticeSeed>)
  | ({ kind: "event" } & ParsedRecord<EventSeed>)
  | ({ kind: "activity" } & ParsedRecord<ActivitySeed>);

async function applyRecord(trx: Trx, seed: RecordSeed, problems: SeedProblem[]) {
  const { value, file } = seed;
  const before = problems.length;

  const orgField = seed.kind === "practice" ? "organisation" : seed.kind === "event" ? "organiser" : "provider";
  const orgSlug =
    seed.kind === "practice" ? seed.value.organisation : seed.kind === "event" ? seed.value.organiser : seed.value.provider;
  const organisationId = await idBySlug(trx, "organisations", orgSlug);
  if (!organisationId) problems.push({ file, field: orgField, message: `okänd organisation "${orgSlug}"` });

  const themeIds: number[] = [];
  for (const [i, slug] of value.themes.entries()) {
    const id = await idBySlug(trx, "themes", slug);
    if (id) themeIds.push(id);
    else problems.push({ file, field: `themes[${i}]`, message: `okänt tema "${slug}"` });
  }

  const participantIds: number[] = [];
  if (seed.kind === "event") {
    for (const [i, slug] of seed.value.participating_organisations.entries()) {
      const id = await idBySlug(trx, "organisations", slug);
      if (id) participantIds.push(id);
      else problems.push({ file, field: `participating_organisations[${i}]`, message: `okänd organisation "${slug}"` });
    }
  }
  if (problems.length > before || !organisationId) return;

  const publishedOn =
    seed.kind === "practice" ? seed.value.published : seed.kind === "event" ? seed.value.date : seed.value.start_date;
  const row = {
    kind: seed.kind,
    slug: seed.slug,
    title: value.title,
    summary: value.summary,
    body: seed.body,
    language: value.language,
    visibility: value.visibility,
    status: "published" as const,
    organisation_id: organisationId,
    published_on: publishedOn,
  };
  const { id } = await trx
    .insertInto("records")
    .values(row)
    .onConflict((oc) => oc.columns(["kind", "slug"]).doUpdateSet(row))
    .returning("id")
    .executeTakeFirstOrThrow();

  if (seed.kind === "practice") {
    const v = seed.value;
    const details = {
      problem: v.problem,
      solution: v.solution,
      results: v.results,
      resources: v.resources,
      transferability: v.transferability,
      difficulties: v.difficulties,
    };
    await trx
      .insertInto("practice_details")
      .values({ record_id: id, ...details })
      .onConflict((oc) => oc.column("record_id").doUpdateSet(details))
      .execute();
  } else if (seed.kind === "event") {
    const v = seed.value;
    const details = {
      type: v.type,
      starts_on: v.date,
      ends_on: v.end_date ?? null,
      location: v.location,
      municipality: v.municipality,
      participant_count: v.participants,
    };
    await trx
      .insertInto("event_details")
      .values({ record_id: id, ...details })
      .onConflict((oc) => oc.column("record_id").doUpdateSet(details))
      .execute();
    await replaceLessons(trx, id, v.lessons);
    await trx.deleteFrom("event_participants").where("event_id", "=", id).execute();
    if (participantIds.length > 0) {
      await trx
        .insertInto("event_participants")
        .values([...new Set(participantIds)].map((organisation_id) => ({ event_id: id, organisation_id })))
        .execute();
    }
  } else {
    const v = seed.value;
    const details = {
      format: v.format,
      level: v.level,
      hours: v.hours,
      target_group: v.target_group,
      starts_on: v.start_date,
      ends_on: v.end_date ?? null,
    };
    await trx
      .insertInto("activity_details")
      .values({ record_id: id, ...details })
      .onConflict((oc) => oc.column("record_id").doUpdateSet(details))
      .execute();
    await trx.deleteFrom("activity_skills").where("record_id", "=", id).execute();
    const skills = [...new Set(v.skills)];
    if (skills.length > 0) {
      await trx
        .insertInto("activity_skills")
        .values(skills.map((skill) => ({ record_id: id, skill })))
        .execute();
    }
  }

  await trx.deleteFrom("record_themes").where("record_id", "=", id).execute();
  await trx
    .insertInto("record_themes")
    .values([...new Set(themeIds)].map((theme_id) => ({ record_id: id, theme_id })))
    .execute();
  await trx.deleteFrom("record_tags").where("record_id", "=", id).execute();
  const tags = [...new Set(value.tags)];
  if (tags.length > 0) {
    await trx
      .insertInto("record_tags")
      .values(tags.map((tag) => ({ record_id: id, tag })))
      .execute();
  }

  await recordRevision(trx, id, { ...value, body: seed.body });
}

/** Updates lessons in place by position so their ids, which links may point at, stay stable. */
async function replaceLessons(trx: Trx, eventId: number, lessons: string[]) {
  for (const [position, text] of lessons.entries()) {
    await trx
      .insertInto("lessons")
      .values({ event_id: eventId, position, text })
      .onConflict((oc) => oc.columns(["event_id", "position"]).doUpdateSet({ text }))
      .execute();
  }
  await trx.deleteFrom("lessons").where("event_id", "=", eventId).where("position", ">=", lessons.length).execute();
}

/**
 * Keeps the record's history honest: a revision is stored when the seeded content differs from
 * the newest revision, and the record's version moves on with it. Loading the same files twice
 * changes nothing.
 */
async function recordRevision(trx: Trx, recordId: number, content: unknown) {
  const snapshot = JSON.stringify(content);
  const latest = await trx
    .selectFrom("revisions")
    .select(["version", "snapshot"])
    .where("record_id", "=", recordId)
    .orderBy("version", "desc")
    .executeTakeFirst();
  if (latest?.snapshot === snapshot) return;
  const version = latest ? latest.version + 1 : 1;
  await trx
    .updateTable("records")
    .set({ version, updated_at: sql<string>`CURRENT_TIMESTAMP` })
    .where("id", "=", recordId)
    .execute();
  await trx
    .insertInto("revisions")
    .values({ record_id: recordId, version, snapshot, note: "Inläst från seeds" })
    .execute();
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

async function idBySlug(trx: Trx, table: "themes" | "organisations", slug: string): Promise<number | undefined> {
  const row = await trx.selectFrom(table).select("id").where("slug", "=", slug).executeTakeFirst();
  return row?.id;
}

async function recordIdBySlug(trx: Trx, kind: RecordKind, slug: string): Promise<number | undefined> {
  const row = await trx
    .selectFrom("records")
    .select("id")
    .where("kind", "=", kind)
    .where("slug", "=", slug)
    .executeTakeFirst();
  return row?.id;
}
