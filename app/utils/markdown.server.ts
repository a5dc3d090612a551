import { Marked } from "marked";
import sanitizeHtml from "sanitize-html";

import { markdownProblem } from "./markdown-limits";

const marked = new Marked({ gfm: true, breaks: false, async: false });

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

/**
 * Markdown to HTML that is safe to put in a page: always marked, then the allow-list.
 * `topHeading` is the highest heading level the text may use: 2 under the page's h1, 3 inside a
 * section that has its own h2. Deeper headings keep their distance below it.
 */
export function renderMarkdown(markdown: string, { topHeading = 2 }: { topHeading?: 2 | 3 } = {}): string {
  // Text stored before the forms checked its shape is shown as plain paragraphs, not parsed:
  // parsing it could take seconds and hold up every other reader.
  if (markdownProblem(markdown)) return plainParagraphs(markdown);
  const html = marked.parse(markdown) as string;
  const headings: Record<string, string> = {};
  for (let n = 1; n <= 6; n++) headings[`h${n}`] = `h${Math.min(6, Math.max(topHeading, n + topHeading - 2))}`;
  return sanitizeHtml(html, {
    ...SANITIZE,
    transformTags: { ...SANITIZE.transformTags, ...headings },
  });
}

function plainParagraphs(text: string): string {
  const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  return text
    .split(/\n\s*\n/)
    .filter((part) => part.trim())
    .map((part) => `<p>${escape(part.trim())}</p>`)
    .join("\n");
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", nbsp: " " };

/** The plain text of Markdown, for search and snippets: no tags, entities decoded, one space. */
export function markdownToText(markdown: string): string {
  return renderMarkdown(markdown)
    .replace(/<[^>]*>/g, " ")
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, name: string) => ENTITIES[name])
    .replace(/\s+/g, " ")
    .trim();
}
