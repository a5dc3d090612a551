import type { Kysely } from "kysely";

import type { County, Database, RecordKind } from "../../db/schema";
import type { Access } from "../utils/access.server";
import { recordUrl } from "../utils/labels";
import type { SearchDoc } from "./documents.server";
import type { SearchPart } from "./engine.server";
import { matchedTerms, parseQuery, runQuery, suggest, type Match, type QueryResult } from "./query.server";
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

/** A matching record, with the engine and query result it came from (for its snippet). */
type Found = { doc: SearchDoc; match: Match | null; part?: SearchPart; result?: QueryResult };
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
  return searchIn(await searchParts(db), params, access);
}

/** The search itself, over given index parts: what searchRecords and the benchmark run. */
export function searchIn(
  { main, delta, stale }: { main: SearchPart; delta: SearchPart | null; stale: Set<number> },
  params: SearchParams,
  access: Access,
): SearchResult {
  const visible = (doc: SearchDoc | undefined): doc is SearchDoc => !!doc && (access.members || !doc.membersOnly);
  const query = params.q.trim();

  let found: Found[] = [];
  let suggestion: string | null = null;
  let partial = false;
  if (query) {
    const words = parseQuery(main.engine, query);
    const matches: (Found & { match: Match })[] = [];
    const mainResult = runQuery(main.engine, words);
    for (const match of mainResult.matches) {
      const doc = main.docs.get(match.id);
      if (!stale.has(match.id) && visible(doc)) matches.push({ doc, match, part: main, result: mainResult });
    }
    const wordFound = mainResult.wordFound;
    if (delta) {
      const deltaResult = runQuery(delta.engine, parseQuery(delta.engine, query));
      for (const match of deltaResult.matches) {
        const doc = delta.docs.get(match.id);
        if (visible(doc)) matches.push({ doc, match, part: delta, result: deltaResult });
      }
      deltaResult.wordFound.forEach((found, i) => (wordFound[i] ||= found));
    }
    const best = matches.reduce((most, m) => Math.max(most, m.match.coverage), 0);
    partial = words.length > 1 && best > 0 && best < words.length;
    found = matches.filter((m) => m.match.coverage === best);
    suggestion = suggest(main.engine, words, wordFound);
  } else {
    const docs = [...main.docs.values()].filter((d) => !stale.has(d.id));
    if (delta) docs.push(...delta.docs.values());
    found = docs.filter(visible).map((doc) => ({ doc, match: null }));
  }

  // Which filters each record passes, one bit per facet; a facet counts the records that pass
  // all the other filters.
  const ALL = (1 << FACETS.length) - 1;
  const passes = Uint8Array.from(found, (f) => FACETS.reduce((bits, facet, i) => (keep[facet](f, params) ? bits | (1 << i) : bits), 0));
  const facets = Object.fromEntries(
    FACETS.map((facet, i) => {
      const counts: Record<string, number> = {};
      found.forEach((f, k) => {
        if ((passes[k] | (1 << i)) !== ALL) return;
        const values =
          facet === "theme" ? f.doc.themeSlugs : facet === "year" ? [f.doc.year] : [f.doc[facet as "kind" | "county"]];
        for (const v of values) if (v !== null) counts[String(v)] = (counts[String(v)] ?? 0) + 1;
      });
      return [facet, counts];
    }),
  ) as SearchResult["facets"];

  const filtered = found.filter((_, k) => passes[k] === ALL);
  // Best score first; without a query, newest first.
  const order = query
    ? (a: Found, b: Found) => b.match!.score - a.match!.score
    : (a: Found, b: Found) => (b.doc.publishedOn ?? "").localeCompare(a.doc.publishedOn ?? "");
  const page = firstInOrder(filtered, params.offset + params.limit, order).slice(params.offset);
  return {
    query,
    total: filtered.length,
    results: page.map(({ doc, match, part, result }) => ({
      kind: doc.kind,
      slug: doc.slug,
      title: doc.title,
      url: recordUrl(doc.kind, doc.slug),
      snippet: makeSnippet(doc, match && part && result ? matchedTerms(part.engine, result, match) : new Set()),
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

/**
 * The first `k` items in order, without sorting them all: a page needs ten of thousands.
 * Stable like Array#sort for items that compare equal.
 */
function firstInOrder<T>(items: T[], k: number, compare: (a: T, b: T) => number): T[] {
  if (k > 200) return [...items].sort(compare).slice(0, k);
  const top: T[] = [];
  for (const item of items) {
    if (top.length === k && compare(item, top[k - 1]) >= 0) continue;
    let i = top.length;
    while (i > 0 && compare(item, top[i - 1]) < 0) i--;
    top.splice(i, 0, item);
    if (top.length > k) top.pop();
  }
  return top;
}
