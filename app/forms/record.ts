import { z } from "zod";

import { ACTIVITY_FORMATS, ACTIVITY_LEVELS, EVENT_TYPES, LANGUAGES, type RecordKind } from "../../db/schema";
import { SLUG_PATTERN } from "../../seeds/schema";

/**
 * One schema per record form, shared by the page (Conform's client-side checks) and the action.
 * Field names follow the seeds format, so a revision's snapshot (these values as JSON) and a
 * seeded revision read the same way, and restoring either goes through the same schema.
 */

const text = (max: number, required?: string) =>
  required
    ? z.string({ required_error: required }).trim().min(1, required).max(max, `Högst ${max} tecken.`)
    : z.string().trim().max(max, `Högst ${max} tecken.`).default("");

const markdown = (max = 50_000) => z.string().max(max, `Högst ${max} tecken.`).default("");

const dateString = (required = "Fyll i datum.") =>
  z
    .string({ required_error: required })
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Skriv datumet som ÅÅÅÅ-MM-DD.")
    .refine(
      (s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
      "Det datumet finns inte.",
    );
export const requiredDate = (message: string) => dateString(message);
export const optionalDate = () => dateString().optional();

const slug = z.string().regex(SLUG_PATTERN, "Ogiltigt val.");
const requiredSlug = (message: string) => z.string({ required_error: message }).regex(SLUG_PATTERN, "Ogiltigt val.");

/**
 * "a, b ,a" or ["a", "b"] → ["a", "b"]: a comma-separated text field or a stored list. Conform
 * hands a typed field over as a one-item list and turns empty items into undefined (which a
 * string item refuses), so every shape is flattened, split and emptied of blanks here.
 */
const commaList = (max: number, lower: boolean) =>
  z.preprocess(
    (v) =>
      (Array.isArray(v) ? v : [v])
        .flatMap((item) => (typeof item === "string" ? item.split(",") : []))
        .map((item) => item.trim())
        .filter(Boolean),
    z
      .array(z.string().max(80, "Högst 80 tecken per ord."))
      .transform((items) => [...new Set(items.map((s) => (lower ? s.trim().toLowerCase() : s.trim())).filter(Boolean))])
      .refine((items) => items.length <= max, `Högst ${max} stycken.`),
  );

const common = {
  title: text(200, "Skriv en rubrik."),
  summary: text(600, "Skriv en kort sammanfattning."),
  body: markdown(),
  themes: z
    .array(slug, { required_error: "Välj minst ett tema." })
    .min(1, "Välj minst ett tema.")
    .max(10, "Högst 10 teman."),
  tags: commaList(20, true),
  language: z.enum(LANGUAGES).default("sv"),
  visibility: z.enum(["public", "members"]).default("public"),
  review_by: optionalDate(),
};

export const PracticeSchema = z.object({
  ...common,
  organisation: requiredSlug("Välj organisation."),
  problem: markdown(20_000),
  solution: markdown(20_000),
  results: markdown(20_000),
  resources: markdown(20_000),
  transferability: markdown(20_000),
  difficulties: markdown(20_000),
  adopted_from: slug.optional(),
  from_event: slug.optional(),
  /** A lesson of the from_event event (its id): the idea came from that lesson. */
  from_lesson: z.number({ invalid_type_error: "Ogiltigt val." }).int("Ogiltigt val.").positive("Ogiltigt val.").max(2_000_000_000, "Ogiltigt val.").optional(),
});

export const EventSchema = z
  .object({
    ...common,
    type: z.enum(EVENT_TYPES, { required_error: "Välj typ av träff." }),
    date: requiredDate("Fyll i datum."),
    end_date: optionalDate(),
    location: text(200, "Fyll i plats."),
    municipality: text(100, "Fyll i kommun."),
    organiser: requiredSlug("Välj arrangör."),
    participants: z
      .number({ required_error: "Fyll i antal deltagare.", invalid_type_error: "Skriv ett heltal." })
      .int("Skriv ett heltal.")
      .min(0, "Kan inte vara negativt.")
      .max(100_000, "Det är väl för många?"),
    participating_organisations: z.array(slug).max(200).default([]),
    lessons: z
      .array(text(500, "Skriv lärdomen, eller ta bort raden."), { required_error: "Skriv minst en lärdom." })
      .min(1, "Skriv minst en lärdom.")
      .max(50, "Högst 50 lärdomar."),
  })
  .refine((e) => !e.end_date || e.end_date >= e.date, { message: "Slutdatum kan inte vara före startdatum.", path: ["end_date"] });

export const ActivitySchema = z
  .object({
    ...common,
    provider: requiredSlug("Välj anordnare."),
    format: z.enum(ACTIVITY_FORMATS, { required_error: "Välj form." }),
    level: z.enum(ACTIVITY_LEVELS, { required_error: "Välj nivå." }),
    // "12,5" as Swedes write it, as well as 12.5.
    hours: z.preprocess(
      (v) => (typeof v === "string" && v.trim() !== "" ? Number(v.trim().replace(",", ".")) : v === "" ? undefined : v),
      z
        .number({ required_error: "Fyll i antal timmar.", invalid_type_error: "Skriv ett tal." })
        .positive("Måste vara mer än 0.")
        .max(10_000, "Det är väl för många?"),
    ),
    target_group: text(300),
    skills: commaList(30, false),
    start_date: requiredDate("Fyll i startdatum."),
    end_date: optionalDate(),
  })
  .refine((a) => !a.end_date || a.end_date >= a.start_date, { message: "Slutdatum kan inte vara före startdatum.", path: ["end_date"] });

export const RECORD_SCHEMAS = { practice: PracticeSchema, event: EventSchema, activity: ActivitySchema } as const;

export type PracticeValues = z.infer<typeof PracticeSchema>;
export type EventValues = z.infer<typeof EventSchema>;
export type ActivityValues = z.infer<typeof ActivitySchema>;
export type RecordValues = PracticeValues | EventValues | ActivityValues;
export type ValuesOf<K extends RecordKind> = z.infer<(typeof RECORD_SCHEMAS)[K]>;

/** The field that names the record's organisation, per kind. */
export const ORG_FIELD = { practice: "organisation", event: "organiser", activity: "provider" } as const;

/** Markdown fields shown in the preview, per kind, with their Swedish headings. */
export const MARKDOWN_FIELDS: Record<RecordKind, [string, string][]> = {
  practice: [
    ["body", "Beskrivning"],
    ["problem", "Problemet"],
    ["solution", "Lösningen"],
    ["results", "Resultat och belägg"],
    ["resources", "Resurser som behövdes"],
    ["transferability", "Så kan andra använda det"],
    ["difficulties", "Svårigheter på vägen"],
  ],
  event: [["body", "Minnesanteckningar"]],
  activity: [["body", "Beskrivning"]],
};

/** Workflow buttons and the hidden version that guards against overwriting someone else's save. */
export const INTENTS = ["save", "preview", "submit"] as const;
export const WorkflowSchema = z.object({
  intent: z.enum(["submit", "publish", "return", "archive", "reopen"], { message: "Okänd åtgärd." }),
  version: z.coerce.number({ message: "Versionen saknas." }).int().min(1),
  comment: z.string().trim().max(2000, "Högst 2000 tecken.").optional(),
});
