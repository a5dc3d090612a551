import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { readSeedDirectory } from "../seeds/loader";
import { DEMO_SEEDS } from "./helpers/db";
import { startServer, type RunningServer } from "./helpers/server";

// The whole `npm start` path: build when stale, migrate, seed the empty database, serve.
let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
}, 180_000);
afterAll(async () => {
  await server?.stop();
});

const get = (path: string) => fetch(`${server.url}${path}`, { redirect: "manual" });

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** A few plain words from the body, to prove the body text reached the page. */
function bodyWords(body: string): string {
  const line = body.split("\n").find((l) => /^[A-ZÅÄÖa-zåäö]/.test(l) && !/[*_[\]`<>|]/.test(l.slice(0, 80)));
  return (line ?? "").split(/\s+/).slice(0, 4).join(" ");
}

describe("a freshly started server", () => {
  it("answers /healthz with {ok:true} once ready", async () => {
    const res = await get("/healthz");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
    expect(server.output()).toContain("Tom databas: läste in demoinnehållet");
  });

  it("shows every seeded record at its URL with its title and text", async () => {
    const seeds = await readSeedDirectory(DEMO_SEEDS);
    const records = [
      ...seeds.practices.map((r) => ({ url: `/practices/${r.slug}`, ...r })),
      ...seeds.events.map((r) => ({ url: `/events/${r.slug}`, ...r })),
      ...seeds.activities.map((r) => ({ url: `/activities/${r.slug}`, ...r })),
    ];
    expect(records.length).toBeGreaterThanOrEqual(52);
    for (const record of records) {
      const res = await get(record.url);
      expect(res.status, record.url).toBe(200);
      const html = await res.text();
      expect(html, record.url).toContain(escapeHtml(record.value.title));
      expect(html, record.url).toContain(escapeHtml(record.value.summary));
      const words = bodyWords(record.body);
      if (words) expect(html, `${record.url}: "${words}"`).toContain(escapeHtml(words));
    }
  });

  it("serves every page type", async () => {
    const seeds = await readSeedDirectory(DEMO_SEEDS);
    const pages = [
      "/",
      "/themes",
      "/practices",
      "/events",
      "/activities",
      "/paths",
      ...seeds.themes.map((t) => `/themes/${t.slug}`),
      ...seeds.organisations.map((o) => `/organisations/${o.slug}`),
      ...seeds.paths.map((p) => `/paths/${p.slug}`),
      "/practices?page=2",
      "/events?type=workshop&county=Dalarna",
      "/activities?format=online&level=intro",
    ];
    for (const page of pages) {
      const res = await get(page);
      expect(res.status, page).toBe(200);
      expect(res.headers.get("content-type"), page).toBe("text/html; charset=utf-8");
      // React's streaming renderer put NUL bytes where å, ä or ö met its buffer's edge.
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect(bytes.indexOf(0), page).toBe(-1);
      expect(new TextDecoder("utf-8", { fatal: true }).decode(bytes), page).toContain("</html>");
    }
    const home = await get("/").then((r) => r.text());
    expect(home).toContain('<html lang="sv">');
    expect(home).toContain("Så fungerar lärandemodellen");
  });

  it.each([
    "/practices/finns-inte",
    "/events/finns-inte",
    "/activities/finns-inte",
    "/themes/finns-inte",
    "/paths/finns-inte",
    "/organisations/finns-inte",
    "/practices/%3Cscript%3E",
    "/ingen/sadan/sida",
  ])("answers %s with a 404 page", async (path) => {
    const res = await get(path);
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).toContain("Fel 404");
  });

  it.each([
    ["/practices?year=abc", "year"],
    ["/practices?page=0", "page"],
    ["/practices?page=-3", "page"],
    ["/practices?page=1e99", "page"],
    ["/events?county=Sk%C3%A5ne", "county"],
    ["/events?type=fest", "type"],
    ["/activities?level=expert", "level"],
    ["/activities?theme=finns-inte", "finns-inte"],
    ["/practices?theme=%22%3E%3Cscript%3E", "theme"],
  ])("answers %s with a 400 that names the parameter", async (path, named) => {
    const res = await get(path);
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain(named);
    expect(html).not.toMatch(/at \S+ \(.*:\d+:\d+\)/); // no stack trace
    expect(html).not.toContain('"><script>'); // what was typed is escaped, never echoed raw
  });
});
