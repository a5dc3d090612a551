import type { Language } from "../../db/schema";
import { englishStem, fold, isStopWord, lunr, swedishStem, termOf, termsOf, termTokenizer, wordsOf } from "./analyze.server";
import type { SearchDoc } from "./documents.server";

/**
 * The lunr side of search: building an index from SearchDocs, and answering a query with
 * Swedish expansions. Pure functions over data, so the worker thread and the tests use them too.
 */

/** Title beats summary beats the rest; tags, themes and organisation sit in between. */
export const FIELD_BOOSTS = { title: 10, summary: 4, meta: 3, lessons: 2, text: 1 } as const;

/** How much each kind of match of one query word counts. An exact stem counts most. */
const BOOST = { exact: 10, prefix: 3, tail: 3, fuzzy: 1 } as const;

export interface Engine {
  index: lunr.Index;
  /** Every index term, reversed and sorted: finds terms that end with a word (compound tails). */
  reversedTerms: string[];
  /** A readable word for each term, for "did you mean". */
  surfaces: Record<string, string>;
}

export interface SerializedEngine {
  index: object;
  surfaces: Record<string, string>;
}

function fieldsOf(doc: SearchDoc) {
  const lang = doc.language;
  return {
    id: String(doc.id),
    title: termsOf(doc.title, lang),
    summary: termsOf(doc.summary, lang),
    // Tags, theme names and organisations are mostly Swedish, whatever the record's language.
    meta: termsOf([...doc.tags, ...doc.themes.map((t) => t.name), doc.organisation].join(" "), "sv"),
    lessons: termsOf(doc.lessons.join(" "), lang),
    text: termsOf(doc.text, lang),
  };
}

/** Builds the index. CPU-heavy at scale: the server runs it in a worker thread. */
export function buildEngine(docs: SearchDoc[]): SerializedEngine {
  const surfaces: Record<string, string> = {};
  const index = lunr(function () {
    this.tokenizer = termTokenizer as unknown as typeof lunr.tokenizer;
    this.pipeline.reset();
    this.searchPipeline.reset();
    this.metadataWhitelist = [];
    this.ref("id");
    for (const [field, boost] of Object.entries(FIELD_BOOSTS)) this.field(field, { boost });
    for (const doc of docs) {
      this.add(fieldsOf(doc));
      for (const { word } of wordsOf(`${doc.title} ${doc.summary}`)) {
        const term = termOf(word, doc.language);
        if (term && !(term in surfaces)) surfaces[term] = word.toLocaleLowerCase("sv");
      }
    }
  });
  return { index: index.toJSON(), surfaces };
}

export function loadEngine(serialized: SerializedEngine): Engine {
  const index = lunr.Index.load(serialized.index);
  const reversedTerms = Object.keys((index as unknown as { invertedIndex: object }).invertedIndex)
    .map(reverse)
    .sort();
  return { index, reversedTerms, surfaces: serialized.surfaces };
}

function reverse(s: string): string {
  return [...s].reverse().join("");
}

/** Terms of the index that end with `tail` and are at least `minHead` characters longer. */
function termsEndingWith(engine: Engine, tail: string, minHead: number, max = 30): string[] {
  const key = reverse(tail);
  const list = engine.reversedTerms;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  const found: string[] = [];
  for (let i = lo; i < list.length && list[i].startsWith(key) && found.length < max; i++) {
    if (list[i].length >= key.length + minHead) found.push(reverse(list[i]));
  }
  return found;
}

/** One word of a query and the index terms it may match. */
export interface QueryWord {
  surface: string;
  /** Stems in Swedish and English: exact matches. */
  exact: string[];
  /** A shorter stem whose continuations match (compound heads, inflections the stemmer splits). */
  prefix: string | null;
  /** Longer terms that end with the word (compound tails: "återvinning" in "värmeåtervinning"). */
  tails: string[];
  /** Typos: edit distance allowed against the Swedish stem, 0 for none. */
  fuzzy: number;
}

