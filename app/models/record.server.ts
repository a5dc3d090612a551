import { sql, type ExpressionBuilder, type Kysely } from "kysely";

import type {
  ActivityFormat,
  ActivityLevel,
  County,
  Database,
  EventType,
  Language,
  RecordKind,
} from "../../db/schema";
import type { Access } from "../utils/access.server";

/** A record as lists and cards show it. */
export interface RecordSummary {
  id: number;
  kind: RecordKind;
  slug: string;
  title: string;
  summary: string;
  language: Language;
  publishedOn: string | null;
  organisation: { slug: string; name: string; county: County };
  /** The Swedish name, and the English one for English pages. */
  themes: { slug: string; name: string; nameEn: string }[];
  eventType: EventType | null;
  location: string | null;
  format: ActivityFormat | null;
  level: ActivityLevel | null;
  hours: number | null;
}

export interface RecordFilters {
  kind?: RecordKind;
  /** A theme slug; a top theme includes its children. */
  theme?: string;
  county?: County;
  year?: number;
  eventType?: EventType;
  format?: ActivityFormat;
  level?: ActivityLevel;
  /** Only these record ids. */
  ids?: number[];
}

type Eb = ExpressionBuilder<Database & { r: Database["records"]; o: Database["organisations"] }, "r" | "o">;

/** Published records the visitor may read: members-only ones only for members. */
export function visibleTo(access: Access) {
  return (eb: ExpressionBuilder<{ r: Database["records"] }, "r">) =>
    access.members
      ? eb("r.status", "=", "published")
      : eb.and([eb("r.status", "=", "published"), eb("r.visibility", "=", "public")]);
}

/** Ids of a theme and, for a top theme, its children. */
export function themeAndChildren(db: Kysely<Database>, slug: string) {
  return db
    .selectFrom("themes as t")
    .select("t.id")
    .where((eb) =>
      eb.or([
        eb("t.slug", "=", slug),
        eb("t.parent_id", "in", eb.selectFrom("themes as p").select("p.id").where("p.slug", "=", slug)),
      ]),
    );
}

function filtered(db: Kysely<Database>, access: Access, filters: RecordFilters) {
  return db
    .selectFrom("records as r")
    .innerJoin("organisations as o", "o.id", "r.organisation_id")
    .leftJoin("event_details as ed", "ed.record_id", "r.id")
    .leftJoin("activity_details as ad", "ad.record_id", "r.id")
    .where(visibleTo(access))
    .$if(!!filters.kind, (q) => q.where("r.kind", "=", filters.kind!))
    .$if(!!filters.theme, (q) =>
      q.where("r.id", "in", (eb: Eb) =>
        eb
          .selectFrom("record_themes as rt")
          .select("rt.record_id")
          .where("rt.theme_id", "in", themeAndChildren(db, filters.theme!)),
      ),
    )
    .$if(!!filters.county, (q) => q.where("o.county", "=", filters.county!))
    .$if(!!filters.year, (q) => q.where(sql`substr(r.published_on, 1, 4)`, "=", String(filters.year)))
    .$if(!!filters.eventType, (q) => q.where("ed.type", "=", filters.eventType!))
    .$if(!!filters.format, (q) => q.where("ad.format", "=", filters.format!))
    .$if(!!filters.level, (q) => q.where("ad.level", "=", filters.level!))
    .$if(!!filters.ids, (q) => q.where("r.id", "in", filters.ids!.length ? filters.ids! : [-1]));
}

/**
 * Records matching the filters, newest first, with their themes. Events sort by their date,
 * practices by publication, activities by start.
 */
