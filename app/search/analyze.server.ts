import lunr from "lunr";
import stemmerSupport from "lunr-languages/lunr.stemmer.support.js";
import swedish from "lunr-languages/lunr.sv.js";

import type { Language } from "../../db/schema";

// The server bundle and the start script may each load this module; register the language once.
if (!(lunr as unknown as { sv?: unknown }).sv) {
  stemmerSupport(lunr);
  swedish(lunr);
}

/**
 * How Lärdom turns text into index terms, the same way for records and queries:
 * lower case → stop words out → å/ä/ö and other accents folded (so "arbetsmiljo" finds
 * "arbetsmiljö") → stemmed (Swedish Snowball for Swedish text, Porter for English).
 *
 * We tokenize ourselves instead of using lunr's tokenizer and trimmer: lunr's trimmer strips
 * å/ä/ö at word edges ("Öppna" → "ppna"), and its query parser throws on stray syntax.
 */

const WORD = /[\p{L}\p{N}]+/gu;

const swedishStopWords = new Set(
  "alla allt att av blev bli blir blivit de dem den denna deras dess dessa det detta dig din dina ditt du där då efter ej eller en er era ert ett från för ha hade han hans har henne hennes hon honom hur här i icke ingen inom inte jag ju kan kunde med mellan men mig min mina mitt mot mycket ni nu när någon något några och om oss på samma sedan sig sin sina sitta själv skulle som så sådan sådana sådant till upp ut utan vad var vara varför varit varje vars vart vem vi vid vilka vilkas vilken vilket vår våra vårt än är åt över".split(
    " ",
  ),
);
const englishStopWords = new Set(
  "a an and are as at be but by for from has have if in into is it its of on or our so such that the their then there these they this to was were which will with".split(" "),
);

/** Removes accents: å→a, ä→a, ö→o, é→e. Applied to text and queries alike. */
export function fold(word: string): string {
  return word.normalize("NFD").replace(/\p{M}+/gu, "");
}

function stemWith(stemmer: lunr.PipelineFunction, word: string): string {
  return (stemmer(new lunr.Token(word, {}), 0, []) as lunr.Token).toString();
}

/** The Swedish stem; `twice` runs the stemmer again, which reaches forms the first pass leaves. */
const svStemmer = lunr.sv.stemmer as unknown as lunr.PipelineFunction;

export function swedishStem(word: string, { twice = false } = {}): string {
  const once = stemWith(svStemmer, word);
  return twice ? stemWith(svStemmer, once) : once;
}

export function englishStem(word: string): string {
  return stemWith(lunr.stemmer, word);
}

export function isStopWord(lowerWord: string, language: Language): boolean {
  return language === "en" ? englishStopWords.has(lowerWord) : swedishStopWords.has(lowerWord);
}

/** Words repeat (Zipf), and stemming is the costly step: remember recent answers. */
const termCache = new Map<string, string | null>();
const TERM_CACHE_SIZE = 200_000;

/** The index term of one word of text in the given language, or null for a stop word. */
export function termOf(word: string, language: Language): string | null {
  const key = language === "en" ? `en:${word}` : word;
  const cached = termCache.get(key);
  if (cached !== undefined) return cached;
  const lower = word.toLocaleLowerCase("sv");
  const folded = fold(lower);
  const term = isStopWord(lower, language) ? null : language === "en" ? englishStem(folded) : swedishStem(folded);
  if (termCache.size >= TERM_CACHE_SIZE) termCache.clear();
  termCache.set(key, term);
  return term;
}

export interface WordAt {
  word: string;
  start: number;
  end: number;
}

/** The words of a text with their offsets, for highlighting. */
export function wordsOf(text: string): WordAt[] {
  const words: WordAt[] = [];
  for (const match of text.matchAll(WORD)) {
    words.push({ word: match[0], start: match.index!, end: match.index! + match[0].length });
  }
  return words;
}

/** Index terms of a text, in order, stop words left out. */
export function termsOf(text: string, language: Language): string[] {
  const terms: string[] = [];
  for (const match of text.matchAll(WORD)) {
    const term = termOf(match[0], language);
    if (term) terms.push(term);
  }
  return terms;
}

/**
 * The tokenizer given to lunr. Fields arrive already analysed (arrays of terms from termsOf,
 * in each record's own language), so it only wraps them; lunr's pipelines are left empty.
 */
export function termTokenizer(value?: unknown): lunr.Token[] {
  if (!Array.isArray(value)) return [];
  return value.map((term) => new lunr.Token(String(term), {}));
}

export { lunr };