const MAX_QUERY_WORDS = 12;

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
    return {
      surface,
      exact,
      prefix: shorter.length >= 4 ? shorter : null,
      tails: sv.length >= 5 ? termsEndingWith(engine, sv, 3) : [],
      fuzzy: sv.length >= 9 ? 2 : sv.length >= 5 ? 1 : 0,
    };
  });
}

export interface Match {
  id: number;
  score: number;
  /** Index terms that matched, for snippets. */
  terms: Set<string>;
  /** How many of the query's words the record matched. */
  coverage: number;
}

/** Runs a parsed query; every record that matches any word, with its coverage of the words. */
export function runQuery(engine: Engine, words: QueryWord[]): Match[] {
  if (words.length === 0) return [];
  const { TRAILING } = lunr.Query.wildcard;
  const results = engine.index.query((query) => {
    for (const w of words) {
      for (const term of w.exact) query.term(term, { boost: BOOST.exact, usePipeline: false });
      if (w.prefix) query.term(w.prefix, { boost: BOOST.prefix, usePipeline: false, wildcard: TRAILING });
      for (const term of w.tails) query.term(term, { boost: BOOST.tail, usePipeline: false });
      if (w.fuzzy) query.term(w.exact[0], { boost: BOOST.fuzzy, usePipeline: false, editDistance: w.fuzzy });
    }
  });
  return results.map((r) => {
    const terms = new Set(Object.keys(r.matchData.metadata));
    const coverage = words.filter((w) => [...terms].some((t) => wordMatches(w, t))).length;
    return { id: Number(r.ref), score: r.score, terms, coverage };
  });
}

/** Does an index term match a query word by any of the word's routes? */
export function wordMatches(word: QueryWord, term: string): boolean {
  if (word.exact.includes(term) || word.tails.includes(term)) return true;
  if (word.prefix && term.startsWith(word.prefix)) return true;
  return word.fuzzy > 0 && withinDistance(word.exact[0], term, word.fuzzy);
}

/** Levenshtein distance ≤ max, with an early exit: query words are short. */
export function withinDistance(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, row[j]);
    }
    if (best > max) return false;
    prev = row;
  }
  return prev[b.length] <= max;
}

/**
 * "Did you mean": for each query word that matched nothing exactly, the closest frequent
 * word of the index (by edit distance up to 2). Null when every word was fine or nothing is near.
 */
export function suggest(engine: Engine, words: QueryWord[], matched: Set<string>): string | null {
  let changed = false;
  const out = words.map((w) => {
    if (w.surface.length < 4 || /^\d+$/.test(w.surface)) return w.surface;
    if ([...matched].some((t) => w.exact.includes(t) || (w.prefix && t.startsWith(w.prefix)) || w.tails.includes(t))) {
      return w.surface;
    }
    let best: { term: string; df: number } | null = null;
    const stem = w.exact[0];
    for (const term of Object.keys(engine.surfaces)) {
      if (term === stem || !withinDistance(stem, term, stem.length >= 8 ? 2 : 1)) continue;
      const df = documentFrequency(engine, term);
      if (!best || df > best.df) best = { term, df };
    }
    if (!best) return w.surface;
    changed = true;
    return engine.surfaces[best.term];
  });
  return changed ? out.join(" ") : null;
}

function documentFrequency(engine: Engine, term: string): number {
  const posting = (engine.index as unknown as { invertedIndex: Record<string, Record<string, object>> }).invertedIndex[term];
  if (!posting) return 0;
  const docs = new Set<string>();
  for (const field of Object.keys(FIELD_BOOSTS)) for (const ref of Object.keys(posting[field] ?? {})) docs.add(ref);
  return docs.size;
}

/** The analysed form of a word in a record's language; snippets compare these with matches. */
export function highlightTerm(word: string, language: Language): string | null {
  return termOf(word, language);
}