export async function findRecords(
  db: Kysely<Database>,
  { access, filters = {}, limit, offset = 0 }: { access: Access; filters?: RecordFilters; limit?: number; offset?: number },
): Promise<RecordSummary[]> {
  const rows = await filtered(db, access, filters)
    .select([
      "r.id",
      "r.kind",
      "r.slug",
      "r.title",
      "r.summary",
      "r.language",
      "r.published_on",
      "o.slug as org_slug",
      "o.name as org_name",
      "o.county as org_county",
      "ed.type as event_type",
      "ed.location",
      "ad.format",
      "ad.level",
      "ad.hours",
    ])
    .orderBy("r.published_on", "desc")
    .orderBy("r.title")
    .$if(limit !== undefined, (q) => q.limit(limit!).offset(offset))
    .execute();
  const themes = await themesOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    slug: r.slug,
    title: r.title,
    summary: r.summary,
    language: r.language,
    publishedOn: r.published_on,
    organisation: { slug: r.org_slug, name: r.org_name, county: r.org_county },
    themes: themes.get(r.id) ?? [],
    eventType: r.event_type,
    location: r.location,
    format: r.format,
    level: r.level,
    hours: r.hours,
  }));
}

export async function countRecords(
  db: Kysely<Database>,
  { access, filters = {} }: { access: Access; filters?: RecordFilters },
): Promise<number> {
  const row = await filtered(db, access, filters)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export const PAGE_SIZE = 12;

/** One page of a list page, with what the pager needs. */
export async function listRecords(
  db: Kysely<Database>,
  { access, filters, page }: { access: Access; filters: RecordFilters; page: number },
) {
  const total = await countRecords(db, { access, filters });
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const items = await findRecords(db, { access, filters, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  return { items, total, page, pageCount };
}

/** The years that have material of a kind, newest first: the choices of the year filter. */
export async function recordYears(db: Kysely<Database>, { access, kind }: { access: Access; kind: RecordKind }) {
  const rows = await filtered(db, access, { kind })
    .select(sql<string>`substr(r.published_on, 1, 4)`.as("year"))
    .distinct()
    .orderBy("year", "desc")
    .execute();
  return rows.map((r) => Number(r.year)).filter(Number.isFinite);
}

export async function latestRecords(db: Kysely<Database>, { access, limit }: { access: Access; limit: number }) {
  return findRecords(db, { access, limit });
}

async function themesOf(db: Kysely<Database>, recordIds: number[]) {
  const byRecord = new Map<number, { slug: string; name: string; nameEn: string }[]>();
  if (recordIds.length === 0) return byRecord;
  const rows = await db
    .selectFrom("record_themes as rt")
    .innerJoin("themes as t", "t.id", "rt.theme_id")
    .select(["rt.record_id", "t.slug", "t.name", "t.name_en"])
    .where("rt.record_id", "in", recordIds)
    .orderBy("t.position")
    .execute();
  for (const row of rows) {
    const list = byRecord.get(row.record_id) ?? [];
    list.push({ slug: row.slug, name: row.name, nameEn: row.name_en });
    byRecord.set(row.record_id, list);
  }
  return byRecord;
}

/** What every detail page shows, whatever the kind. */
export interface RecordBase extends RecordSummary {
  body: string;
  tags: string[];
  updatedAt: string;
  organisation: RecordSummary["organisation"] & { kind: string; municipality: string };
}

/** One visible record of a kind by slug, or null (unknown, unpublished or members-only). */
export async function getRecordBase(
  db: Kysely<Database>,
  { kind, slug, access }: { kind: RecordKind; slug: string; access: Access },
): Promise<RecordBase | null> {
  const row = await db
    .selectFrom("records as r")
    .innerJoin("organisations as o", "o.id", "r.organisation_id")
    .select(["r.id", "r.body", "r.updated_at", "o.kind as org_kind", "o.municipality as org_municipality"])
    .where("r.kind", "=", kind)
    .where("r.slug", "=", slug)
    .where(visibleTo(access))
    .executeTakeFirst();
  if (!row) return null;
  const [summary] = await findRecords(db, { access, filters: { ids: [row.id] } });
  const tags = await db
    .selectFrom("record_tags")
    .select("tag")
    .where("record_id", "=", row.id)
    .orderBy("tag")
    .execute();
  return {
    ...summary,
    body: row.body,
    tags: tags.map((t) => t.tag),
    updatedAt: row.updated_at,
    organisation: { ...summary.organisation, kind: row.org_kind, municipality: row.org_municipality },
  };
}
