import { sql, type Kysely } from "kysely";

import { COUNTIES, type Database } from "../../db/schema";
import { makeT, type Lang, type Translate } from "../i18n";
import type { SearchParams } from "../search/search.server";
import type { Access } from "../utils/access.server";
import { FIGURE_TEXTS } from "./dashboard-texts";
import { visibleTo } from "./record.server";

/**
 * The dashboard's figures (issue 7): what the programme reports to its funders. Every public
 * figure counts published public records only, whoever looks, so that an editor's screenshot or
 * CSV says the same as anyone's: members-only material and drafts never count. The search misses
 * are for editors only.
 */

/** Public figures are always computed as an anonymous visitor sees the material. */
const PUBLIC: Access = { members: false };

export interface FigureRow {
  label: string;
  value: number;
  /** The label's language when it is content (a theme's name), for its `lang`. */
  lang?: Lang;
}

export interface Figure {
  id: FigureId;
  title: string;
  /** What is counted, in a sentence. */
  description: string;
  labelHeader: string;
  valueHeader: string;
  rows: FigureRow[];
  /** The rows' sum when it means something (each thing counted once), else null. */
  total: number | null;
  editorsOnly: boolean;
}

export const FIGURE_IDS = [
  "records-per-theme",
  "records-per-county",
  "records-per-year",
  "events-per-year",
  "participants-per-year",
  "activity-hours-per-theme",
  "organisations-per-county",
  "search-misses",
] as const;
export type FigureId = (typeof FIGURE_IDS)[number];

export const EDITOR_FIGURES: readonly FigureId[] = ["search-misses"];

export function isFigureId(value: string): value is FigureId {
  return (FIGURE_IDS as readonly string[]).includes(value);
}

/** How many search misses the dashboard shows and the CSV holds. */
export const SEARCH_MISSES_SHOWN = 30;
/** The search_misses table keeps at most this many terms: the most recently searched. */
export const SEARCH_MISSES_KEPT = 1000;
const TERM_LENGTH = 100;

/** One figure with its rows, its texts in the reader's language (Swedish unless `t` says otherwise). */
export async function getFigure(db: Kysely<Database>, id: FigureId, t: Translate = makeT("sv")): Promise<Figure> {
  const { summable, title, description, labelHeader, valueHeader } = FIGURE_TEXTS[id];
  const rows = await ROWS[id](db, t);
  const total = summable ? rows.reduce((sum, r) => sum + r.value, 0) : null;
  return {
    id,
    title: t(title),
    description: t(description),
    labelHeader: t(labelHeader),
    valueHeader: t(valueHeader),
    rows,
    total,
    editorsOnly: EDITOR_FIGURES.includes(id),
  };
}

/** The figures this visitor may see, in the dashboard's order. */
export async function getDashboard(db: Kysely<Database>, { editor, t }: { editor: boolean; t?: Translate }): Promise<Figure[]> {
  const ids = FIGURE_IDS.filter((id) => editor || !EDITOR_FIGURES.includes(id));
  const figures: Figure[] = [];
  for (const id of ids) figures.push(await getFigure(db, id, t));
  return figures;
}

const ROWS: Record<FigureId, (db: Kysely<Database>, t: Translate) => Promise<FigureRow[]>> = {
  "records-per-theme": (db, t) => perTopTheme(db, "records", t),
  "activity-hours-per-theme": (db, t) => perTopTheme(db, "hours", t),
  "records-per-county": async (db) => {
    const rows = await db
      .selectFrom("records as r")
      .innerJoin("organisations as o", "o.id", "r.organisation_id")
      .where(visibleTo(PUBLIC))
      .select(["o.county", (eb) => eb.fn.countAll<number>().as("n")])
      .groupBy("o.county")
      .execute();
    return COUNTIES.map((county) => ({ label: county, value: Number(rows.find((r) => r.county === county)?.n ?? 0) }));
  },
  "records-per-year": async (db) => {
    const rows = await db
      .selectFrom("records as r")
      .where(visibleTo(PUBLIC))
      .where("r.published_on", "is not", null)
      .select([sql<string>`substr(r.published_on, 1, 4)`.as("year"), (eb) => eb.fn.countAll<number>().as("n")])
      .groupBy(sql`substr(r.published_on, 1, 4)`)
      .execute();
    return everyYear(rows);
  },
  "events-per-year": async (db) => everyYear(await eventsByYear(db, "events")),
  "participants-per-year": async (db) => everyYear(await eventsByYear(db, "participants")),
  "organisations-per-county": async (db) => {
    const rows = await db
      .selectFrom("organisations as o")
      .where((eb) =>
        eb.or([
          eb("o.id", "in", eb.selectFrom("records as r").select("r.organisation_id").where(visibleTo(PUBLIC))),
          eb(
            "o.id",
            "in",
            eb
              .selectFrom("event_participants as ep")
              .innerJoin("records as r", "r.id", "ep.event_id")
              .select("ep.organisation_id")
              .where(visibleTo(PUBLIC)),
          ),
        ]),
      )
      .select(["o.county", (eb) => eb.fn.countAll<number>().as("n")])
      .groupBy("o.county")
      .execute();
    return COUNTIES.map((county) => ({ label: county, value: Number(rows.find((r) => r.county === county)?.n ?? 0) }));
  },
  "search-misses": async (db) => {
    const rows = await db
      .selectFrom("search_misses")
      .select(["term", "count"])
      .orderBy("count", "desc")
      .orderBy("last_at", "desc")
      .orderBy("term")
      .limit(SEARCH_MISSES_SHOWN)
      .execute();
    return rows.map((r) => ({ label: r.term, value: Number(r.count) }));
  },
};

