import type { Kysely } from "kysely";

import type { Database } from "../../db/schema";
import type { Lang } from "../i18n";
import { themeOptions, type Option } from "../models/options.server";

/**
 * The form pickers' choices marked for the reader's language. Their labels are content: theme
 * names (English when the theme has `name_en` and the page is English), organisation names
 * (Swedish) and record titles and lessons (their record's language), so each carries `lang`.
 */

export type LangOption = Option & { lang?: string };

/** Themes as themeOptions lists them, named in English on English pages where they can be. */
export async function themeChoices(db: Kysely<Database>, lang: Lang): Promise<LangOption[]> {
  const options = await themeOptions(db);
  const english =
    lang === "en" ? new Map((await db.selectFrom("themes").select(["slug", "name_en"]).execute()).map((r) => [r.slug, r.name_en.trim()])) : null;
  return options.map((o) => {
    const name = english?.get(o.value);
    return name ? { ...o, label: name, lang: "en" } : { ...o, lang: "sv" };
  });
}

/** Organisation names are Swedish. */
export const swedish = (options: Option[]): LangOption[] => options.map((o) => ({ ...o, lang: "sv" }));

/** Record options (value = slug) of one kind, each in its record's language. */
export async function inRecordLanguage(db: Kysely<Database>, kind: "practice" | "event", options: Option[]): Promise<LangOption[]> {
  if (options.length === 0) return options;
  const rows = await db.selectFrom("records").select(["slug", "language"]).where("kind", "=", kind).execute();
  const language = new Map(rows.map((r) => [r.slug, r.language]));
  return options.map((o) => ({ ...o, lang: language.get(o.value) ?? "sv" }));
}

/** An event's lessons, in the event's language. */
export async function inEventLanguage(db: Kysely<Database>, eventSlug: string | undefined, options: Option[]): Promise<LangOption[]> {
  if (!eventSlug || options.length === 0) return options;
  const row = await db.selectFrom("records").select("language").where("kind", "=", "event").where("slug", "=", eventSlug).executeTakeFirst();
  return options.map((o) => ({ ...o, lang: row?.language ?? "sv" }));
}
