import { lunr, termOf, termsOf, termTokenizer, wordsOf } from "./analyze.server";
import type { SearchDoc } from "./documents.server";

/**
 * Building and loading the search index. lunr's Builder weighs every term of every field
 * (BM25 with field boosts); we keep its results in a compact form of typed arrays instead of
 * lunr's object graph, which at 10,000 records takes most of a gigabyte to load and hold.
 * Typos are found with lunr's TokenSet automata. Queries are in query.server.ts; see
 * docs/decisions/004-search.md.
 */

/**
 * Three fields, title over lead over body. The lead holds the summary and the short things a
 * reader scans first: tags, theme names, organisation and an event's lessons. Each field costs a
 * posting list per term and a vector per record, so fewer fields keep the index small.
 */
export const FIELD_BOOSTS = { title: 10, lead: 4, body: 1 } as const;
const FIELDS = Object.keys(FIELD_BOOSTS);

/** The index as plain arrays: what the worker sends back and what is persisted as JSON. */
export interface SerializedEngine {
  /** Record ids; a record's position in this list is how the arrays below name it. */
  ids: number[];
  /** Every term, sorted. A term's position in this list is its number. */
  terms: string[];
  /** Records per term and field: term t, field f is postingData[postingStart[t*F+f] .. postingStart[t*F+f+1]]. */
  postingStart: number[];
  postingData: number[];
  /** Term weights per record and field: record p, field f is entries vectorStart[p*F+f] .. vectorStart[p*F+f+1]. */
  vectorStart: number[];
  vectorTerm: number[];
  vectorWeight: number[];
  /** A readable word for a term, for "did you mean". */
  surfaces: Record<string, string>;
}

export interface Engine {
  ids: number[];
  terms: string[];
  termNumber: Map<string, number>;
  postingStart: Int32Array;
  postingData: Int32Array;
  vectorStart: Int32Array;
  vectorTerm: Int32Array;
  vectorWeight: Float32Array;
  /** lunr's automaton of all terms, for typos; built the first time a typo is looked for. */
  tokenSet: lunr.TokenSet | null;
  /** Every term, reversed and sorted: finds terms that end with a word (compound tails). */
  reversedTerms: string[];
  surfaces: Record<string, string>;
}

/** An index and the documents it was built from. */
export interface SearchPart {
  engine: Engine;
  docs: Map<number, SearchDoc>;
}

function fieldsOf(doc: SearchDoc) {
  const lang = doc.language;
  return {
    id: String(doc.id),
    title: termsOf(doc.title, lang),
    lead: [
      ...termsOf([doc.summary, ...doc.lessons].join(" "), lang),
      // Tags, theme names and organisations are mostly Swedish, whatever the record's language.
      ...termsOf([...doc.tags, ...doc.themes.map((t) => t.name), doc.organisation].join(" "), "sv"),
    ],
    body: termsOf(doc.text, lang),
  };
}

/** Internals of a built lunr.Index that we read once, to convert. */
interface LunrIndexData {
  invertedIndex: Record<string, { _index: number } & Record<string, Record<string, object>>>;
  fieldVectors: Record<string, { elements: number[] }>;
}

/** Builds the index. CPU-heavy at scale: the server runs it in a worker thread. */
export function buildEngine(docs: SearchDoc[]): SerializedEngine {
  const surfaces: Record<string, string> = {};
  const built = lunr(function () {
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
  }) as unknown as LunrIndexData;

  const ids = docs.map((d) => d.id);
  const position = new Map(ids.map((id, p) => [String(id), p]));
  const terms = Object.keys(built.invertedIndex).sort();
  const numberOfLunrIndex = new Map(terms.map((t, n) => [built.invertedIndex[t]._index, n]));

  const postingStart = [0];
  const postingData: number[] = [];
  for (const term of terms) {
    for (const field of FIELDS) {
      const refs = Object.keys(built.invertedIndex[term][field] ?? {});
      for (const p of refs.map((ref) => position.get(ref)!).sort((a, b) => a - b)) postingData.push(p);
      postingStart.push(postingData.length);
    }
  }

  const vectorStart = [0];
  const vectorTerm: number[] = [];
  const vectorWeight: number[] = [];
  for (const id of ids) {
    for (const field of FIELDS) {
      const elements = built.fieldVectors[`${field}/${id}`]?.elements ?? [];
      const entries: [number, number][] = [];
      for (let i = 0; i < elements.length; i += 2) entries.push([numberOfLunrIndex.get(elements[i])!, elements[i + 1]]);
      entries.sort((a, b) => a[0] - b[0]);
      for (const [term, weight] of entries) {
        vectorTerm.push(term);
        vectorWeight.push(Math.round(weight * 1e4) / 1e4); // four decimals: ranking needs no more
      }
      vectorStart.push(vectorTerm.length);
    }
  }
  return { ids, terms, postingStart, postingData, vectorStart, vectorTerm, vectorWeight, surfaces };
}

