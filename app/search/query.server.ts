import { englishStem, fold, isStopWord, swedishStem, wordsOf } from "./analyze.server";
import { documentFrequency, expand, fieldCount, postings, termsEndingWith, weightIn, type Engine } from "./engine.server";

/**
 * Answering a query over the lunr index, with Swedish expansions: stems in Swedish and English,
 * a shorter stem's continuations (compound heads), longer terms ending in the word (compound
 * tails), and near spellings when the word itself is not in the index.
 */

/** How much each route to matching one query word counts. An exact stem counts most. */
const BOOST = { exact: 10, prefix: 3, tail: 3, fuzzy: 1 } as const;

const MAX_QUERY_WORDS = 12;

/** One word of a query and the index terms it may match. */
export interface QueryWord {
  surface: string;
  /** Stems in Swedish and English, and the folded word itself: exact matches. */
  exact: string[];
  /** A shorter stem whose continuations match (compound heads, inflections the stemmer splits). */
  prefix: string | null;
  /** Longer terms that end with the word (compound tails: "återvinning" in "värmeåtervinning"). */
  tails: string[];
  /** Edit distance allowed for typos, 0 for none. */
  fuzzy: number;
}

/**
 * Reads a query as plain words: every character that is not a letter or digit separates
 * words, so lunr's syntax (`+`, `-`, `*`, `~`, `^`, `:`) is text and can never throw.
 */
export function parseQuery(engine: Engine, q: string): QueryWord[] {
  const all = wordsOf(q).map((w) => w.word.toLocaleLowerCase("sv"));
  const meaningful = all.filter((w) => !isStopWord(w, "sv") && !isStopWord(w, "en"));
  const words = [...new Set(meaningful.length > 0 ? meaningful : all)].slice(0, MAX_QUERY_WORDS);
  return words.map((surface) => {
    const folded = fold(surface);
    const sv = swedishStem(folded);
    const exact = [...new Set([sv, englishStem(folded), folded])];
    const shorter = swedishStem(folded, { twice: true });
    // Typos are looked for only when the word is not itself in the index: a real word's near
    // neighbours are other words, not misspellings of it.
    const known = exact.some((t) => engine.termNumber.has(t));
    return {
      surface,
      exact,
      prefix: shorter.length >= 4 ? shorter : null,
      tails: sv.length >= 5 ? termsEndingWith(engine, sv, 3) : [],
      fuzzy: known ? 0 : sv.length >= 9 ? 2 : sv.length >= 5 ? 1 : 0,
    };
  });
}

export interface Match {
  id: number;
  score: number;
  /** How many of the query's words the record matched. */
  coverage: number;
  /** The record's position in the engine. */
  at: number;
}

export interface QueryResult {
  matches: Match[];
  /** Per word: whether it matched some record other than by a typo route. */
  wordFound: boolean[];
  /** Every index term the query looked up. */
  terms: string[];
}

/**
 * Scores every record that matches any word: the sum, over the query's terms, of the term's
 * lunr weight in each field of the record times the weight of the route that found it. lunr's
 * own search compares whole vectors and scores a fuzzy match like an exact one; this looks up
 * only the query's terms and weighs each route (docs/decisions/004-search.md).
 */
export function runQuery(engine: Engine, words: QueryWord[]): QueryResult {
  const n = engine.ids.length;
  const scores = new Float64Array(n);
  const masks = new Int32Array(n);
  const touched: number[] = [];
  const allTerms = new Set<string>();
  const wordFound = words.map((word, position) => {
    // Each term counts once per word, by its best route.
    const clauses = new Map<string, number>();
    const add = (term: string, boost: number) => {
      if (engine.termNumber.has(term) && (clauses.get(term) ?? 0) < boost) clauses.set(term, boost);
    };
    for (const t of word.exact) add(t, BOOST.exact);
    // A word most records have needs no widening: the records it would add are few, and
    // scoring the expansions of a common word is the slowest thing a query can do.
    const common = [...clauses.keys()].some((t) => documentFrequency(engine, t) * 2 > engine.ids.length);
    if (!common) {
      if (word.fuzzy) for (const t of expand(engine, { term: word.exact[0], editDistance: word.fuzzy })) add(t, BOOST.fuzzy);
      if (word.prefix) for (const t of expand(engine, { term: word.prefix, prefix: true })) add(t, BOOST.prefix);
      for (const t of word.tails) add(t, BOOST.tail);
    }

    const bit = 1 << position;
    for (const [term, boost] of clauses) {
      allTerms.add(term);
      const n = engine.termNumber.get(term)!;
      for (let field = 0; field < fieldCount; field++) {
        const list = postings(engine, n, field);
        for (let i = 0; i < list.length; i++) {
          const at = list[i];
          if (masks[at] === 0) touched.push(at);
          scores[at] += boost * weightIn(engine, at, field, n);
          masks[at] |= bit;
        }
      }
    }
    return [...clauses.values()].some((boost) => boost > BOOST.fuzzy);
  });

  const matches = touched.map((at) => {
    let coverage = 0;
    for (let m = masks[at]; m; m &= m - 1) coverage++;
    return { id: engine.ids[at], score: scores[at], coverage, at };
  });
  return { matches, wordFound, terms: [...allTerms] };
}

/** The index terms of a query that one matched record has: what its snippet highlights. */
export function matchedTerms(engine: Engine, result: QueryResult, match: Match): Set<string> {
  return new Set(
    result.terms.filter((t) => {
      const n = engine.termNumber.get(t)!;
      for (let field = 0; field < fieldCount; field++) if (includes(postings(engine, n, field), match.at)) return true;
      return false;
    }),
  );
}

function includes(sorted: Int32Array, value: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] === value) return true;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/**
 * "Did you mean": each word that matched nothing but by a typo route is replaced by the most
 * common index word within edit distance 1 (2 for long words). Null when nothing changes.
 */
export function suggest(engine: Engine, words: QueryWord[], wordFound: boolean[]): string | null {
  let changed = false;
  const out = words.map((w, i) => {
    if (wordFound[i] || w.surface.length < 4 || /^\d+$/.test(w.surface)) return w.surface;
    let best: { term: string; df: number } | null = null;
    const stem = w.exact[0];
    for (const term of expand(engine, { term: stem, editDistance: stem.length >= 8 ? 2 : 1 })) {
      if (term === stem || !engine.surfaces[term]) continue;
      const df = documentFrequency(engine, term);
      if (!best || df > best.df) best = { term, df };
    }
    if (!best) return w.surface;
    changed = true;
    return engine.surfaces[best.term];
  });
  return changed ? out.join(" ") : null;
}
