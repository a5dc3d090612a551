import type { Kysely } from "kysely";
import { z } from "zod";

import { COUNTIES, RECORD_KINDS, type Database, type RecordKind } from "../../db/schema";
import { SLUG_PATTERN } from "../../seeds/schema";
import type { Access } from "../utils/access.server";
import { getActivity } from "./activity.server";
import { getEvent } from "./event.server";
import { recordUrl } from "./feed.server";
import { getPath, listPaths } from "./path.server";
import { getPractice } from "./practice.server";
import { countRecords, findRecords, type RecordSummary } from "./record.server";
import { themeExists } from "./theme.server";

/**
 * The read API's domain side: query-string parsing with zod and the shapes it answers with.
 * Every function takes the visitor's Access, so members-only material stays with members.
 */

const blank = (v: unknown) => (v === "" ? undefined : v);
const optional = <T extends z.ZodTypeAny>(schema: T) => z.preprocess(blank, schema.optional());
const integer = (message: string) => z.coerce.number({ message }).int(message);

const RecordsQuery = z.object({
  page: z.preprocess(blank, integer("ska vara ett heltal från 1").min(1, "ska vara ett heltal från 1").max(100_000, "är för stort").default(1)),
  limit: z.preprocess(blank, integer("ska vara ett heltal 1–100").min(1, "ska vara ett heltal 1–100").max(100, "ska vara ett heltal 1–100").default(20)),
  kind: optional(z.enum(RECORD_KINDS, { message: `ska vara ${RECORD_KINDS.join(", ")}` })),
  theme: optional(z.string().max(200).regex(SLUG_PATTERN, "ska vara ett temas kortnamn")),
  county: optional(z.enum(COUNTIES, { message: `ska vara ${COUNTIES.join(", ")}` })),
  year: optional(integer("ska vara ett årtal").min(1900, "ska vara ett årtal").max(2100, "ska vara ett årtal")),
});

export type RecordsQueryValues = z.infer<typeof RecordsQuery>;

/** Reads /api/records' query string; unknown parameters are ignored, bad values named. */
export async function parseRecordsQuery(
  db: Kysely<Database>,
  url: URL,
): Promise<{ ok: true; query: RecordsQueryValues } | { ok: false; error: string }> {
  const params = Object.fromEntries(url.searchParams);
  const parsed = RecordsQuery.safeParse(params);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: `Ogiltig parameter ${issue.path.join(".")}: ${issue.message}.` };
  }
  if (parsed.data.theme && !(await themeExists(db, parsed.data.theme))) {
    return { ok: false, error: `Ogiltig parameter theme: det finns inget tema som heter "${parsed.data.theme}".` };
  }
  return { ok: true, query: parsed.data };
}

/** A record in API lists: the summary without the database id, with its address. */
function apiSummary(origin: string, r: RecordSummary) {
  const { id: _id, ...rest } = r;
  return { ...rest, url: recordUrl(origin, r.kind, r.slug) };
}

/** One page of records, newest first, with what a client needs to fetch the next. */
export async function apiRecords(db: Kysely<Database>, { access, query, origin }: { access: Access; query: RecordsQueryValues; origin: string }) {
  const filters = { kind: query.kind, theme: query.theme, county: query.county, year: query.year };
  const total = await countRecords(db, { access, filters });
  const items = await findRecords(db, { access, filters, limit: query.limit, offset: (query.page - 1) * query.limit });
  return {
    page: query.page,
    limit: query.limit,
    total,
    pageCount: Math.max(1, Math.ceil(total / query.limit)),
    results: items.map((r) => apiSummary(origin, r)),
  };
}

export function isRecordKind(value: string | undefined): value is RecordKind {
  return (RECORD_KINDS as readonly string[]).includes(value ?? "");
}

/** The full record of a kind, with its own fields (and an event's lessons), or null. */
export async function apiRecord(
  db: Kysely<Database>,
  { kind, slug, access, origin }: { kind: RecordKind; slug: string; access: Access; origin: string },
) {
  const record =
    kind === "practice"
      ? await getPractice(db, { slug, access })
      : kind === "event"
        ? await getEvent(db, { slug, access })
        : await getActivity(db, { slug, access });
  if (!record) return null;
  const { id: _id, ...rest } = record;
  return { ...rest, url: recordUrl(origin, kind, slug) };
}

/** Every published reading path with the steps the visitor may read. */
export async function apiPaths(db: Kysely<Database>, { access, origin }: { access: Access; origin: string }) {
  const list = await listPaths(db);
  const paths = [];
  for (const item of list) {
    const path = await getPath(db, { slug: item.slug, access });
    if (!path) continue;
    const { id: _id, steps, ...rest } = path;
    paths.push({
      ...rest,
      url: `${origin}/paths/${path.slug}`,
      steps: steps.map(({ recordId: _r, ...s }) => ({ ...s, url: recordUrl(origin, s.kind, s.slug) })),
    });
  }
  return paths;
}
