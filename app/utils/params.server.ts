import { SLUG_PATTERN } from "../../seeds/schema";
import { notFound } from "./http.server";

/** A slug from the URL; anything that could not be a slug is simply not found. */
export function slugParam(value: string | undefined, what = "Sidan"): string {
  if (!value || value.length > 200 || !SLUG_PATTERN.test(value)) throw notFound(`${what} finns inte.`);
  return value;
}

/** A numeric id from the URL; anything else is simply not found. */
export function idParam(value: string | undefined, what = "Sidan"): number {
  if (!value || !/^[1-9][0-9]{0,9}$/.test(value)) throw notFound(`${what} finns inte.`);
  return Number(value);
}