/**
 * The index in the form a worker hands over: typed arrays, whose memory is moved to the main
 * thread rather than copied, and the reversed terms, so taking it over costs the server almost
 * nothing.
 */
export interface PackedEngine {
  ids: number[];
  terms: string[];
  reversedTerms: string[];
  postingStart: Int32Array;
  postingData: Int32Array;
  vectorStart: Int32Array;
  vectorTerm: Int32Array;
  vectorWeight: Float32Array;
  surfaces: Record<string, string>;
}

export function packEngine(s: SerializedEngine): PackedEngine {
  return {
    ids: s.ids,
    terms: s.terms,
    reversedTerms: s.terms.map(reverse).sort(),
    postingStart: Int32Array.from(s.postingStart),
    postingData: Int32Array.from(s.postingData),
    vectorStart: Int32Array.from(s.vectorStart),
    vectorTerm: Int32Array.from(s.vectorTerm),
    vectorWeight: Float32Array.from(s.vectorWeight),
    surfaces: s.surfaces,
  };
}

/** The buffers of a packed engine, for postMessage's transfer list. */
export function transferablesOf(p: PackedEngine): ArrayBuffer[] {
  return [p.postingStart, p.postingData, p.vectorStart, p.vectorTerm, p.vectorWeight].map((a) => a.buffer as ArrayBuffer);
}

export function loadEngine(s: SerializedEngine | PackedEngine): Engine {
  const packed = "reversedTerms" in s ? s : packEngine(s);
  return { ...packed, termNumber: new Map(packed.terms.map((t, n) => [t, n])), tokenSet: null };
}

const F = FIELDS.length;

/** The records having term number `term` in field `field`, as sorted positions. */
export function postings(engine: Engine, term: number, field: number): Int32Array {
  const at = term * F + field;
  return engine.postingData.subarray(engine.postingStart[at], engine.postingStart[at + 1]);
}

export const fieldCount = F;

/** The weight of a term in one field of one record: binary search in its sorted vector. */
export function weightIn(engine: Engine, record: number, field: number, term: number): number {
  const at = record * F + field;
  let lo = engine.vectorStart[at];
  let hi = engine.vectorStart[at + 1] - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = engine.vectorTerm[mid];
    if (t === term) return engine.vectorWeight[mid];
    if (t < term) lo = mid + 1;
    else hi = mid - 1;
  }
  return 0;
}

/** Longest word looked up with typos allowed (Swedish compounds stay well below it). */
const MAX_FUZZY_LENGTH = 32;

/** Most index terms one prefix or typo pattern may expand to; short prefixes match many. */
const MAX_EXPANSION = 50;

/**
 * Index terms matching a pattern: `prefix` gives the terms starting with the term (a range of
 * the sorted terms), `editDistance` those within that many edits of it (lunr's automata).
 */
export function expand(engine: Engine, { term, prefix, editDistance }: { term: string; prefix?: boolean; editDistance?: number }): string[] {
  if (prefix) {
    const found: string[] = [];
    for (let i = lowerBound(engine.terms, term); i < engine.terms.length && found.length < MAX_EXPANSION; i++) {
      if (!engine.terms[i].startsWith(term)) break;
      found.push(engine.terms[i]);
    }
    return found;
  }
  // Both are in lunr but missing from its type definitions. fromArray wants sorted terms.
  const TokenSet = lunr.TokenSet as unknown as {
    fromFuzzyString: (term: string, distance: number) => lunr.TokenSet;
    fromArray: (terms: string[]) => lunr.TokenSet;
  };
  // lunr's typo automaton grows so fast with the word's length that one 500-letter word took
  // 90 s; words that long are not typed by hand, so they are only matched as they are.
  if (term.length > MAX_FUZZY_LENGTH) {
    const at = lowerBound(engine.terms, term);
    return engine.terms[at] === term ? [term] : [];
  }
  engine.tokenSet ??= TokenSet.fromArray(engine.terms);
  const pattern = TokenSet.fromFuzzyString(term, editDistance ?? 0);
  return engine.tokenSet.intersect(pattern).toArray().slice(0, MAX_EXPANSION);
}

function lowerBound(sorted: string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Terms of the index that end with `tail` and are at least `minHead` characters longer. */
export function termsEndingWith(engine: Engine, tail: string, minHead: number, max = 20): string[] {
  const key = reverse(tail);
  const list = engine.reversedTerms;
  const found: string[] = [];
  for (let i = lowerBound(list, key); i < list.length && list[i].startsWith(key) && found.length < max; i++) {
    if (list[i].length >= key.length + minHead) found.push(reverse(list[i]));
  }
  return found;
}

function reverse(s: string): string {
  return [...s].reverse().join("");
}

/** How many records have the term, counted in its most common field (a cheap lower bound). */
export function documentFrequency(engine: Engine, term: string): number {
  const n = engine.termNumber.get(term);
  if (n === undefined) return 0;
  let most = 0;
  for (let f = 0; f < F; f++) most = Math.max(most, postings(engine, n, f).length);
  return most;
}
