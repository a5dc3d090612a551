import type { Text } from "../i18n";

/**
 * What makes Markdown slow to render, found by measuring marked 15 + sanitize-html (issue 8):
 * link openers left open (`[a](` a few hundred times takes seconds, growing faster than the
 * square), lists nested hundreds deep (likewise), blockquotes nested thousands deep (the
 * renderer's stack overflows), and thousands of emphasis markers. Ordinary text — even a
 * thousand links, or a table of 100 kB — is nowhere near these limits. One pass, linear time;
 * shared by the forms (browser and server) and by renderMarkdown for text stored earlier.
 */
export const MARKDOWN_LIMITS = {
  /** Blockquote or list levels. */
  depth: 20,
  /** `(` or `[` left open in one paragraph (marked parses a paragraph's inline text as one). */
  unclosed: 100,
  /** `*`, `_`, `~` and backticks in one paragraph. */
  markers: 1_000,
  /** The same over the whole text. */
  totalMarkers: 5_000,
};

const SPACE = 0x20;
const TAB = 0x09;

export function markdownProblem(markdown: string): Text | null {
  let markers = 0;
  let totalMarkers = 0;
  let unclosed = 0;
  let fenced = false;
  for (const line of markdown.split("\n")) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    if (fenced) continue;
    if (!line.trim()) {
      markers = 0;
      unclosed = 0;
      continue;
    }
    let quotes = 0;
    let indent = 0;
    let i = 0;
    for (; i < line.length; i++) {
      const c = line.charCodeAt(i);
      if (c === 0x3e) quotes++;
      else if (c === SPACE) indent++;
      else if (c === TAB) indent += 4;
      else break;
    }
    // Each list level indents by two to four columns.
    if (quotes > MARKDOWN_LIMITS.depth || indent > MARKDOWN_LIMITS.depth * 4) return TOO_DEEP;
    let paren = 0;
    let bracket = 0;
    for (; i < line.length; i++) {
      const c = line[i];
      if (c === "(") paren++;
      else if (c === ")") paren = Math.max(0, paren - 1);
      else if (c === "[") bracket++;
      else if (c === "]") bracket = Math.max(0, bracket - 1);
      else if (c === "*" || c === "_" || c === "~" || c === "`") {
        markers++;
        totalMarkers++;
      }
    }
    unclosed += paren + bracket;
    if (unclosed > MARKDOWN_LIMITS.unclosed) return UNCLOSED;
    if (markers > MARKDOWN_LIMITS.markers || totalMarkers > MARKDOWN_LIMITS.totalMarkers) return MARKERS;
  }
  return null;
}

const TOO_DEEP: Text = {
  sv: `Texten har citat eller listor i fler än ${MARKDOWN_LIMITS.depth} nivåer. Gör strukturen plattare.`,
  en: `The text nests quotes or lists more than ${MARKDOWN_LIMITS.depth} levels deep. Make it flatter.`,
};
const UNCLOSED: Text = {
  sv: `Ett stycke i texten har fler än ${MARKDOWN_LIMITS.unclosed} parenteser eller hakparenteser som aldrig stängs. Stäng dem eller ta bort dem.`,
  en: `A paragraph of the text has more than ${MARKDOWN_LIMITS.unclosed} parentheses or brackets that are never closed. Close or remove them.`,
};
const MARKERS: Text = {
  sv: `Texten har för många formateringstecken (* _ ~ \`): högst ${MARKDOWN_LIMITS.markers} per stycke och ${MARKDOWN_LIMITS.totalMarkers} i allt. Ta bort några.`,
  en: `The text has too many formatting characters (* _ ~ \`): at most ${MARKDOWN_LIMITS.markers} per paragraph and ${MARKDOWN_LIMITS.totalMarkers} in all. Remove some.`,
};
