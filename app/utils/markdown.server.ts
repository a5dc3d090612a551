import { Marked, Tokenizer } from "marked";
import sanitizeHtml from "sanitize-html";

import { MARKDOWN_MAX_DEPTH, MARKDOWN_MAX_LENGTH, markdownProblem, type MarkdownProblem } from "../forms/markdown";

export { MARKDOWN_MAX_DEPTH, MARKDOWN_MAX_INLINE_WORK, MARKDOWN_MAX_LENGTH, markdownProblem, type MarkdownProblem } from "../forms/markdown";

/**
 * How long marked may work on one text before it is shown as plain paragraphs instead. The
 * checks of markdownProblem keep every input we know of below a fifth of it (ordinary 100 kB
 * texts take 0.1–0.3 s); this is for the ones we do not know of (marked is synchronous: while
 * it works, the server answers nobody).
 */
export const MARKDOWN_RENDER_BUDGET_MS = 1_000;
/**
 * marked's link pattern backtracks cubically over a run of `[x](` without spaces (measured:
 * 8 000 characters, 26 s). markdownProblem refuses such runs; in case it misses one, a link is
 * looked for only this far, which no real link comes near.
 */
const LINK_WINDOW = 4_000;

class RenderBudgetExceeded extends Error {}
let deadline = Number.POSITIVE_INFINITY;
function onTime(): false {
  if (performance.now() > deadline) throw new RenderBudgetExceeded();
  return false;
}

const marked = new Marked({ gfm: true, breaks: false, async: false }).use({
  // The block and inline loops of marked's lexer try `space` and `escape` first at every step:
  // there the clock is looked at. Returning false lets marked's own tokenizer go on.
  tokenizer: {
    space: onTime,
    escape: onTime,
    link(src) {
      return src.length > LINK_WINDOW ? Tokenizer.prototype.link.call(this, src.slice(0, LINK_WINDOW)) : false;
    },
  },
});

/**
 * The allow-list applied after marked, which passes raw HTML through untouched. Anything not
 * named here is dropped: scripts, styles, frames, forms, SVG, event handlers, `style`, and URLs
 * other than http(s) and mailto (so no `javascript:` or `data:`).
 */
const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "blockquote", "pre", "code",
    "ul", "ol", "li", "strong", "em", "del", "a", "img",
    "table", "thead", "tbody", "tr", "th", "td",
  ],
  allowedAttributes: {
    a: ["href", "title", "rel"],
    img: ["src", "alt", "title"],
    th: ["align"],
    td: ["align"],
    ol: ["start"],
  },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: { img: ["https"] },
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  transformTags: {
    // Browsers ignore leading spaces and control characters in a URL, so look past them.
    a: (tagName, attribs) => ({
      tagName,
      attribs: isAbsolute(attribs.href) ? { ...attribs, rel: "noopener noreferrer nofollow" } : attribs,
    }),
    // Only https images from elsewhere: a relative src would make the reader's browser request
    // one of our own URLs on the author's behalf.
    img: (tagName, attribs) => {
      const { src, ...rest } = attribs;
      return { tagName, attribs: /^https:\/\//i.test(src ?? "") ? attribs : rest };
    },
  },
};

