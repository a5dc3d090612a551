/**
 * The limits of Markdown that Lärdom renders, checked where text comes in (the forms' schemas,
 * the seeds) and again by renderMarkdown, which shows text over them as plain paragraphs.
 * marked is synchronous and some inputs cost it far more than their size suggests (measured:
 * 10 000 nested `>` overflow its stack, 5 000 lines of quotes deepening to 200 levels run it
 * out of memory, 8 kB of `[x](` take 20 s), so the limits are about its work, not only about
 * bytes. One linear pass and nothing server-side: this module is also bundled for the browser,
 * where Conform checks the same schema.
 */

import { z } from "zod";

import type { Translate } from "../i18n";
import { messages } from "./lang";

/** Characters in one Markdown text (a body, the minutes of an event). */
export const MARKDOWN_MAX_LENGTH = 100_000;
/** Characters in one of a practice's sections (problem, solution …). */
export const MARKDOWN_SECTION_MAX_LENGTH = 20_000;
/** Lists and blockquotes inside each other; ordinary writing needs a handful. */
export const MARKDOWN_MAX_DEPTH = 20;
/**
 * An estimate of marked's inline work, which grows with (length of a paragraph) × (its
 * formatting characters, a `[` counting four), table cells, and, in one run of text without
 * spaces, `[` × `(` × the run's length (its link pattern backtracks). This is the most one text
 * may add up to: enough for a 20 000-character paragraph with 2 000 formatting characters or 400
 * links, and the worst texts we could make under it take marked about 0.2 s here.
 */
export const MARKDOWN_MAX_INLINE_WORK = 40_000_000;
/** Work counted per table cell (a `|`): about what a cell costs marked and sanitize-html. */
const CELL_WORK = 2_000;

export type MarkdownProblem =
  | { kind: "length"; length: number }
  /**
   * `line` where the lines show it (counting stops one past the limit); marked may nest deeper
   * than they do (see markdownRenderProblem).
   */
  | { kind: "depth"; depth: number; line?: number }
  | { kind: "dense"; line: number };

