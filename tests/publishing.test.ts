import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { formFields } from "./helpers/form-fields";
import { type Browser, demoBrowsers } from "./helpers/http";
import { startServer, type RunningServer } from "./helpers/server";

/**
 * Issue 4's end-to-end promise, through HTTP as a browser without JavaScript does it: a
 * contributor writes and submits a practice, an editor publishes it, and search finds it; once
 * archived, search no longer does.
 */
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

interface SearchResponse {
  total: number;
  results: { slug: string; kind: string }[];
}

async function search(q: string): Promise<SearchResponse> {
  const response = await fetch(`${server.url}/api/search?${new URLSearchParams({ q })}`);
  expect(response.status).toBe(200);
  return (await response.json()) as SearchResponse;
}

/** Search follows writes within seconds; poll briefly rather than assume a delay. */
async function eventually(check: () => Promise<boolean>, ms = 5000): Promise<boolean> {
  const deadline = Date.now() + ms;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("from contributor to editor to search", () => {
  it("a submitted practice is found by search once an editor publishes it, and not after archiving", async () => {
    const created = await contributor.post("/practices/new", {
      title: "Kvastfenings-metoden för ståltrådsböjning",
      summary: "Hur Olmeviks halverade omställningstiden med kvastfenings-metoden.",
      body: "Vi provade **kvastfeningsmetoden** i bockningen.",
      problem: "Långa omställningar.",
      themes: "data-och-sensorer",
      tags: "omställning",
      organisation: "olmeviks-hydraulik",
      intent: "submit",
    });
    expect(created.status).toBe(302);
    const slug = created.headers.get("Location")!.split("/")[2];
    expect(slug).toBe("kvastfenings-metoden-for-staltradsbojning");

    // In review: not public, not searchable.
    expect((await contributor.get(`/practices/${slug}`)).status).toBe(404);
    expect((await search("kvastfeningsmetoden")).results.map((r) => r.slug)).not.toContain(slug);
    const queue = await (await editor.get("/manage/review")).text();
    expect(queue).toContain(`/practices/${slug}/edit`);

    const { id, version: v } = await editor.editState(`/practices/${slug}/edit`);
    const published = await editor.post(`/records/${id}/workflow`, { intent: "publish", version: v });
    expect(published.status).toBe(302);
    expect(published.headers.get("Location")).toBe(`/practices/${slug}/edit?saved=publish`);
    const page = await (await contributor.get(`/practices/${slug}`)).text();
    expect(page).toContain("Kvastfenings-metoden för ståltrådsböjning");

    const found = await eventually(async () => (await search("kvastfeningsmetoden")).results.some((r) => r.slug === slug));
    expect(found, "search finds the published practice").toBe(true);

    const next = await editor.editState(`/practices/${slug}/edit`);
    expect((await editor.post(`/records/${next.id}/workflow`, { intent: "archive", version: next.version })).status).toBe(302);
    expect((await contributor.get(`/practices/${slug}`)).status).toBe(404);
    const gone = await eventually(async () => !(await search("kvastfeningsmetoden")).results.some((r) => r.slug === slug));
    expect(gone, "search forgets the archived practice").toBe(true);
  });
});

describe("edit forms as a browser without JavaScript submits them", () => {
  const pages = [
    { url: "/practices/gruvbergs-elkraft-processmognadstrappan/edit", form: "record-practice" },
    { url: "/events/workshop-livscykelanalys-karlstad/edit", form: "record-event" },
    { url: "/activities/validering-industrioperator/edit", form: "record-activity" },
    { url: "/paths/fran-lean-till-processmognad/edit", form: "path" },
  ];

  for (const page of pages) {
    it(`${page.url} saves unchanged, exactly as rendered`, async () => {
      const before = formFields(await (await editor.get(page.url)).text(), page.form);
      expect(before.length).toBeGreaterThan(5);
      const saved = await editor.post(page.url, [...before, ["intent", "save"]]);
      expect(saved.status, JSON.stringify(before)).toBe(302);
      const after = formFields(await (await editor.get(page.url)).text(), page.form);
      const version = (fields: [string, string][]) => Number(fields.find(([k]) => k === "version")![1]);
      expect(version(after)).toBe(version(before) + 1);
      expect(after.filter(([k]) => k !== "version")).toEqual(before.filter(([k]) => k !== "version"));
    });
  }
});
