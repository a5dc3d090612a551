import { lunr, termOf, termsOf, termTokenizer, wordsOf } from "./analyze.server";
import type { SearchDoc } from "./documents.server";

/**
 * Building and loading the lunr index. Pure functions over data, so the worker thread, the
 * benchmark and the tests use them as the server does. Queries are in query.server.ts.
 */

/**
 * Three fields, title over lead over body. The lead holds the summary and the short things a
 * reader scans first: tags, theme names, organisation and an event's lessons. Each field costs a
 * posting list per term and a vector per record, so fewer fields keep the index small.
 */
export const FIELD_BOOSTS = { title: 10, lead: 4, body: 1 } as const;

export interface SerializedEngine {
  index: object;
  surfaces: Record<string, string>;
}

/** Internals of lunr.Index that the scorer reads directly. */
interface IndexData {
  invertedIndex: Record<string, { _index: number } & Record<string, Record<string, object>>>;
  fieldVectors: Record<string, { elements: number[] }>;
  fields: string[];
  tokenSet: lunr.TokenSet;
}

export interface Engine {
  index: lunr.Index;
  invertedIndex: IndexData["invertedIndex"];
  tokenSet: lunr.TokenSet;
  fields: string[];
  /** Record ids by their position in `vectors` and posting lists. */
  ids: number[];
  /** Position of each record ref (its id as a string). */
  positionOf: Map<string, number>;
  /** Per field, per record position: lunr's term weights, as [termIndex, weight, …] sorted. */
  vectors: (number[] | undefined)[][];
  /** Per term, per field: positions of the records that have it. Filled as terms are asked for. */
  postings: Map<string, Int32Array[]>;
  /** Every index term, reversed and sorted: finds terms that end with a word (compound tails). */
  reversedTerms: string[];
  /** A readable word for each term, for "did you mean". */
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
  const { invertedIndex, fieldVectors, fields, tokenSet } = index as unknown as IndexData;
  // Records get positions so scoring can use arrays instead of string-keyed lookups.
  const ids: number[] = [];
  const position = new Map<string, number>();
  const vectors: (number[] | undefined)[][] = fields.map(() => []);
  for (const key of Object.keys(fieldVectors)) {
    const slash = key.indexOf("/");
    const field = fields.indexOf(key.slice(0, slash));
    const ref = key.slice(slash + 1);
    let at = position.get(ref);
    if (at === undefined) {
      at = ids.push(Number(ref)) - 1;
      position.set(ref, at);
    }
    vectors[field][at] = fieldVectors[key].elements;
  }
  return {
    index,
    invertedIndex,
    tokenSet,
    fields,
    ids,
    positionOf: position,
    vectors,
    postings: new Map(),
    reversedTerms: Object.keys(invertedIndex).map(reverse).sort(),
    surfaces: serialized.surfaces,
  };
}

/** The records having `term`, per field, as sorted positions; cached per term. */
export function postingsOf(engine: Engine, term: string): Int32Array[] | null {
  const cached = engine.postings.get(term);
  if (cached) return cached;
  const posting = engine.invertedIndex[term];
  if (!posting) return null;
  const lists = engine.fields.map((field) =>
    Int32Array.from(Object.keys(posting[field] ?? {}), (ref) => engine.positionOf.get(ref)!).sort(),
  );
  engine.postings.set(term, lists);
  return lists;
}

/** The weight of a term in one field of one record: binary search in lunr's sparse vector. */
export function weightIn(vector: number[] | undefined, termIndex: number): number {
  if (!vector) return 0;
  let lo = 0;
  let hi = vector.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const index = vector[mid * 2];
    if (index === termIndex) return vector[mid * 2 + 1];
    if (index < termIndex) lo = mid + 1;
    else hi = mid - 1;
  }
  return 0;
}

/** Most index terms one wildcard or fuzzy clause may expand to; short prefixes match many. */
const MAX_EXPANSION = 100;

/**
 * Index terms matching a pattern, found with lunr's own token-set automata: `prefix` gives the
 * terms starting with the term, `editDistance` those within that many edits of it.
 */
export function expand(engine: Engine, { term, prefix, editDistance }: { term: string; prefix?: boolean; editDistance?: number }): string[] {
  // Both constructors are in lunr but missing from its type definitions.
  const TokenSet = lunr.TokenSet as unknown as {
    fromFuzzyString: (term: string, distance: number) => lunr.TokenSet;
    fromString: (pattern: string) => lunr.TokenSet;
  };
  const set = editDistance ? TokenSet.fromFuzzyString(term, editDistance) : TokenSet.fromString(prefix ? `${term}*` : term);
  return engine.tokenSet.intersect(set).toArray().slice(0, MAX_EXPANSION);
}

/** Terms of the index that end with `tail` and are at least `minHead` characters longer. */
export function termsEndingWith(engine: Engine, tail: string, minHead: number, max = 30): string[] {
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

function reverse(s: string): string {
  return [...s].reverse().join("");
}

/** How many records have the term in any field. */
export function documentFrequency(engine: Engine, term: string): number {
  const lists = postingsOf(engine, term);
  if (!lists) return 0;
  return new Set(lists.flatMap((l) => [...l])).size;
}