/**
 * Records (or activity hours) per top theme, each record once even when it has several of the
 * theme's subthemes. A theme is named in English for English readers where it has an English name.
 */
async function perTopTheme(db: Kysely<Database>, what: "records" | "hours", t: Translate): Promise<FigureRow[]> {
  const tops = await db
    .selectFrom("themes")
    .select(["id", "name", "name_en"])
    .where("parent_id", "is", null)
    .orderBy("position")
    .orderBy("name")
    .execute();
  const links = db
    .selectFrom("record_themes as rt")
    .innerJoin("themes as t", "t.id", "rt.theme_id")
    .select([sql<number>`coalesce(t.parent_id, t.id)`.as("top_id"), "rt.record_id"])
    .distinct()
    .as("x");
  const base = db.selectFrom(links).innerJoin("records as r", "r.id", "x.record_id").where(visibleTo(PUBLIC)).groupBy("x.top_id");
  const rows =
    what === "records"
      ? await base.select(["x.top_id", (eb) => eb.fn.countAll<number>().as("n")]).execute()
      : await base
          .innerJoin("activity_details as ad", "ad.record_id", "r.id")
          .select(["x.top_id", (eb) => eb.fn.sum<number>("ad.hours").as("n")])
          .execute();
  const byTop = new Map(rows.map((r) => [Number(r.top_id), Number(r.n)]));
  return tops.map((top) => {
    const english = t.lang === "en" && top.name_en ? top.name_en : null;
    return { label: english ?? top.name, value: byTop.get(top.id) ?? 0, lang: english ? "en" : "sv" } satisfies FigureRow;
  });
}

async function eventsByYear(db: Kysely<Database>, what: "events" | "participants") {
  return db
    .selectFrom("records as r")
    .innerJoin("event_details as ed", "ed.record_id", "r.id")
    .where(visibleTo(PUBLIC))
    .select([
      sql<string>`substr(ed.starts_on, 1, 4)`.as("year"),
      (eb) => (what === "events" ? eb.fn.countAll<number>() : eb.fn.sum<number>("ed.participant_count")).as("n"),
    ])
    .groupBy(sql`substr(ed.starts_on, 1, 4)`)
    .execute();
}

/** Rows for every year from the first to the last, years without anything as 0. */
function everyYear(rows: { year: string; n: number | string | bigint }[]): FigureRow[] {
  const byYear = new Map(rows.map((r) => [Number(r.year), Number(r.n)]));
  const years = [...byYear.keys()].filter(Number.isFinite);
  if (years.length === 0) return [];
  const out: FigureRow[] = [];
  for (let y = Math.min(...years); y <= Math.max(...years); y++) out.push({ label: String(y), value: byYear.get(y) ?? 0 });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Search misses

/** A search term as it is counted: trimmed, lower case, spaces collapsed, at most 100 characters. */
export function normaliseTerm(q: string): string {
  return q.trim().toLowerCase().replace(/\s+/g, " ").slice(0, TERM_LENGTH).trim();
}

/**
 * Counts a search that found nothing (call it after every search; it decides). Only searches
 * without filters count: with a filter, no result says more about the filter than the words.
 * One row per term, counted up; the table is kept to the SEARCH_MISSES_KEPT most recent terms,
 * so anonymous searching cannot grow it without bound. A failure to count never fails the search.
 */
export async function noteSearchMiss(
  db: Kysely<Database>,
  params: Pick<SearchParams, "q" | "kind" | "theme" | "county" | "year">,
  total: number,
  now = new Date(),
): Promise<void> {
  const term = normaliseTerm(params.q);
  if (total > 0 || term === "" || params.kind || params.theme || params.county || params.year) return;
  try {
    const at = now.toISOString();
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto("search_misses")
        .values({ term, count: 1, last_at: at })
        .onConflict((oc) => oc.column("term").doUpdateSet((eb) => ({ count: eb("search_misses.count", "+", 1), last_at: at })))
        .execute();
      await trx
        .deleteFrom("search_misses")
        .where("term", "not in", (eb) =>
          eb.selectFrom("search_misses").select("term").orderBy("last_at", "desc").orderBy("count", "desc").limit(SEARCH_MISSES_KEPT),
        )
        .execute();
    });
  } catch (error) {
    console.warn(`Sökningen utan träffar kunde inte räknas: ${error instanceof Error ? error.message : String(error)}`);
  }
}

// ---------------------------------------------------------------------------------------------
// CSV

/** A field quoted for CSV: always in double quotes, inner quotes doubled. */
const field = (value: string) => `"${value.replace(/"/g, '""')}"`;

/** Numbers as Swedish Excel reads them: a decimal comma, no thousands separator. */
const csvNumber = (n: number) => (Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100).replace(".", ","));

/**
 * A figure as CSV for Excel in Swedish: UTF-8 with a byte order mark (so å, ä and ö survive),
 * semicolons between fields (the comma is the decimal sign), every field quoted, CRLF lines.
 */
export function figureCsv(figure: Figure): string {
  const lines = [[figure.labelHeader, figure.valueHeader], ...figure.rows.map((r) => [r.label, csvNumber(r.value)])];
  return `\uFEFF${lines.map((cells) => cells.map(field).join(";")).join("\r\n")}\r\n`;
}
