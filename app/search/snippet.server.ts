import { termOf, wordsOf } from "./analyze.server";
import type { SearchDoc } from "./documents.server";

const WINDOW_WORDS = 32;

const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

/**
 * A short passage of the record around the words that matched, HTML-escaped, with the matched
 * words in <mark>. `matched` holds the index terms that matched the query. Falls back to the
 * start of the summary when the match was only in the title or tags.
 */
export function makeSnippet(doc: SearchDoc, matched: Set<string>): string {
  const text = [doc.summary, ...doc.lessons, doc.text].filter(Boolean).join(" … ");
  const words = wordsOf(text);
  // A term is a prefix of its folded word (stemming only cuts endings), so only words that
  // start like some matched term need analysing.
  const starts = new Set([...matched].flatMap((t) => unfolded(t.slice(0, 2))));
  const hits = words.map((w) => {
    if (!starts.has(w.word.slice(0, 2).toLowerCase())) return false;
    const term = termOf(w.word, doc.language);
    return term !== null && matched.has(term);
  });

  // The window of words with the most hits; the earliest such window wins.
  let bestStart = 0;
  let bestCount = -1;
  let count = 0;
  for (let i = 0; i < words.length; i++) {
    if (hits[i]) count++;
    if (i >= WINDOW_WORDS && hits[i - WINDOW_WORDS]) count--;
    const start = Math.max(0, i - WINDOW_WORDS + 1);
    if (count > bestCount) {
      bestCount = count;
      bestStart = start;
    }
  }
  if (words.length === 0) return "";
  // Start a few words before the first hit so it has some context.
  const firstHit = hits.indexOf(true, bestStart);
  const from = bestCount > 0 ? Math.max(0, Math.min(bestStart, firstHit - 4)) : 0;
  const to = Math.min(words.length, from + WINDOW_WORDS);

  let html = from > 0 ? "… " : "";
  let cursor = words[from].start;
  for (let i = from; i < to; i++) {
    const w = words[i];
    html += escapeHtml(text.slice(cursor, w.start));
    html += hits[i] ? `<mark>${escapeHtml(w.word)}</mark>` : escapeHtml(w.word);
    cursor = w.end;
  }
  if (to < words.length) html += " …";
  else html += escapeHtml(text.slice(cursor));
  return html;
}

/** The spellings that fold to a folded pair of letters: "oa" → oa, öa, oå, öå, oä, öä. */
function unfolded(pair: string): string[] {
  const variants: Record<string, string[]> = { a: ["a", "å", "ä", "á", "à"], o: ["o", "ö", "ó"], e: ["e", "é", "è"], u: ["u", "ü"] };
  let out = [""];
  for (const ch of pair) out = out.flatMap((prefix) => (variants[ch] ?? [ch]).map((v) => prefix + v));
  return out;
}