const THEMATIC_BREAK = /^([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const NOT_BLANK = /[^ \t\r]/;
/** Headings, which are blocks of their own (as table rows, starting with `|`, are). */
const OWN_BLOCK = /^#{1,6}(?:[ \t]|$)/;

/** `\ [ ` < * _ ~`: what marked's inline pass masks, or looks for a closing partner of. */
function isFormatting(code: number): boolean {
  return code === 92 || code === 91 || code === 96 || code === 60 || code === 42 || code === 95 || code === 126;
}

/** A quote or list item open at the end of a line; an item goes on while lines are indented to its content. */
type Container = { quote: true } | { quote: false; content: number };

/**
 * The first limit the text goes over, or null. Nesting is followed as CommonMark does for each
 * line: the quotes and list items it continues (a `>` for a quote, indentation to the item's
 * text for an item), then the ones it opens; lines of fenced code do not count. A paragraph
 * continued by a line without its `>` or indentation ("lazily") is counted as closing what it
 * does not continue, which marked may nest deeper (markdownRenderProblem finds that). One pass.
 */
export function markdownProblem(markdown: string, maxLength = MARKDOWN_MAX_LENGTH): MarkdownProblem | null {
  if (markdown.length > maxLength) return { kind: "length", length: markdown.length };
  const open: Container[] = [];
  /** An open fenced code block: its marker, and how many containers it lives in. */
  let fence: { char: number; length: number; depth: number } | null = null;
  let lastOwnBlock = false;
  let lastBlank = true;
  /**
   * marked nests deeper than CommonMark where a paragraph in quotes goes on in lines with fewer
   * `>`: a drop of two or more levels without a blank line ("> > > a" then "b") adds all but
   * one of them to what follows (measured on marked 15). Counted until the next blank line.
   */
  let lazyDrop = 0;
  let lazyExtra = 0;
  let work = 0;
  let block = { line: 1, length: 0, formatting: 0 };
  const endBlock = (line: number) => {
    work += block.length * block.formatting;
    block = { line, length: 0, formatting: 0 };
  };
  /** Where the scan of a line is: index, and column (a tab goes on to the next multiple of four). */
  const at = { i: 0, col: 0 };
  const lines = markdown.split("\n");
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n];
    const end = line.length;
    const blankLine = !NOT_BLANK.test(line);
    at.i = 0;
    at.col = 0;
    skipSpace(line, at);
    /** The column the innermost container's text starts at: four more make indented code. */
    let base = 0;
    let kept = 0;
    for (const container of open) {
      if (container.quote) {
        if (line.charCodeAt(at.i) !== 62) break;
        at.i++;
        at.col++;
        base = at.col + 1;
        skipSpace(line, at);
      } else if (!blankLine && at.col < container.content) break;
      else base = container.content;
      kept++;
    }
    if (fence !== null) {
      if (kept >= fence.depth) {
        const run = fenceAt(line, at.i);
        if (run >= fence.length && line.charCodeAt(at.i) === fence.char && !NOT_BLANK.test(line.slice(at.i + run))) fence = null;
        continue;
      }
      // The quote or list item around the fence ended, and the fence with it.
      fence = null;
    }
    const continued = open.length;
    let closedQuotes = 0;
    for (let k = kept; k < continued; k++) if (open[k].quote) closedQuotes++;
    open.length = kept;
    // Stops at the limit: a line of 3 000 `- ` need not be read to the end.
    while (at.col - base < 4 && open.length + lazyExtra <= MARKDOWN_MAX_DEPTH) {
      if (line.charCodeAt(at.i) === 62) {
        open.push({ quote: true });
        at.i++;
        at.col++;
        base = at.col + 1;
        skipSpace(line, at);
        continue;
      }
      const marker = markerAt(line, at.i);
      if (marker === 0) break;
      at.i += marker;
      at.col += marker;
      base = at.col + 1;
      open.push({ quote: false, content: base });
      skipSpace(line, at);
    }
    if (blankLine) {
      lazyDrop = lazyExtra = 0;
    } else if (open.length === kept && closedQuotes > 0 && !lastBlank) {
      // Text that leaves quotes without a blank line and opens nothing: it goes on lazily.
      lazyDrop += closedQuotes;
    } else if (lazyDrop > 0) {
      if (lazyDrop >= 2) lazyExtra += lazyDrop - 1;
      lazyDrop = 0;
    }
    lastBlank = blankLine;
    const depth = open.length + lazyExtra;
    if (depth > MARKDOWN_MAX_DEPTH) return { kind: "depth", depth, line: n + 1 };
    const opening = at.col - base < 4 ? fenceAt(line, at.i) : 0;
    if (opening > 0) fence = { char: line.charCodeAt(at.i), length: opening, depth: open.length };

    // Paragraphs, for the inline estimate: blank lines and fences end them; a line that opens
    // or leaves a quote or list item, a heading or a table row starts a new one.
    const blank = at.i >= end || !NOT_BLANK.test(line.slice(at.i));
    const first = line.charCodeAt(at.i);
    const ownBlock = first === 124 || (first === 35 && OWN_BLOCK.test(line.slice(at.i, at.i + 8)));
    if (blank || opening > 0) endBlock(n + 2);
    else if (open.length !== kept || kept < continued || ownBlock || lastOwnBlock) endBlock(n + 1);
    lastOwnBlock = ownBlock;
    if (blank || opening > 0) continue;

    let run = 0;
    let brackets = 0;
    let parens = 0;
    for (let k = at.i; k <= end; k++) {
      const code = k < end ? line.charCodeAt(k) : 32;
      if (code === 32 || code === 9) {
        work += (brackets * parens * run) / 8;
        run = brackets = parens = 0;
        continue;
      }
      run++;
      if (code === 91) {
        brackets++;
        // A `[` sets off marked's link, reference and masking patterns: several times the work.
        block.formatting += 3;
      } else if (code === 40) parens++;
      else if (code === 124) work += CELL_WORK;
      if (isFormatting(code)) block.formatting++;
    }
    block.length += end - at.i;
    if (work + block.length * block.formatting > MARKDOWN_MAX_INLINE_WORK) return { kind: "dense", line: block.line };
  }
  return null;
}

