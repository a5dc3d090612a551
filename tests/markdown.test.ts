import fc from "fast-check";
import { Marked } from "marked";
import { describe, expect, it } from "vitest";

import {
  MARKDOWN_MAX_DEPTH,
  MARKDOWN_MAX_LENGTH,
  MARKDOWN_RENDER_BUDGET_MS,
  markdownMemoSize,
  markdownProblem,
  markdownRenderProblem,
  markdownToText,
  renderMarkdown,
  renderMarkdownWithin,
} from "../app/utils/markdown.server";

interface Tag {
  name: string;
  closing: boolean;
  attributes: { name: string; value: string }[];
}

/**
 * The tags of sanitized output with their attributes. Sanitized text escapes every `<`, so each
 * literal `<` starts a real tag; attribute values may be quoted or not.
 */
function tagsOf(html: string): Tag[] {
  const tags: Tag[] = [];
  for (const match of html.matchAll(/<(\/?)([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g)) {
    const attributes: Tag["attributes"] = [];
    for (const attr of match[3].matchAll(/([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g)) {
      attributes.push({ name: attr[1].toLowerCase(), value: attr[2] ?? attr[3] ?? attr[4] ?? "" });
    }
    tags.push({ name: match[2].toLowerCase(), closing: match[1] === "/", attributes });
  }
  return tags;
}

/** What a browser would make of an attribute value: entities decoded, whitespace and controls gone. */
function asBrowserSeesUrl(value: string): string {
  return (
    value
      .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
      .replace(/&#(\d+);?/g, (_, dec: string) => String.fromCodePoint(parseInt(dec, 10)))
      .replace(/&colon;/gi, ":")
      .replace(/&(tab|newline);/gi, "")
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&")
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0020\u007f]/g, "")
      .toLowerCase()
  );
}

const ALLOWED_TAGS = new Set(
  "h2 h3 h4 h5 h6 p br hr blockquote pre code ul ol li strong em del a img table thead tbody tr th td".split(" "),
);
const ALLOWED_ATTRIBUTES = new Set(["href", "title", "rel", "src", "alt", "align", "start"]);

/** Everything that must hold for any output, whatever the input. */
function expectSafe(html: string): void {
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/<(iframe|style|form|svg|object|embed|math|base|meta|link|input|button|textarea)\b/i);
  expect(html).not.toMatch(/javascript:|vbscript:|data:/i);
  expect(html).not.toMatch(/<h1\b/i);
  for (const tag of tagsOf(html)) {
    expect(ALLOWED_TAGS, `tag <${tag.name}> in ${html}`).toContain(tag.name);
    for (const { name, value } of tag.attributes) {
      expect(name, `attribute ${name} in ${html}`).not.toMatch(/^on/i);
      expect(ALLOWED_ATTRIBUTES, `attribute ${name} in ${html}`).toContain(name);
      if (name === "href" || name === "src") {
        expect(asBrowserSeesUrl(value), `${name}="${value}"`).toMatch(
          /^(https?:|mailto:|[/#?]|[a-z0-9._~-]+([/?#]|$))/,
        );
        expect(asBrowserSeesUrl(value)).not.toMatch(/^(javascript|vbscript|data):/);
      }
      if (name === "src") expect(asBrowserSeesUrl(value)).not.toMatch(/^http:/);
    }
  }
}

function attributesOf(html: string, tagName: string): Record<string, string>[] {
  return tagsOf(html)
    .filter((t) => t.name === tagName && !t.closing)
    .map((t) => Object.fromEntries(t.attributes.map((a) => [a.name, a.value])));
}

describe("renderMarkdown keeps ordinary Markdown", () => {
  it("renders # as h2 (the page owns h1), and deeper headings below it", () => {
    const html = renderMarkdown("# Rubrik\n\n### Underrubrik\n\n###### Liten");
    expect(html).toContain("<h2>Rubrik</h2>");
    expect(html).toContain("<h3>Underrubrik</h3>");
    expect(html).toContain("<h6>Liten</h6>");
    expect(html).not.toMatch(/<h1/);
  });

  it("renders a raw <h1> as h2 too", () => {
    expect(renderMarkdown("<h1>Rå</h1>")).toBe("<h2>Rå</h2>");
  });

  it("renders paragraphs, emphasis, strong, strikethrough and inline code", () => {
    const html = renderMarkdown("Det här är *viktigt*, **mycket** viktigt, ~~inte~~ och `kod < 2`.");
    expect(html).toBe(
      "<p>Det här är <em>viktigt</em>, <strong>mycket</strong> viktigt, <del>inte</del> och <code>kod &lt; 2</code>.</p>\n",
    );
  });

  it("renders bullet and numbered lists, keeping a list's start number", () => {
    expect(renderMarkdown("- ett\n- två")).toBe("<ul>\n<li>ett</li>\n<li>två</li>\n</ul>\n");
    expect(renderMarkdown("1. ett\n2. två")).toBe("<ol>\n<li>ett</li>\n<li>två</li>\n</ol>\n");
    expect(renderMarkdown("3. tre\n4. fyra")).toContain('<ol start="3">');
  });

  it("renders https links with rel noopener noreferrer nofollow and a title", () => {
    const html = renderMarkdown('[Region Dalarna](https://www.regiondalarna.se/ "Regionen")');
    expect(html).toBe(
      '<p><a href="https://www.regiondalarna.se/" title="Regionen" rel="noopener noreferrer nofollow">Region Dalarna</a></p>\n',
    );
  });

  it("gives http links, autolinks and raw external links the same rel, replacing any rel of their own", () => {
    for (const md of [
      "[x](http://example.se)",
      "<https://example.se>",
      "www.example.se",
      '<a href="HTTPS://example.se" rel="opener">x</a>',
      '<a href="&#104;ttps://example.se">x</a>',
    ]) {
      const [link] = attributesOf(renderMarkdown(md), "a");
      expect(link, md).toBeDefined();
      expect(link.href.toLowerCase(), md).toMatch(/^https?:\/\/(www\.)?example\.se/);
      expect(link.rel, md).toBe("noopener noreferrer nofollow");
    }
  });

  it("keeps mailto, relative and fragment links", () => {
    const html = renderMarkdown("[mejla](mailto:info@example.se), [praktik](/practices/lean) och [upp](#top)");
    expect(attributesOf(html, "a").map((a) => a.href)).toEqual(["mailto:info@example.se", "/practices/lean", "#top"]);
  });

  it("renders tables with alignment", () => {
    const html = renderMarkdown("| Län | Antal |\n|:--|--:|\n| Dalarna | 3 |");
    expect(html).toContain("<table>");
    expect(html).toContain('<th align="left">Län</th>');
    expect(html).toContain('<th align="right">Antal</th>');
    expect(html).toContain('<td align="left">Dalarna</td>');
    expect(html).toContain('<td align="right">3</td>');
  });

  it("renders fenced code with its content escaped, not interpreted", () => {
    const html = renderMarkdown("```html\n<script>alert(1)</script>\nif (a < b && c > d) {}\n```");
    expect(html).toContain("<pre><code>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("if (a &lt; b &amp;&amp; c &gt; d) {}");
    expect(html).not.toMatch(/<script/i);
  });

  it("renders blockquotes and rules", () => {
    const html = renderMarkdown("> Citat\n\n---");
    expect(html).toContain("<blockquote>\n<p>Citat</p>\n</blockquote>");
    expect(html).toMatch(/<hr ?\/?>/);
  });

  it("keeps https images with alt and title", () => {
    const html = renderMarkdown('![Fabrik](https://example.se/fabrik.png "Fabriken")');
    expect(attributesOf(html, "img")).toEqual([
      { src: "https://example.se/fabrik.png", alt: "Fabrik", title: "Fabriken" },
    ]);
  });

  it("drops http, protocol-relative and relative image sources, keeping the alt text", () => {
    for (const md of [
      "![Fabrik](http://example.se/fabrik.png)",
      '<img src="http://example.se/fabrik.png" alt="Fabrik">',
      "![Fabrik](//example.se/fabrik.png)",
      "![Fabrik](/logout)",
      '<img src="x" alt="Fabrik" onerror="alert(1)">',
    ]) {
      const html = renderMarkdown(md);
      expect(html, md).not.toContain("example.se");
      expect(attributesOf(html, "img"), md).toEqual([{ alt: "Fabrik" }]);
    }
  });

  it("keeps Swedish text and escapes stray angle brackets and ampersands", () => {
    const html = renderMarkdown("Räksmörgås: 3 < 5 & 5 > 3");
    expect(html).toBe("<p>Räksmörgås: 3 &lt; 5 &amp; 5 &gt; 3</p>\n");
  });

  it("a full ordinary document passes the safety checks unchanged in substance", () => {
    const html = renderMarkdown(
      "# Titel\n\nText med [länk](https://example.se).\n\n- a\n- b\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n![b](https://example.se/b.png)",
    );
    expectSafe(html);
    expect(tagsOf(html).map((t) => t.name)).toEqual(
      expect.arrayContaining(["h2", "p", "a", "ul", "li", "table", "th", "td", "img"]),
    );
  });
});

interface Payload {
  name: string;
  md: string;
  /** Harmless content that must survive, proving the sanitizer stripped rather than emptied. */
  keep?: string[];
  /** Strings that must be gone (beyond what every output is checked for). */
  gone?: string[];
}

const PAYLOADS: Payload[] = [
  { name: "script tag and its content", md: "<script>alert('x')</script>Hej", keep: ["Hej"], gone: ["alert"] },
  {
    name: "upper-case external script",
    md: '<SCRIPT SRC="https://evil.example/x.js"></SCRIPT>Hej',
    keep: ["Hej"],
    gone: ["evil.example"],
  },
  { name: "script inside a block", md: "<div><script>alert(1)</script></div>\n\nHej", keep: ["Hej"], gone: ["alert"] },
  { name: "split script tag", md: "<scr<script>ipt>alert(1)</script>", gone: ["alert"] },
  { name: "script in a textarea", md: "<textarea><script>alert(1)</script></textarea>", gone: ["alert"] },
  { name: "Markdown javascript: link", md: "[klicka](javascript:alert(1))", keep: ["klicka"] },
  { name: "mixed-case javascript: link", md: "[klicka](JaVaScRiPt:alert(1))", keep: ["klicka"] },
  { name: "javascript: link in angle brackets", md: "[klicka](<javascript:alert(1)>)", keep: ["klicka"] },
  { name: "reference-style javascript: link", md: "[klicka][r]\n\n[r]: javascript:alert(1)", keep: ["klicka"] },
  { name: "raw <a href=javascript:>", md: '<a href="javascript:alert(1)">klicka</a>', keep: ["klicka"] },
  {
    name: "javascript: obfuscated with &#x09;",
    md: '<a href="jav&#x09;ascript:alert(1)">klicka</a>',
    keep: ["klicka"],
  },
  { name: "javascript: obfuscated with &#x0A; on an img", md: '<IMG SRC="jav&#x0A;ascript:alert(1)">' },
  { name: "javascript: with a literal tab", md: '<a href="jav\tascript:alert(1)">klicka</a>', keep: ["klicka"] },
  { name: "javascript: with a NUL", md: '<a href="java\u0000script:alert(1)">klicka</a>', keep: ["klicka"] },
  { name: "javascript&colon;", md: '<a href="javascript&colon;alert(1)">klicka</a>', keep: ["klicka"] },
  {
    name: "javascript: fully entity-encoded",
    md: '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">klicka</a>',
    keep: ["klicka"],
  },
  { name: "javascript: after leading spaces", md: '<a href="   javascript:alert(1)">klicka</a>', keep: ["klicka"] },
  { name: "vbscript: link", md: '<a href="vbscript:msgbox(1)">klicka</a>', keep: ["klicka"] },
  {
    name: "Markdown data: link",
    md: "[klicka](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    keep: ["klicka"],
  },
  { name: "raw data: link", md: '<a href="data:text/html,<script>alert(1)</script>">klicka</a>', keep: ["klicka"] },
  { name: "Markdown data: image", md: "![bild](data:image/png;base64,iVBORw0KGgo=)", keep: ['alt="bild"'] },
  { name: "raw data: SVG image", md: '<img src="data:image/svg+xml,<svg onload=alert(1)>">' },
  {
    name: "data: in srcset",
    md: '<img srcset="data:image/png;base64,AAAA 1x" src="https://ok.example/a.png">',
    keep: ['src="https://ok.example/a.png"'],
  },
  { name: "img onerror", md: "<img src=x onerror=alert(1)>", gone: ["alert"] },
  { name: "p onclick", md: '<p onclick="alert(1)">stycke</p>', keep: ["<p>stycke</p>"], gone: ["alert"] },
  {
    name: "onmouseover beside a good https href",
    md: '<a href="https://ok.example" onmouseover="alert(1)">länk</a>',
    keep: ['href="https://ok.example"', "länk"],
    gone: ["alert"],
  },
  {
    name: "details ontoggle",
    md: "<details open ontoggle=alert(1)><summary>s</summary>d</details>",
    gone: ["alert", "<details"],
  },
  {
    name: "td with onclick and background",
    md: '<table><tr><td background="javascript:alert(1)" onclick=x>cell</td></tr></table>',
    keep: ["<td>cell</td>"],
  },
  {
    name: "title breaking out into onerror (image)",
    md: '![a](https://x.example/a.png "t\\" onerror=\\"alert(1)")',
    keep: ['src="https://x.example/a.png"'],
  },
  {
    name: "title breaking out into onclick (link)",
    md: '[a](https://x.example "t\\" onclick=\\"alert(1)")',
    keep: ['href="https://x.example"'],
  },
  {
    name: "style attribute",
    md: '<p style="position:fixed;top:0">stycke</p>',
    keep: ["<p>stycke</p>"],
    gone: ["style", "position"],
  },
  { name: "style tag", md: "<style>body{display:none}</style>Hej", keep: ["Hej"], gone: ["display"] },
  {
    name: "style with @import",
    md: "<style>@import 'https://evil.example/x.css'</style>Hej",
    keep: ["Hej"],
    gone: ["evil.example"],
  },
  { name: "iframe", md: '<iframe src="https://evil.example"></iframe>Hej', keep: ["Hej"], gone: ["evil.example"] },
  {
    name: "iframe srcdoc",
    md: '<iframe srcdoc="<script>alert(1)</script>"></iframe>Hej',
    keep: ["Hej"],
    gone: ["alert"],
  },
  {
    name: "form with input",
    md: '<form action="https://evil.example"><input name="pw"></form>',
    gone: ["evil.example", "<input"],
  },
  {
    name: "button formaction",
    md: '<form><button formaction="javascript:alert(1)">knapp</button></form>',
    keep: ["knapp"],
  },
  { name: "svg onload", md: "<svg onload=alert(1)><circle r=1 /></svg>", gone: ["alert", "<circle"] },
  { name: "svg with script", md: "<svg><script>alert(1)</script></svg>", gone: ["alert"] },
  {
    name: "object and embed",
    md: '<object data="https://evil.example/x.swf"></object><embed src="https://evil.example/x.swf">',
    gone: ["evil.example"],
  },
  { name: "math xlink:href", md: '<math><mi xlink:href="javascript:alert(1)">x</mi></math>' },
  {
    name: "noscript attribute smuggling",
    md: '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
    gone: ["alert"],
  },
  {
    name: "base, meta refresh and stylesheet link",
    md: '<base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=https://evil.example"><link rel="stylesheet" href="https://evil.example/x.css">',
    gone: ["evil.example"],
  },
  {
    name: "video and audio onerror",
    md: "<video src=x onerror=alert(1)></video><audio src=x onerror=alert(1)>",
    gone: ["alert", "<video", "<audio"],
  },
  {
    name: "script hidden in a comment",
    md: "<p>a<!-- <script>alert(1)</script> -->b</p>",
    keep: ["<p>ab</p>"],
    gone: ["alert"],
  },
  {
    name: "protocol-relative link",
    md: '<a href="//evil.example">klicka</a>',
    keep: ["klicka"],
    gone: ["evil.example"],
  },
];

describe("renderMarkdown strips dangerous input", () => {
  it("has a sizeable table of payloads", () => {
    expect(PAYLOADS.length).toBeGreaterThanOrEqual(20);
  });

  it.each(PAYLOADS)("$name", ({ md, keep = [], gone = [] }) => {
    const html = renderMarkdown(md);
    expectSafe(html);
    for (const text of keep) expect(html).toContain(text);
    for (const text of gone) expect(html.toLowerCase()).not.toContain(text.toLowerCase());
  });

  it("removes javascript: and data: hrefs but keeps the link text", () => {
    for (const md of [
      "[klicka](javascript:alert(1))",
      '<a href="jav&#x09;ascript:alert(1)">klicka</a>',
      "[klicka](data:text/html,x)",
    ]) {
      const html = renderMarkdown(md);
      expect(attributesOf(html, "a"), md).toEqual([{}]);
      expect(html, md).toContain(">klicka</a>");
    }
  });

  // Browsers strip leading whitespace and control characters from an href, so such a link is
  // external too and must get rel="noopener noreferrer nofollow".
  it("gives rel=nofollow also to an external href with leading whitespace", () => {
    for (const md of ['<a href=" https://evil.example">x</a>', '<a href="\nhttps://evil.example">x</a>']) {
      const [link] = attributesOf(renderMarkdown(md), "a");
      // Fixed either by dropping such an href or by giving it the rel.
      expect(link.href === undefined || link.rel === "noopener noreferrer nofollow", md).toBe(true);
    }
  });
});

describe("markdownProblem: the limits, in one pass over the text", () => {
  it("takes 100 000 characters and refuses one more", () => {
    expect(markdownProblem("a".repeat(MARKDOWN_MAX_LENGTH))).toBeNull();
    expect(markdownProblem("a".repeat(MARKDOWN_MAX_LENGTH + 1))).toEqual({ kind: "length", length: MARKDOWN_MAX_LENGTH + 1 });
    expect(markdownProblem("a".repeat(201), 200)).toEqual({ kind: "length", length: 201 });
  });

  it("counts quotes and list markers at the start of a line, and items indented under others", () => {
    const depth = (n: number) => ({ kind: "depth", depth: n, line: expect.any(Number) });
    expect(markdownProblem(`${">".repeat(20)} x`)).toBeNull();
    expect(markdownProblem(`${">".repeat(21)} x`)).toEqual({ kind: "depth", depth: 21, line: 1 });
    expect(markdownProblem(`${"> ".repeat(21)}x`)).toEqual(depth(21));
    expect(markdownProblem(`${"- ".repeat(21)}x`)).toEqual(depth(21));
    expect(markdownProblem(`${"1. ".repeat(10)}${"> ".repeat(11)}x`)).toEqual(depth(21));
    const indented = (n: number, step = "  ") => Array.from({ length: n }, (_, i) => `${step.repeat(i)}- ${i}`).join("\n");
    expect(markdownProblem(indented(20))).toBeNull();
    expect(markdownProblem(indented(21))).toEqual({ kind: "depth", depth: 21, line: 21 });
    expect(markdownProblem(indented(21, "\t"))).toEqual(depth(21));
    // Siblings and lists that start over do not add up.
    expect(markdownProblem(Array.from({ length: 500 }, (_, i) => `${"  ".repeat(i % 15)}- ${i}`).join("\n"))).toBeNull();
    expect(markdownProblem(`${"- punkt\n".repeat(5000)}`)).toBeNull();
  });

  it("does not count rules, emphasis or the lines of fenced code", () => {
    expect(markdownProblem(`${"* ".repeat(40)}\n\n${"- ".repeat(40)}`)).toBeNull();
    expect(markdownProblem(`*${"*".repeat(30)}betonat*`)).toBeNull();
    expect(markdownProblem(`\`\`\`\n${">".repeat(50)} citat i kod\n${"    ".repeat(30)}- indraget\n\`\`\`\nText.`)).toBeNull();
    expect(markdownProblem(`~~~~\n\`\`\`\n${">".repeat(50)}\n~~~~\n${">".repeat(21)}`)).toEqual({ kind: "depth", depth: 21, line: 5 });
  });

  it("refuses a paragraph too long and dense with formatting, and takes long ordinary text", () => {
    expect(markdownProblem("_a".repeat(25_000))).toEqual({ kind: "dense", line: 1 });
    expect(markdownProblem(`Först.\n\nSedan.\n\n${"\\*".repeat(30_000)}`)).toEqual({ kind: "dense", line: 5 });
    expect(markdownProblem("[x](".repeat(2_000))).toEqual({ kind: "dense", line: 1 });
    expect(markdownProblem(`|${"a|".repeat(2_000)}\n|${"-|".repeat(2_000)}\n${`|${"b|".repeat(2_000)}\n`.repeat(20)}`)).toMatchObject({ kind: "dense" });
    const prose = Array.from({ length: 1_400 }, (_, i) => `Stycke ${i} om **underhåll** och [en länk](https://example.se/a_(b)/${i}) med \`kod\`.\n`).join("\n");
    expect(markdownProblem(prose.slice(0, MARKDOWN_MAX_LENGTH))).toBeNull();
    const minutes = Array.from({ length: 2_000 }, (_, i) => `- Beslut ${i}: **ansvarig** Anna, se [protokollet](https://example.se/p/${i}).`).join("\n");
    expect(markdownProblem(minutes.slice(0, MARKDOWN_MAX_LENGTH))).toBeNull();
    const wall = Array.from({ length: 400 }, (_, i) => `ord och [länk ${i}](https://example.se/${i}) med lite text`).join(" ");
    expect(markdownProblem(wall.slice(0, 20_000))).toBeNull();
  });

  describe("against marked itself, on any mix of quotes, lists, rules, headings and fences", () => {
    const raw = new Marked({ gfm: true, async: false });
    /** How deep marked nests lists and quotes, on its own (renderMarkdown would fall back on deep text). */
    const nesting = (md: string) => {
      let depth = 0;
      let deepest = 0;
      for (const [, closing] of (raw.parse(md) as string).matchAll(/<(\/?)(?:blockquote|ul|ol)\b[^>]*>/g)) {
        depth += closing ? -1 : 1;
        deepest = Math.max(deepest, depth);
      }
      return deepest;
    };
    const indent = fc.constantFrom("", " ", "  ", "   ", "    ", "\t");
    const marker = fc.constantFrom("> ", ">", "- ", "* ", "+ ", "1. ", "2) ", "  - ", "    - ");
    const line = fc.tuple(indent, fc.array(marker, { maxLength: 30, size: "max" }), fc.constantFrom("x", "", "*y*", "# h", "---", "```"));
    const text = (lines: [string, string[], string][], gap: string) => lines.map(([i, markers, t]) => i + markers.join("") + t).join(gap);

    it("lets nothing through that marked nests deeper than 20 levels, in paragraphs apart", () => {
      fc.assert(
        fc.property(fc.array(line, { minLength: 1, maxLength: 8 }), fc.constantFrom("\n\n", "\n\n\n"), (lines, gap) => {
          const md = text(lines, gap);
          if (nesting(md) > MARKDOWN_MAX_DEPTH) expect(markdownProblem(md), md).not.toBeNull();
        }),
        { numRuns: 300 },
      );
    });

    it("and what marked nests deeper than the lines show (lines continued without a blank one) is found on saving", () => {
      fc.assert(
        fc.property(fc.array(line, { minLength: 1, maxLength: 8 }), (lines) => {
          const md = text(lines, "\n");
          if (nesting(md) > MARKDOWN_MAX_DEPTH) expect(markdownRenderProblem(md), md).not.toBeNull();
        }),
        { numRuns: 200 },
      );
    });
  });
});

describe("renderMarkdown cannot be made to hang a page", () => {
  /** Inputs that took marked seconds, gigabytes or its whole stack before the limits. */
  const PATHOLOGICAL: [string, string][] = [
    ["10 000 nested >", `${">".repeat(10_000)} x`],
    ["5 000 lines of deepening quotes", Array.from({ length: 5_000 }, (_, i) => `${">".repeat(i % 200)} x`).join("\n")],
    ["3 000 list markers on a line", `${"- ".repeat(3_000)}x`],
    ["25 000 [x](", "[x](".repeat(25_000)],
    ["50 000 _a", "_a".repeat(50_000)],
    ["50 000 `a", "`a".repeat(50_000)],
    ["100 000 backslashes", "\\".repeat(100_000)],
    ["a table of 2 000 columns", `|${"a|".repeat(2_000)}\n|${"-|".repeat(2_000)}\n${`|${"b|".repeat(2_000)}\n`.repeat(20)}`],
    ["200 000 characters with a script", `<script>alert(1)</script>${"a".repeat(200_000)}`],
  ];

  it.each(PATHOLOGICAL)("%s: plain paragraphs, escaped, at once", (_, md) => {
    const started = performance.now();
    const html = renderMarkdown(md);
    expect(performance.now() - started).toBeLessThan(500);
    expectSafe(html);
    expect(html.startsWith("<p>")).toBe(true);
    expect(html).not.toMatch(/<(blockquote|ul|em|code|table|a)\b/);
  });

  it("shows text as plain paragraphs once marked's time is up", () => {
    // No text we know of passes the checks and takes marked near its budget, so the budget is
    // tried small on ordinary text: 100 kB of prose takes marked well over a millisecond.
    const md = Array.from({ length: 1_400 }, (_, i) => `Stycke ${i} om **underhåll** och [en länk](https://example.se/${i}).\n`).join("\n").slice(0, 100_000);
    expect(markdownProblem(md)).toBeNull();
    const started = performance.now();
    const { html, plain } = renderMarkdownWithin(md, 1);
    expect(performance.now() - started).toBeLessThan(MARKDOWN_RENDER_BUDGET_MS);
    expect(plain).toBe(true);
    expect(html.startsWith("<p>Stycke 0 om **underhåll** och [en länk](https://example.se/0).</p>")).toBe(true);
    expect(renderMarkdownWithin(md, MARKDOWN_RENDER_BUDGET_MS).plain).toBe(false);
  });

  it("quotes that marked nests deeper with every line: refused by the lines when the drops show, else found by rendering", () => {
    // Each line drops three levels: marked nests one level deeper every few lines.
    const dropping = Array.from({ length: 16_000 }, (_, i) => `${">".repeat(1 + (i % 4))} x`).join("\n");
    expect(markdownProblem(dropping)).toMatchObject({ kind: "depth", depth: 21 });
    const started = performance.now();
    expect(renderMarkdown(dropping).startsWith("<p>&gt; x\n&gt;&gt; x")).toBe(true);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it("markdownRenderProblem finds nesting that only marked makes, and nothing in ordinary text", () => {
    const lazyList = "> - citat\nfortsättning\n".repeat(30);
    expect(markdownProblem(lazyList)).toBeNull();
    expect(markdownRenderProblem(lazyList)).toEqual({ kind: "depth", depth: 60 });
    expect(markdownRenderProblem("> > citat\n> svar\n\n".repeat(300))).toBeNull();
    expect(markdownRenderProblem("Vi började med **mätningar**.")).toBeNull();
    expect(markdownRenderProblem("a".repeat(30), 20)).toEqual({ kind: "length", length: 30 });
  });

  it("markdownToText reads text over the limits too", () => {
    expect(markdownToText(`${"> ".repeat(30)}Djupt & <b>fett</b>`)).toBe(`${"> ".repeat(30).trim()} Djupt & <b>fett</b>`);
  });
});

describe("renderMarkdown remembers what it rendered", () => {
  it("gives the same HTML again, per text and heading level", () => {
    const md = "# Rubrik\n\nText med [länk](https://example.se).";
    const first = renderMarkdown(md);
    expect(renderMarkdown(md)).toBe(first);
    expect(renderMarkdown(md, { topHeading: 3 })).toContain("<h3>Rubrik</h3>");
    expect(renderMarkdown(md)).toContain("<h2>Rubrik</h2>");
  });

  it("keeps at most 500 entries and a bounded number of characters", () => {
    for (let i = 0; i < 700; i++) renderMarkdown(`Text nummer ${i} med *betoning*.`);
    expect(markdownMemoSize().entries).toBe(500);
    for (let i = 0; i < 200; i++) renderMarkdown(`${i} ${"Ett långt stycke. ".repeat(2_500)}`);
    const { entries, chars } = markdownMemoSize();
    expect(chars).toBeLessThanOrEqual(8_000_000);
    expect(entries).toBeLessThan(500);
  });
});
