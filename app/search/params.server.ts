import type { Kysely } from "kysely";
import { z } from "zod";

import { COUNTIES, RECORD_KINDS, type Database } from "../../db/schema";
import { SLUG_PATTERN } from "../../seeds/schema";
import { makeT, type Translate } from "../i18n";
import { themeExists } from "../models/theme.server";
import type { SearchParams } from "./search.server";

/** Longer queries are cut here rather than refused: any q gets an answer. */
export const MAX_QUERY_LENGTH = 500;
export const PAGE_SIZE = 10;

const blank = (v: unknown) => (v === "" ? undefined : v);
const optional = <T extends z.ZodTypeAny>(schema: T) => z.preprocess(blank, schema.optional());

/** The query of /search and /api/search; the messages name what is wrong in the reader's language. */
function searchQuery(t: Translate) {
  const int = (what: string, min: number, max: number) =>
    z.coerce
      .number({ message: t(`ska vara ett heltal (${what})`, `must be a whole number (${what})`) })
      .int(t(`ska vara ett heltal (${what})`, `must be a whole number (${what})`))
      .min(min, t(`ska vara minst ${min}`, `must be at least ${min}`))
      .max(max, t(`får vara högst ${max}`, `may be at most ${max}`));
  return z.object({
    q: z.string().default("").transform((q) => q.slice(0, MAX_QUERY_LENGTH)),
    kind: optional(z.enum(RECORD_KINDS, { message: t(`ska vara ${RECORD_KINDS.join(", ")}`, `must be ${RECORD_KINDS.join(", ")}`) })),
    theme: optional(z.string().regex(SLUG_PATTERN, t("ska vara ett temas kortnamn", "must be a theme's short name"))),
    county: optional(z.enum(COUNTIES, { message: t(`ska vara ${COUNTIES.join(", ")}`, `must be ${COUNTIES.join(", ")}`) })),
    year: optional(int(t("årtal", "year"), 1900, 2100)),
    limit: optional(int(t("antal", "number"), 1, 50)),
    page: optional(int(t("sida", "page"), 1, 10_000)),
  });
}

export type SearchQueryResult =
  | { ok: true; params: SearchParams; page: number }
  | { ok: false; error: string };

/**
 * The query string of /search and /api/search. Unknown kinds and themes and bad numbers are
 * errors with a message naming the parameter, in `t`'s language (Swedish unless the caller
 * passes the reader's); the words of q are never an error.
 */
export async function parseSearchQuery(db: Kysely<Database>, url: URL, t: Translate = makeT("sv")): Promise<SearchQueryResult> {
  const parsed = searchQuery(t).safeParse(Object.fromEntries(url.searchParams));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = issue.path.join(".");
    return { ok: false, error: t(`Ogiltig parameter ${name}: ${issue.message}.`, `Invalid parameter ${name}: ${issue.message}.`) };
  }
  const v = parsed.data;
  if (v.theme && !(await themeExists(db, v.theme))) {
    return {
      ok: false,
      error: t(`Ogiltig parameter theme: det finns inget tema som heter "${v.theme}".`, `Invalid parameter theme: there is no theme called "${v.theme}".`),
    };
  }
  const limit = v.limit ?? PAGE_SIZE;
  const page = v.page ?? 1;
  return {
    ok: true,
    page,
    params: { q: v.q, kind: v.kind, theme: v.theme, county: v.county, year: v.year, limit, offset: (page - 1) * limit },
  };
}