/** Moves past spaces and tabs. A function of its own, not a closure per line: that costs. */
function skipSpace(line: string, at: { i: number; col: number }): void {
  for (let c = line.charCodeAt(at.i); at.i < line.length && (c === 32 || c === 9); c = line.charCodeAt(++at.i)) at.col += c === 9 ? 4 - (at.col % 4) : 1;
}

/** The length of the list marker (`-`, `*`, `+`, `1.`, `1)`) at `i`, or 0; a rule (`- - -`) is none. */
function markerAt(line: string, i: number): number {
  const c = line.charCodeAt(i);
  let k = i;
  if (c === 45 || c === 42 || c === 43) k++;
  else {
    while (k - i < 9 && line.charCodeAt(k) >= 48 && line.charCodeAt(k) <= 57) k++;
    if (k === i || (line.charCodeAt(k) !== 46 && line.charCodeAt(k) !== 41)) return 0;
    k++;
  }
  const after = line.charCodeAt(k);
  if (k < line.length && after !== 32 && after !== 9) return 0;
  return (c === 45 || c === 42) && THEMATIC_BREAK.test(line.slice(i)) ? 0 : k - i;
}

/** The length of the run of three or more backticks or tildes that opens a fence at `i`, or 0. */
function fenceAt(line: string, i: number): number {
  const c = line.charCodeAt(i);
  if (c !== 96 && c !== 126) return 0;
  let k = i;
  while (line.charCodeAt(k) === c) k++;
  return k - i >= 3 ? k - i : 0;
}

/** What is wrong, for the author, in their language; `complex` is what only rendering finds. */
export function markdownProblemMessage(t: Translate, problem: MarkdownProblem | { kind: "complex" }, maxLength = MARKDOWN_MAX_LENGTH): string {
  switch (problem.kind) {
    case "length": {
      const [max, has] = [t.number(maxLength), t.number(problem.length)];
      return t(`Högst ${max} tecken (texten har ${has}).`, `At most ${max} characters (the text has ${has}).`);
    }
    case "depth": {
      const [max, has] = [MARKDOWN_MAX_DEPTH, problem.depth];
      return problem.line === undefined
        ? t(`Högst ${max} nivåer av listor och citat i varandra (texten har ${has}).`, `At most ${max} levels of lists and quotes inside each other (the text has ${has}).`)
        : t(
            `Högst ${max} nivåer av listor och citat i varandra (rad ${problem.line} har minst ${has}).`,
            `At most ${max} levels of lists and quotes inside each other (line ${problem.line} has at least ${has}).`,
          );
    }
    case "dense":
      return t(
        `Stycket från rad ${problem.line} är för långt och tätt med formateringstecken för att visas; dela upp det med tomma rader.`,
        `The paragraph from line ${problem.line} is too long and dense with formatting characters to show; split it with blank lines.`,
      );
    case "complex":
      return t(
        "Texten är för invecklad för att visas formaterad; dela upp den i kortare stycken, med färre citat- och listnivåer.",
        "The text is too intricate to show formatted; split it into shorter paragraphs, with fewer levels of quotes and lists.",
      );
  }
}

/** A Markdown field of a form: at most `maxLength` characters and within the limits above. */
export function markdownField(t: Translate, maxLength = MARKDOWN_MAX_LENGTH) {
  return z
    .string(messages(t))
    .superRefine((text, ctx) => {
      const problem = markdownProblem(text, maxLength);
      if (problem) ctx.addIssue({ code: "custom", message: markdownProblemMessage(t, problem, maxLength) });
    })
    .default("");
}
