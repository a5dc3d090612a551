import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { makeT } from "../app/i18n";
import { getLang, langFromAcceptLanguage } from "../app/i18n/lang.server";
import { startServer, type RunningServer } from "./helpers/server";

describe("the interface language of a request", () => {
  it("follows the browser's languages by weight, Swedish when none is ours", () => {
    expect(langFromAcceptLanguage(null)).toBe("sv");
    expect(langFromAcceptLanguage("en-GB,en;q=0.9")).toBe("en");
    expect(langFromAcceptLanguage("de-DE,en;q=0.5,sv;q=0.8")).toBe("sv");
    expect(langFromAcceptLanguage("fr, en-US;q=0.3")).toBe("en");
    expect(langFromAcceptLanguage("nb-NO,en;q=0.4")).toBe("sv");
    expect(langFromAcceptLanguage("fr,de")).toBe("sv");
    expect(langFromAcceptLanguage("en;q=0, sv;q=0.1")).toBe("sv");
    expect(langFromAcceptLanguage(";;;,q=,en;q=abc")).toBe("sv");
  });

  it("lets the switch's cookie win over the browser", async () => {
    const request = (headers: Record<string, string>) => new Request("http://x/", { headers });
    expect(await getLang(request({ "Accept-Language": "en", Cookie: "lardom_lang=InN2Ig%3D%3D" }))).toBe("sv");
    expect(await getLang(request({ "Accept-Language": "sv", Cookie: "lardom_lang=ImVuIg%3D%3D" }))).toBe("en");
    // A cookie we did not write is ignored, not an error.
    expect(await getLang(request({ "Accept-Language": "en", Cookie: "lardom_lang=%%%" }))).toBe("en");
  });
});

describe("the translator", () => {
  it("picks the pair's language and formats dates and numbers by locale", () => {
    const sv = makeT("sv");
    const en = makeT("en");
    expect(sv("Teman", "Themes")).toBe("Teman");
    expect(en({ sv: "Teman", en: "Themes" })).toBe("Themes");
    expect(sv.date("2024-03-05")).toBe("5 mars 2024");
    expect(en.date("2024-03-05")).toBe("5 March 2024");
    expect(sv.number(12345.5)).toBe("12\u00a0345,5");
    expect(en.number(12345.5)).toBe("12,345.5");
    expect(en.plural(1, { sv: "träff", en: "event" }, { sv: "träffar", en: "events" })).toBe("1 event");
    expect(sv.plural(3, { sv: "träff", en: "event" }, { sv: "träffar", en: "events" })).toBe("3 träffar");
    expect(en.date("not a date")).toBe("not a date");
  });
});

describe("the language switch on the running site", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer();
  }, 180_000);
  afterAll(async () => {
    await server?.stop();
  });

  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${server.url}${path}`, { redirect: "manual", headers });

  it("serves Swedish by default and English to an English browser, at the same URL", async () => {
    const sv = await (await get("/themes")).text();
    expect(sv).toContain('<html lang="sv"');
    expect(sv).toContain("Hoppa till innehållet");
    const en = await (await get("/themes", { "Accept-Language": "en-GB,en;q=0.9" })).text();
    expect(en).toContain('<html lang="en"');
    expect(en).toContain("Skip to content");
    expect(en).not.toContain("Hoppa till innehållet");
  });

  it("keeps the switch's choice in a cookie and returns to the same page", async () => {
    const response = await fetch(`${server.url}/language`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ lang: "en", redirectTo: "/practices?page=1" }),
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/practices?page=1");
    const cookie = response.headers.get("Set-Cookie")!.split(";")[0];
    const page = await (await get("/practices", { Cookie: cookie, "Accept-Language": "sv" })).text();
    expect(page).toContain('<html lang="en"');
    expect(page).toContain("Main menu");
  });

  it("answers a language it does not speak with 400 and a message, and never leaves the site", async () => {
    const post = (fields: Record<string, string>) =>
      fetch(`${server.url}/language`, {
        method: "POST",
        redirect: "manual",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams(fields),
      });
    const bad = await post({ lang: "de" });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("Välj svenska (sv) eller engelska (en).");
    const away = await post({ lang: "sv", redirectTo: "https://example.com/" });
    expect(away.headers.get("Location")).toBe("/");
  });

  it("shows friendly error pages in both languages", async () => {
    const sv = await get("/finns-inte");
    expect(sv.status).toBe(404);
    expect(await sv.text()).toContain("Sidan finns inte");
    const en = await get("/finns-inte", { "Accept-Language": "en" });
    expect(en.status).toBe(404);
    const html = await en.text();
    expect(html).toContain("Page not found");
    expect(html).not.toContain("Sidan finns inte");
  });
});
