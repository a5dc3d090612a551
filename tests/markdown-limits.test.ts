import { describe, expect, it } from "vitest";

import { readSeedDirectory } from "../seeds/loader";
import { action as newPracticeAction } from "~/routes/practices.new";
import { getDb } from "~/utils/db.server";
import { markdownProblem, renderMarkdown } from "~/utils/markdown.server";
import { post, practice, setupAuthors } from "./helpers/authoring";
import { DEMO_SEEDS } from "./helpers/db";

/**
 * Issue 8: Markdown whose shape makes marked slow (or overflow its stack) is refused by the
 * forms, and shown as plain text if it was stored before. The cases are the ones measured:
 * each took seconds, or crashed the page, before the check.
 */
const SLOW: Record<string, string> = {
  "link openers": "[a](".repeat(1_000),
  "image openers": "![a](".repeat(1_000),
  "an open link before a run of parentheses": "[a](".repeat(16) + "(".repeat(30_000),
  "quotes 10 000 deep": `${">".repeat(10_000)} x`,
  "a list 500 deep": Array.from({ length: 500 }, (_, i) => `${" ".repeat(i * 2)}- x`).join("\n"),
  "emphasis markers": "_a ".repeat(10_000),
};

describe("the shape check", () => {
  it("lets every demo text through, and ordinary heavy text too", async () => {
    const seeds = await readSeedDirectory(DEMO_SEEDS);
    const texts = [...seeds.practices, ...seeds.events, ...seeds.activities].map((r) => (r as { body: string }).body);
    expect(texts.length).toBeGreaterThan(50);
    for (const text of texts) expect(markdownProblem(text)).toBeNull();
    const manyLinks = Array.from({ length: 1_000 }, (_, i) => `Se [länk ${i}](https://example.se/${i}) och **fet** text (och en parentes).`).join("\n\n");
    expect(markdownProblem(manyLinks)).toBeNull();
    const code = "```\n" + "(".repeat(5_000) + "\n" + " ".repeat(200) + "x\n```";
    expect(markdownProblem(code)).toBeNull(); // code blocks are not parsed as Markdown
  });

  for (const [name, text] of Object.entries(SLOW)) {
    it(`refuses ${name}, and renders it stored as escaped plain text`, () => {
      expect(markdownProblem(text)).not.toBeNull();
      const html = renderMarkdown(text);
      expect(html.startsWith("<p>")).toBe(true);
      expect(html).not.toMatch(/<(a|img|blockquote|ul|em)\b/);
    });
  }
});

describe("the forms", () => {
  it("refuse such a body with a message on the field, and save nothing", async () => {
    const { contributor } = await setupAuthors();
    const count = async () => Number((await getDb().selectFrom("records").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);
    const before = await count();
    for (const [field, text] of [["body", SLOW["link openers"]!], ["problem", SLOW["quotes 10 000 deep"]!]] as const) {
      const response = await post(newPracticeAction, "/practices/new", practice({ [field]: text }), contributor);
      expect(response.status, field).toBe(400);
      const reply = (await response.json()) as { result: { error: Record<string, string[]> } };
      expect(reply.result.error[field]?.[0], field).toMatch(/formateringstecken|nivåer/);
    }
    expect(await count()).toBe(before);
    // The same practice with ordinary text is saved.
    expect((await post(newPracticeAction, "/practices/new", practice(), contributor)).status).toBe(302);
  });
});
