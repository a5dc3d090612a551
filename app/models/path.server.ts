import type { Kysely } from "kysely";

import type { Database, Language, RecordKind } from "../../db/schema";
import type { Access } from "../utils/access.server";
import { themeAndChildren, visibleTo } from "./record.server";

/** Words a reader gets through per minute: a common figure for non-fiction on screen. */
const WORDS_PER_MINUTE = 200;

export function readingMinutes(text: string): number {
  const words = text.split(/\s+/).filter(Boolean).length;
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}

export interface PathListItem {
  slug: string;
  title: string;
  summary: string;
  theme: { slug: string; name: string; nameEn: string };
  stepCount: number;
}

export async function listPaths(db: Kysely<Database>, { themeSlug }: { themeSlug?: string } = {}): Promise<PathListItem[]> {
  const rows = await db
    .selectFrom("paths as p")
    .innerJoin("themes as t", "t.id", "p.theme_id")
    .select((eb) => [
      "p.slug",
      "p.title",
      "p.summary",
      "t.slug as theme_slug",
      "t.name as theme_name",
      "t.name_en as theme_name_en",
      eb.selectFrom("path_steps as s").select(eb.fn.countAll<number>().as("n")).whereRef("s.path_id", "=", "p.id").as("steps"),
    ])
    .where("p.status", "=", "published")
    // A top theme's paths include its children's.
    .$if(!!themeSlug, (q) => q.where("p.theme_id", "in", themeAndChildren(db, themeSlug!)))
    .orderBy("p.title")
    .execute();
  return rows.map((r) => ({
    slug: r.slug,
    title: r.title,
    summary: r.summary,
    theme: { slug: r.theme_slug, name: r.theme_name, nameEn: r.theme_name_en },
    stepCount: Number(r.steps),
  }));
}

export interface PathStep {
  recordId: number;
  position: number;
  note: string;
  optional: boolean;
  kind: RecordKind;
  slug: string;
  title: string;
  summary: string;
  /** The record's language: its title and summary are shown in it. */
  language: Language;
  readingMinutes: number;
  /** An activity's own length, shown beside the reading time. */
  activityHours: number | null;
}

export interface PathDetail extends Omit<PathListItem, "stepCount"> {
  id: number;
  audience: string;
  steps: PathStep[];
  readingMinutes: number;
}

/**
 * A published path with the steps the visitor may read. A step whose record is no longer
 * visible (archived, members-only) is left out rather than breaking the path.
 */
export async function getPath(
  db: Kysely<Database>,
  { slug, access }: { slug: string; access: Access },
): Promise<PathDetail | null> {
  const path = await db
    .selectFrom("paths as p")
    .innerJoin("themes as t", "t.id", "p.theme_id")
    .select(["p.id", "p.slug", "p.title", "p.summary", "p.audience", "t.slug as theme_slug", "t.name as theme_name", "t.name_en as theme_name_en"])
    .where("p.slug", "=", slug)
    .where("p.status", "=", "published")
    .executeTakeFirst();
  if (!path) return null;
  const rows = await db
    .selectFrom("path_steps as s")
    .innerJoin("records as r", "r.id", "s.record_id")
    .leftJoin("practice_details as pd", "pd.record_id", "r.id")
    .leftJoin("activity_details as ad", "ad.record_id", "r.id")
    .select([
      "s.position",
      "r.id as record_id",
      "s.note",
      "s.optional",
      "r.kind",
      "r.slug",
      "r.title",
      "r.summary",
      "r.language",
      "r.body",
      "pd.problem",
      "pd.solution",
      "pd.results",
      "ad.hours",
    ])
    .where("s.path_id", "=", path.id)
    .where(visibleTo(access))
    .orderBy("s.position")
    .execute();
  const steps = rows.map((r) => ({
    recordId: r.record_id,
    position: r.position,
    note: r.note,
    optional: r.optional === 1,
    kind: r.kind,
    slug: r.slug,
    title: r.title,
    summary: r.summary,
    language: r.language,
    readingMinutes: readingMinutes([r.summary, r.body, r.problem, r.solution, r.results].join(" ")),
    activityHours: r.hours,
  }));
  return {
    id: path.id,
    slug: path.slug,
    title: path.title,
    summary: path.summary,
    audience: path.audience,
    theme: { slug: path.theme_slug, name: path.theme_name, nameEn: path.theme_name_en },
    steps,
    readingMinutes: steps.reduce((sum, s) => sum + s.readingMinutes, 0),
  };
}

/** The Markdown bodies of a path's steps, for the print view and the Markdown export. */
export async function stepBodies(db: Kysely<Database>, recordIds: number[]): Promise<Map<number, string>> {
  if (recordIds.length === 0) return new Map();
  const rows = await db.selectFrom("records").select(["id", "body"]).where("id", "in", recordIds).execute();
  return new Map(rows.map((r) => [r.id, r.body]));
}

/** A whole path as one Markdown document: its steps in order, each with note, summary, link and text. */
export function pathToMarkdown(path: PathDetail, bodies: Map<number, string>, origin: string): string {
  const lines = [
    `# ${path.title}`,
    "",
    path.summary,
    "",
    `Tema: ${path.theme.name}${path.audience ? ` · För: ${path.audience}` : ""} · Läsning cirka ${path.readingMinutes} min`,
    `Lärvägen på webben: ${origin}/paths/${path.slug}`,
  ];
  path.steps.forEach((step, i) => {
    const url = `${origin}/${{ practice: "practices", event: "events", activity: "activities" }[step.kind]}/${step.slug}`;
    lines.push("", `## ${i + 1}. ${step.title}${step.optional ? " (valfritt)" : ""}`, "");
    if (step.note) lines.push(`*${step.note}*`, "");
    lines.push(step.summary, "", `Källa: ${url}`, "");
    // The record's own headings sit under the step's: shift them down two levels.
    const body = (bodies.get(step.recordId) ?? "").replace(/^(#{1,4}) /gm, "$1## ");
    if (body) lines.push(body.trim());
  });
  return `${lines.join("\n")}\n`;
}