function isAbsolute(url: string | undefined): boolean {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what to skip
  const trimmed = (url ?? "").replace(/^[\s\u0000-\u001f]+/, "");
  return /^([a-z][a-z0-9+.-]*:)?\/\//i.test(trimmed) || /^https?:/i.test(trimmed);
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text over the limits, shown as it was written: paragraphs of escaped text, no Markdown. */
function plainParagraphs(markdown: string): string {
  return markdown
    .split(/\r?\n[ \t]*\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${p.replace(/[&<>"']/g, (c) => ESCAPES[c])}</p>`)
    .join("\n");
}

/** The page's HTML for a text; whether it had to be shown as plain paragraphs; how deep its lists and quotes nest. */
interface Rendered {
  html: string;
  plain: boolean;
  depth: number;
}

/** The deepest nesting of lists and blockquotes in sanitized HTML (every `<` there starts a tag). */
function nestingOf(html: string): number {
  let depth = 0;
  let deepest = 0;
  for (const [, closing] of html.matchAll(/<(\/?)(?:blockquote|ul|ol)\b[^>]*>/g)) {
    depth += closing ? -1 : 1;
    deepest = Math.max(deepest, depth);
  }
  return deepest;
}

function render(markdown: string, topHeading: 2 | 3, budgetMs = MARKDOWN_RENDER_BUDGET_MS): Rendered {
  // Stored text from before the limits (or from seeds) may be over them; the page still shows it.
  if (markdownProblem(markdown)) return { html: plainParagraphs(markdown), plain: true, depth: 0 };
  let html: string;
  deadline = performance.now() + budgetMs;
  try {
    html = marked.parse(markdown) as string;
  } catch {
    // Over the budget, or marked's own failure (its stack, on nesting that the checks do not
    // see): plain paragraphs are safe to show, and a page must not fail over its text.
    return { html: plainParagraphs(markdown), plain: true, depth: 0 };
  } finally {
    deadline = Number.POSITIVE_INFINITY;
  }
  const headings: Record<string, string> = {};
  for (let n = 1; n <= 6; n++) headings[`h${n}`] = `h${Math.min(6, Math.max(topHeading, n + topHeading - 2))}`;
  const safe = sanitizeHtml(html, { ...SANITIZE, transformTags: { ...SANITIZE.transformTags, ...headings } });
  return { html: safe, plain: false, depth: nestingOf(safe) };
}

/**
 * Rendered texts by text and options, least recently used first. Every signed-in reader's page
 * is rendered afresh (only anonymous pages are cached whole, ADR 010), and marked +
 * sanitize-html are a measurable part of a record page's time, for the same bodies again and
 * again. Bounded in entries and in characters (keys and HTML; UTF-16, so about twice as many
 * bytes).
 */
const MEMO_MAX_ENTRIES = 500;
const MEMO_MAX_CHARS = 8_000_000;
const memo = new Map<string, Rendered>();
let memoChars = 0;

function memoized(markdown: string, topHeading: 2 | 3): Rendered {
  const key = `${topHeading}\n${markdown}`;
  const known = memo.get(key);
  if (known) {
    memo.delete(key);
    memo.set(key, known);
    return known;
  }
  const rendered = render(markdown, topHeading);
  const size = key.length + rendered.html.length;
  // One huge text would push out hundreds of ordinary ones.
  if (size > MEMO_MAX_CHARS / 16) return rendered;
  memo.set(key, rendered);
  memoChars += size;
  for (const [oldKey, old] of memo) {
    if (memo.size <= MEMO_MAX_ENTRIES && memoChars <= MEMO_MAX_CHARS) break;
    memo.delete(oldKey);
    memoChars -= oldKey.length + old.html.length;
  }
  return rendered;
}

/** renderMarkdown's work with another time budget, past the memo; for tests of the budget itself. */
export function renderMarkdownWithin(markdown: string, budgetMs: number): { html: string; plain: boolean } {
  const { html, plain } = render(markdown, 2, budgetMs);
  return { html, plain };
}

/** How full the memo of renderMarkdown is; for tests. */
export function markdownMemoSize(): { entries: number; chars: number } {
  return { entries: memo.size, chars: memoChars };
}

/**
 * Markdown to HTML that is safe to put in a page: always marked, then the allow-list.
 * `topHeading` is the highest heading level the text may use: 2 under the page's h1, 3 inside a
 * section that has its own h2. Deeper headings keep their distance below it. Text over the
 * limits of markdownProblem, or that marked cannot finish within MARKDOWN_RENDER_BUDGET_MS, is
 * shown as plain paragraphs.
 */
export function renderMarkdown(markdown: string, { topHeading = 2 }: { topHeading?: 2 | 3 } = {}): string {
  return memoized(markdown, topHeading).html;
}

/**
 * Why a text about to be saved could not be shown as written, or null: the limits the forms
 * check too, and what only marked can tell: that it nests deeper than the lines show (it does
 * so with quotes continued by lines with fewer `>`), or that it cannot finish in time. The
 * rendering is remembered for the page.
 */
export function markdownRenderProblem(markdown: string, maxLength = MARKDOWN_MAX_LENGTH): MarkdownProblem | { kind: "complex" } | null {
  const problem = markdownProblem(markdown, maxLength);
  if (problem) return problem;
  const rendered = memoized(markdown, 2);
  if (rendered.plain) return { kind: "complex" };
  return rendered.depth > MARKDOWN_MAX_DEPTH ? { kind: "depth", depth: rendered.depth } : null;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", nbsp: " " };

/**
 * The plain text of Markdown, for search and snippets: no tags, entities decoded, one space.
 * Past the memo: the search index reads each text once and would push out the pages' entries.
 */
export function markdownToText(markdown: string): string {
  return render(markdown, 2)
    .html.replace(/<[^>]*>/g, " ")
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, name: string) => ENTITIES[name])
    .replace(/\s+/g, " ")
    .trim();
}
