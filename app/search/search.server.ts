import type { Kysely } from "kysely";

import type { County, Database, RecordKind } from "../../db/schema";
import type { Access } from "../utils/access.server";
import { recordUrl } from "../utils/labels";
import type { SearchDoc } from "./documents.server";
import { parseQuery, runQuery, suggest, type Match } from "./engine.server";
import { searchParts } from "./service.server";
import { makeSnippet } from "./snippet.server";

export interface SearchParams {
  q: string;
  kind?: RecordKind;
  /** A theme slug; a top theme includes its children. */
  theme?: string;
  county?: County;
  year?: number;
  limit: number;
  offset: number;
}

export interface SearchHit {
  kind: RecordKind;
  slug: string;
  title: string;
  url: string;
  snippet: string;
  score: number;
  language: SearchDoc["language"];
  themes: SearchDoc["themes"];
  organisation: string;
  publishedOn: string | null;
}

export interface SearchResult {
  query: string;
  total: number;
  results: SearchHit[];
  facets: {
    kind: Record<string, number>;
    theme: Record<string, number>;
    county: Record<string, number>;
    year: Record<string, number>;
  };
  /** A corrected query when some words matched nothing, else null. */
  suggestion: string | null;
  /** True when no record had every word, and those with the most of them are shown. */
  partial: boolean;
}

type Found = { doc: SearchDoc; match: Match | null };
type Facet = "kind" | "theme" | "county" | "year";

const keep: Record<Facet, (f: Found, p: SearchParams) => boolean> = {
  kind: (f, p) => !p.kind || f.doc.kind === p.kind,
  theme: (f, p) => !p.theme || f.doc.themeSlugs.includes(p.theme),
  county: (f, p) => !p.county || f.doc.county === p.county,
  year: (f, p) => !p.year || f.doc.year === p.year,
};
const FACETS = Object.keys(keep) as Facet[];

/**
 * Searches published records the visitor may read. Every word of the query must match (by
 * stem, compound part or near spelling); when no record has them all, records with the most of
 * them are shown instead. Facet counts follow the query and the other filters, so each count
 * says how many results choosing that value would give.
 */
export async function searchRecords(
  db: Kysely<Database>,
  params: SearchParams,
  access: Access,
): Promise<SearchResult> {
  const { main, delta, stale } = await searchParts(db);
  const visible = (doc: SearchDoc | undefined): doc is SearchDoc => !!doc && (access.members || !doc.membersOnly);
  const query = params.q.trim();

  let found: Found[] = [];
  let suggestion: string | null = null;
  let partial = false;
  if (query) {
    const words = parseQuery(main.engine, query);
    const matches: { doc: SearchDoc; match: Match }[] = [];
    for (const match of runQuery(main.engine, words)) {
      const doc = main.docs.get(match.id);
      if (!stale.has(match.id) && visible(doc)) matches.push({ doc, match });
    }
    if (delta) {
      for (const match of runQuery(delta.engine, parseQuery(delta.engine, query))) {
        const doc = delta.docs.get(match.id);
        if (visible(doc)) matches.push({ doc, match });
      }
    }
    const best = Math.max(0, ...matches.map((m) => m.match.coverage));
    partial = words.length > 1 && best > 0 && best < words.length;
    found = matches.filter((m) => m.match.coverage === best).sort((a, b) => b.match.score - a.match.score);
    const matchedTerms = new Set(matches.flatMap((m) => [...m.match.terms]));
    if (found.length === 0 || partial) suggestion = suggest(main.engine, words, matchedTerms);
  } else {
    const docs = [...main.docs.values()].filter((d) => !stale.has(d.id));
    if (delta) docs.push(...delta.docs.values());
    found = docs
      .filter(visible)
      .sort((a, b) => (b.publishedOn ?? "").localeCompare(a.publishedOn ?? ""))
      .map((doc) => ({ doc, match: null }));
  }

  const facets = Object.fromEntries(
    FACETS.map((facet) => {
      const counts: Record<string, number> = {};
      for (const f of found) {
        if (!FACETS.every((other) => other === facet || keep[other](f, params))) continue;
        const values =
          facet === "theme" ? f.doc.themeSlugs : facet === "year" ? [f.doc.year] : [f.doc[facet as "kind" | "county"]];
        for (const v of values) if (v !== null) counts[String(v)] = (counts[String(v)] ?? 0) + 1;
      }
      return [facet, counts];
    }),
  ) as SearchResult["facets"];

  const filtered = found.filter((f) => FACETS.every((facet) => keep[facet](f, params)));
  const page = filtered.slice(params.offset, params.offset + params.limit);
  return {
    query,
    total: filtered.length,
    results: page.map(({ doc, match }) => ({
      kind: doc.kind,
      slug: doc.slug,
      title: doc.title,
      url: recordUrl(doc.kind, doc.slug),
      snippet: makeSnippet(doc, (term) => !!match?.terms.has(term)),
      score: match ? Math.round(match.score * 1000) / 1000 : 0,
      language: doc.language,
      themes: doc.themes,
      organisation: doc.organisation,
      publishedOn: doc.publishedOn,
    })),
    facets,
    suggestion,
    partial,
  };
}
