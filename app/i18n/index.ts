import { useRouteLoaderData } from "@remix-run/react";

/**
 * Two interface languages, Swedish first. Every interface string is written where it is used as
 * a pair, `t("Teman", "Themes")`, so a translation cannot be forgotten and the Swedish reads in
 * place (docs/decisions/009-two-languages.md). Content keeps its own language.
 */
export const LANGS = ["sv", "en"] as const;
export type Lang = (typeof LANGS)[number];

/** One interface string in both languages. */
export interface Text {
  sv: string;
  en: string;
}

export const LOCALE: Record<Lang, string> = { sv: "sv-SE", en: "en-GB" };

export interface Translate {
  (sv: string, en: string): string;
  (text: Text): string;
  lang: Lang;
  /** "2024-03-05" → "5 mars 2024" / "5 March 2024". */
  date: (isoDate: string | null | undefined) => string;
  /** A date and time, e.g. a revision's timestamp. */
  dateTime: (iso: string | null | undefined) => string;
  number: (n: number) => string;
  /** "1 träff", "3 träffar" / "1 event", "3 events". */
  plural: (n: number, one: Text, many: Text) => string;
}

const formats = new Map<Lang, { date: Intl.DateTimeFormat; dateTime: Intl.DateTimeFormat; number: Intl.NumberFormat }>();
function formatsOf(lang: Lang) {
  let f = formats.get(lang);
  if (!f) {
    const locale = LOCALE[lang];
    f = {
      date: new Intl.DateTimeFormat(locale, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }),
      dateTime: new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Stockholm" }),
      number: new Intl.NumberFormat(locale),
    };
    formats.set(lang, f);
  }
  return f;
}

export function isLang(value: unknown): value is Lang {
  return value === "sv" || value === "en";
}

/** The translator for one language; `useT()` in components, `makeT(lang)` on the server. */
export function makeT(lang: Lang): Translate {
  const f = formatsOf(lang);
  const t = ((a: string | Text, b?: string) => {
    if (typeof a === "string") return lang === "sv" ? a : (b ?? a);
    return a[lang];
  }) as Translate;
  t.lang = lang;
  t.date = (isoDate) => {
    if (!isoDate) return "";
    const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
    return Number.isNaN(date.getTime()) ? isoDate : f.date.format(date);
  };
  t.dateTime = (iso) => {
    if (!iso) return "";
    const date = new Date(iso.includes("T") || iso.includes("Z") ? iso : `${iso.replace(" ", "T")}Z`);
    return Number.isNaN(date.getTime()) ? iso : f.dateTime.format(date);
  };
  t.number = (n) => f.number.format(n);
  t.plural = (n, one, many) => `${f.number.format(n)} ${(n === 1 ? one : many)[lang]}`;
  return t;
}

/** The page's interface language, from the root loader. */
export function useLang(): Lang {
  const data = useRouteLoaderData<{ lang?: Lang }>("root");
  return isLang(data?.lang) ? data.lang : "sv";
}

export function useT(): Translate {
  return makeT(useLang());
}

/** For `meta` functions, which get the matches instead of hooks. */
export function metaT(matches: ReadonlyArray<{ id: string; data: unknown }>): Translate {
  const root = matches.find((m) => m.id === "root")?.data as { lang?: Lang } | undefined;
  return makeT(isLang(root?.lang) ? root.lang : "sv");
}
