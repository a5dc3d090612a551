import { SLUG_PATTERN } from "../../seeds/schema";
import type { Text } from "~/i18n";
import { notFound } from "./http.server";

/** "X finns inte." in both languages where the caller names X as a pair ({ sv: "Temat", en: "The theme" }). */
function missing(what: string | Text) {
  return typeof what === "string" ? `${what} finns inte.` : { sv: `${what.sv} finns inte.`, en: `${what.en} does not exist.` };
}

/** A slug from the URL; anything that could not be a slug is simply not found. */
export function slugParam(value: string | undefined, what: string | Text = { sv: "Sidan", en: "The page" }): string {
  if (!value || value.length > 200 || !SLUG_PATTERN.test(value)) throw notFound(missing(what));
  return value;
}

/** A numeric id from the URL; anything else is simply not found. */
export function idParam(value: string | undefined, what: string | Text = { sv: "Sidan", en: "The page" }): number {
  if (!value || !/^[1-9][0-9]{0,9}$/.test(value)) throw notFound(missing(what));
  return Number(value);
}
