import { createCookie } from "@remix-run/node";

import { isLang, makeT, type Lang, type Translate } from "./index";

/** The reader's choice from the language switch; a plain cookie (nothing secret in it). */
export const langCookie = createCookie("lardom_lang", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 365 * 86_400,
});

/**
 * The interface language of a request: the switch's cookie, else the browser's first language
 * we speak (Accept-Language, by its q-weights), else Swedish.
 */
export async function getLang(request: Request): Promise<Lang> {
  return langFromHeaders(request.headers.get("Cookie"), request.headers.get("Accept-Language"));
}

/** The same from the two headers, for the server layer, which has them before Remix's Request. */
export async function langFromHeaders(cookie: string | null | undefined, acceptLanguage: string | null | undefined): Promise<Lang> {
  // Most requests carry no choice: they need not wait for the cookie to be parsed.
  if (cookie?.includes("lardom_lang=")) {
    const chosen: unknown = await langCookie.parse(cookie).catch(() => null);
    if (isLang(chosen)) return chosen;
  }
  return langFromAcceptLanguage(acceptLanguage ?? null);
}

export function langFromAcceptLanguage(header: string | null): Lang {
  if (!header) return "sv";
  const ranked = header
    .split(",")
    .map((part, i) => {
      const [tag, ...params] = part.trim().toLowerCase().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const weight = q ? Number(q.slice(2)) : 1;
      return { base: tag!.split("-")[0], weight: Number.isFinite(weight) ? weight : 0, i };
    })
    .filter((x) => x.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.i - b.i);
  for (const { base } of ranked) {
    if (base === "sv" || base === "en") return base;
    // Norwegian and Danish readers follow Swedish more easily than English.
    if (base === "nb" || base === "nn" || base === "no" || base === "da") return "sv";
  }
  return "sv";
}

/** The translator for a request, for loaders and actions that answer with text. */
export async function requestT(request: Request): Promise<Translate> {
  return makeT(await getLang(request));
}
