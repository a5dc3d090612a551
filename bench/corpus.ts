import type { SearchDoc } from "../app/search/documents.server";

/**
 * Synthetic Lärdom-like records for benchmarks: Swedish-looking words drawn from a Zipf
 * distribution, inflected with Swedish endings and joined into compounds, so the index sees
 * vocabulary shaped like the real content at any size. Deterministic for a given seed.
 */

export function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ONSETS = ["b", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "v", "st", "sk", "tr", "fr", "gr", "kl", "sp", "br", "sl", "kv", "sj"];
const VOWELS = ["a", "e", "i", "o", "u", "y", "å", "ä", "ö", "a", "e", "o"];
const CODAS = ["", "n", "r", "l", "k", "t", "s", "m", "ng", "rd", "ll", "st", "nd", "rk"];
const ENDINGS = ["", "", "", "en", "et", "er", "ar", "na", "erna", "arna", "ning", "ningen", "het", "else", "are", "ande", "isering", "iseringen"];

export interface Vocabulary {
  /** Base words, most frequent first. */
  words: string[];
  /** Compounds of two base words, most frequent first: Swedish text repeats its compounds. */
  compounds: string[];
  /** Draws a rank from the Zipf distribution. */
  rank: () => number;
  rng: () => number;
}

export function vocabulary(size: number, seed = 1): Vocabulary {
  const rng = random(seed);
  const pick = <T>(list: T[]) => list[Math.floor(rng() * list.length)];
  const words = new Set<string>();
  while (words.size < size) {
    const syllables = 1 + Math.floor(rng() * 3);
    let w = "";
    for (let i = 0; i < syllables; i++) w += pick(ONSETS) + pick(VOWELS) + pick(CODAS);
    if (w.length >= 3) words.add(w);
  }
  // Zipf with exponent ~1.07: cumulative weights, then binary search.
  const cumulative: number[] = [];
  let total = 0;
  for (let r = 1; r <= size; r++) cumulative.push((total += 1 / r ** 1.07));
  const rank = () => {
    const x = rng() * total;
    let lo = 0;
    let hi = size - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const list = [...words];
  const compounds = Array.from({ length: size }, () => {
    const head = list[rank()];
    return head + (rng() < 0.4 ? "s" : "") + list[rank()];
  });
  return { words: list, compounds, rank, rng };
}

/** One running word: a base word, often inflected, sometimes a compound of two. */
export function word(v: Vocabulary): string {
  const ending = ENDINGS[Math.floor(v.rng() * ENDINGS.length)];
  return (v.rng() < 0.15 ? v.compounds[v.rank()] : v.words[v.rank()]) + ending;
}

function sentence(v: Vocabulary, n: number): string {
  const words = Array.from({ length: n }, () => word(v));
  words[0] = words[0][0].toUpperCase() + words[0].slice(1);
  return `${words.join(" ")}.`;
}

const KINDS = ["practice", "event", "activity"] as const;
const COUNTIES = ["Dalarna", "Gävleborg", "Värmland"] as const;

export function syntheticDocs(count: number, seed = 7): SearchDoc[] {
  const v = vocabulary(8_000, seed);
  const themes = Array.from({ length: 15 }, (_, i) => ({ slug: `tema-${i}`, name: sentence(v, 2).slice(0, -1) }));
  return Array.from({ length: count }, (_, i) => {
    const kind = KINDS[i % 3];
    const theme = themes[Math.floor(v.rng() * themes.length)];
    const paragraphs = 3 + Math.floor(v.rng() * 4);
    return {
      id: i + 1,
      kind,
      slug: `post-${i + 1}`,
      title: sentence(v, 5 + Math.floor(v.rng() * 5)).slice(0, -1),
      summary: sentence(v, 20 + Math.floor(v.rng() * 10)),
      text: Array.from({ length: paragraphs }, () => sentence(v, 40 + Math.floor(v.rng() * 30))).join(" "),
      lessons: kind === "event" ? Array.from({ length: 4 }, () => sentence(v, 12)) : [],
      tags: Array.from({ length: 4 }, () => v.words[v.rank()]),
      themes: [theme],
      themeSlugs: [theme.slug],
      organisation: `${sentence(v, 2).slice(0, -1)} AB`,
      county: COUNTIES[i % 3],
      year: 2018 + (i % 9),
      publishedOn: `${2018 + (i % 9)}-05-01`,
      language: "sv" as const,
      membersOnly: false,
    };
  });
}

/** Queries like people type: common and rare words, inflections, compound parts, typos, pairs. */
export function syntheticQueries(docs: SearchDoc[], count: number, seed = 11): string[] {
  const rng = random(seed);
  const pickDoc = () => docs[Math.floor(rng() * docs.length)];
  const wordsOf = (d: SearchDoc) => `${d.title} ${d.summary}`.toLowerCase().match(/[\p{L}]{4,}/gu) ?? [];
  const queries: string[] = [];
  while (queries.length < count) {
    const words = wordsOf(pickDoc());
    if (words.length === 0) continue;
    const w = words[Math.floor(rng() * words.length)];
    const kind = queries.length % 5;
    if (kind === 0) queries.push(w);
    else if (kind === 1) queries.push(`${w}en`);
    else if (kind === 2) queries.push(w.length > 8 ? w.slice(Math.floor(w.length / 2)) : w.slice(0, Math.max(4, w.length - 1)));
    else if (kind === 3) {
      const i = 1 + Math.floor(rng() * (w.length - 2));
      queries.push(w.slice(0, i) + w.slice(i + 1));
    } else queries.push(`${w} ${words[Math.floor(rng() * words.length)]}`);
  }
  return queries;
}
