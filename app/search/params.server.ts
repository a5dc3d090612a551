import type { Kysely } from "kysely";
import { z } from "zod";

import { COUNTIES, RECORD_KINDS, type Database } from "../../db/schema";
import { SLUG_PATTERN } from "../../seeds/schema";
import { themeExists } from "../models/theme.server";
import type { SearchParams } from "./search.server";

/** Longer queries are cut here rather than refused: any q gets an answer. */
export const MAX_QUERY_LENGTH = 500;
export const PAGE_SIZE = 10;

const blank = (v: unknown) => (v === "" ? undefined : v);
const optional = <T extends z.ZodTypeAny>(schema: T) => z.preprocess(blank, schema.optional());
const int = (what: string, min: number, max: number) =>
  z.coerce
    .number({ message: `ska vara ett heltal (${what})` })
    .int(`ska vara ett heltal (${what})`)
    .min(min, `ska vara minst ${min}`)
    .max(max, `får vara högst ${max}`);

const SearchQuery = z.object({
  q: z.string().default("").transform((q) => q.slice(0, MAX_QUERY_LENGTH)),
  kind: optional(z.enum(RECORD_KINDS, { message: `ska vara ${RECORD_KINDS.join(", ")}` })),
  theme: optional(z.string().regex(SLUG_PATTERN, "ska vara ett temas kortnamn")),
  county: optional(z.enum(COUNTIES, { message: `ska vara ${COUNTIES.join(", ")}` })),
  year: optional(int("årtal", 1900, 2100)),
  limit: optional(int("antal", 1, 50)),
  page: optional(int("sida", 1, 10_000)),
});

export type SearchQueryResult =
  | { ok: true; params: SearchParams; page: number }
  | { ok: false; error: string };

/**
 * The query string of /search and /api/search. Unknown kinds and themes and bad numbers are
 * errors with a message naming the parameter; the words of q are never an error.
 */
export async function parseSearchQuery(db: Kysely<Database>, url: URL): Promise<SearchQueryResult> {
  const parsed = SearchQuery.safeParse(Object.fromEntries(url.searchParams));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: `Ogiltig parameter ${issue.path.join(".")}: ${issue.message}.` };
  }
  const v = parsed.data;
  if (v.theme && !(await themeExists(db, v.theme))) {
    return { ok: false, error: `Ogiltig parameter theme: det finns inget tema som heter "${v.theme}".` };
  }
  const limit = v.limit ?? PAGE_SIZE;
  const page = v.page ?? 1;
  return {
    ok: true,
    page,
    params: { q: v.q, kind: v.kind, theme: v.theme, county: v.county, year: v.year, limit, offset: (page - 1) * limit },
  };
}
