import { EVENT_TYPES } from "../../db/schema";
import type { Text } from "../i18n";
import { EVENT_TYPE_LABEL } from "../utils/labels";

const typeNames = (lang: "sv" | "en") => Object.values(EVENT_TYPE_LABEL).map((l) => l[lang]).join(", ");

/**
 * The columns: the seeds format's field names, with a Swedish name each that is accepted too,
 * and a hint in both interface languages for the import page.
 */
export const CSV_COLUMNS = [
  { field: "title", sv: "rubrik", required: true, hint: { sv: "Rubrik", en: "Title" } },
  { field: "summary", sv: "sammanfattning", required: true, hint: { sv: "Kort sammanfattning", en: "Short summary" } },
  {
    field: "type",
    sv: "typ",
    required: true,
    hint: { sv: `${EVENT_TYPES.join(", ")} (eller ${typeNames("sv")})`, en: `${EVENT_TYPES.join(", ")} (or ${typeNames("en")}, or the Swedish names)` },
  },
  { field: "date", sv: "datum", required: true, hint: { sv: "ÅÅÅÅ-MM-DD", en: "YYYY-MM-DD" } },
  { field: "end_date", sv: "slutdatum", required: false, hint: { sv: "ÅÅÅÅ-MM-DD, valfritt", en: "YYYY-MM-DD, optional" } },
  { field: "location", sv: "plats", required: true, hint: { sv: "Plats", en: "Place" } },
  { field: "municipality", sv: "kommun", required: true, hint: { sv: "Kommun", en: "Municipality" } },
  { field: "participants", sv: "deltagare", required: true, hint: { sv: "Antal deltagare, heltal", en: "Number of participants, a whole number" } },
  {
    field: "themes",
    sv: "teman",
    required: true,
    hint: { sv: "Temats kortnamn (slug), flera åtskilda med | eller ;", en: "The theme's short name (slug), several separated by | or ;" },
  },
  { field: "tags", sv: "taggar", required: false, hint: { sv: "Åtskilda med | , eller ;", en: "Separated by | , or ;" } },
  {
    field: "lessons",
    sv: "lärdomar",
    required: true,
    hint: { sv: "Minst en, flera åtskilda med | (eller radbrytning i cellen)", en: "At least one, several separated by | (or a line break in the cell)" },
  },
  { field: "body", sv: "minnesanteckningar", required: false, hint: { sv: "Markdown", en: "Markdown" } },
  {
    field: "organiser",
    sv: "arrangör",
    required: false,
    hint: {
      sv: "Organisationens kortnamn; tomt: din organisation (eller den du valt)",
      en: "The organisation's short name; empty: your organisation (or the one you chose)",
    },
  },
  {
    field: "participating_organisations",
    sv: "deltagande_organisationer",
    required: false,
    hint: { sv: "Kortnamn åtskilda med | eller ;", en: "Short names separated by | or ;" },
  },
  { field: "language", sv: "språk", required: false, hint: { sv: "sv eller en", en: "sv or en" } },
  { field: "visibility", sv: "synlighet", required: false, hint: { sv: "public eller members", en: "public or members" } },
] as const satisfies readonly { field: string; sv: string; required: boolean; hint: Text }[];
