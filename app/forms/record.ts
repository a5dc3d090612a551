import { z } from "zod";

import { ACTIVITY_FORMATS, ACTIVITY_LEVELS, EVENT_TYPES, LANGUAGES, type RecordKind } from "../../db/schema";
import { SLUG_PATTERN } from "../../seeds/schema";
import { makeT, type Text, type Translate } from "../i18n";
import { messages, perLanguage, withoutNul } from "./lang";
import { markdownField, MARKDOWN_MAX_LENGTH, MARKDOWN_SECTION_MAX_LENGTH } from "./markdown";

/**
 * One schema per record form, shared by the page (Conform's client-side checks) and the action,
 * with messages in the reader's language: `recordSchemas(t)[kind]`. Field names follow the seeds
 * format, so a revision's snapshot (these values as JSON) and a seeded revision read the same
 * way, and restoring either goes through the same schema.
 */
export const recordSchemas = perLanguage((t: Translate) => {
  const most = (max: number) => t(`Högst ${max} tecken.`, `At most ${max.toLocaleString("en-GB")} characters.`);
  const invalid = t("Ogiltigt val.", "Not a valid choice.");
  const wholeNumber = t("Skriv ett heltal.", "Enter a whole number.");
  const tooMany = t("Det är väl för många?", "Surely that is too many?");
  const endBeforeStart = t("Slutdatum kan inte vara före startdatum.", "The end date cannot be before the start date.");

  const text = (max: number, required?: string) =>
    required
      ? z.string(messages(t, { required })).trim().min(1, required).max(max, most(max)).regex(...withoutNul(t))
      : z.string(messages(t)).trim().max(max, most(max)).regex(...withoutNul(t)).default("");

  const date = (required = t("Fyll i datum.", "Enter a date.")) =>
    z
      .string(messages(t, { required }))
      .regex(/^\d{4}-\d{2}-\d{2}$/, t("Skriv datumet som ÅÅÅÅ-MM-DD.", "Write the date as YYYY-MM-DD."))
      .refine(
        (s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
        t("Det datumet finns inte.", "That date does not exist."),
      );
  const optionalDate = () => date().optional();

  const slug = z.string(messages(t, { invalid })).regex(SLUG_PATTERN, invalid);
  const requiredSlug = (message: string) => z.string(messages(t, { required: message, invalid })).regex(SLUG_PATTERN, invalid);
  const choice = <T extends readonly [string, ...string[]]>(values: T, required?: string) => z.enum(values, messages(t, { required, invalid }));

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
        .array(z.string(messages(t)).max(80, t("Högst 80 tecken per ord.", "At most 80 characters per word.")).regex(...withoutNul(t)))
        .transform((items) => [...new Set(items.map((s) => (lower ? s.trim().toLowerCase() : s.trim())).filter(Boolean))])
        .refine((items) => items.length <= max, t(`Högst ${max} stycken.`, `At most ${max}.`)),
    );

  const chooseTheme = t("Välj minst ett tema.", "Choose at least one theme.");
  const common = {
    title: text(200, t("Skriv en rubrik.", "Enter a title.")),
    summary: text(600, t("Skriv en kort sammanfattning.", "Write a short summary.")),
    body: markdownField(t, MARKDOWN_MAX_LENGTH),
    themes: z
      .array(slug, messages(t, { required: chooseTheme }))
      .min(1, chooseTheme)
      .max(10, t("Högst 10 teman.", "At most 10 themes.")),
    tags: commaList(20, true),
    language: choice(LANGUAGES).default("sv"),
    visibility: choice(["public", "members"] as const).default("public"),
    review_by: optionalDate(),
  };

  const practice = z.object({
    ...common,
    organisation: requiredSlug(t("Välj organisation.", "Choose an organisation.")),
    problem: markdownField(t, MARKDOWN_SECTION_MAX_LENGTH),
    solution: markdownField(t, MARKDOWN_SECTION_MAX_LENGTH),
    results: markdownField(t, MARKDOWN_SECTION_MAX_LENGTH),
    resources: markdownField(t, MARKDOWN_SECTION_MAX_LENGTH),
    transferability: markdownField(t, MARKDOWN_SECTION_MAX_LENGTH),
    difficulties: markdownField(t, MARKDOWN_SECTION_MAX_LENGTH),
    adopted_from: slug.optional(),
    from_event: slug.optional(),
    /** A lesson of the from_event event (its id): the idea came from that lesson. */
    from_lesson: z.number(messages(t, { invalid })).int(invalid).positive(invalid).max(2_000_000_000, invalid).optional(),
  });

  const atLeastOneLesson = t("Skriv minst en lärdom.", "Write at least one lesson.");
  const event = z
    .object({
      ...common,
      type: choice(EVENT_TYPES, t("Välj typ av träff.", "Choose the type of event.")),
      date: date(t("Fyll i datum.", "Enter a date.")),
      end_date: optionalDate(),
      location: text(200, t("Fyll i plats.", "Enter the place.")),
      municipality: text(100, t("Fyll i kommun.", "Enter the municipality.")),
      organiser: requiredSlug(t("Välj arrangör.", "Choose the organiser.")),
      participants: z
        .number(messages(t, { required: t("Fyll i antal deltagare.", "Enter the number of participants."), invalid: wholeNumber }))
        .int(wholeNumber)
        .min(0, t("Kan inte vara negativt.", "Cannot be negative."))
        .max(100_000, tooMany),
      participating_organisations: z.array(slug, messages(t)).max(200, t("Högst 200 organisationer.", "At most 200 organisations.")).default([]),
      lessons: z
        .array(text(500, t("Skriv lärdomen, eller ta bort raden.", "Write the lesson, or remove the line.")), messages(t, { required: atLeastOneLesson }))
        .min(1, atLeastOneLesson)
        .max(50, t("Högst 50 lärdomar.", "At most 50 lessons.")),
    })
    .refine((e) => !e.end_date || e.end_date >= e.date, { message: endBeforeStart, path: ["end_date"] });

  const activity = z
    .object({
      ...common,
      provider: requiredSlug(t("Välj anordnare.", "Choose the provider.")),
      format: choice(ACTIVITY_FORMATS, t("Välj form.", "Choose the format.")),
      level: choice(ACTIVITY_LEVELS, t("Välj nivå.", "Choose the level.")),
      // "12,5" as Swedes write it, as well as 12.5.
      hours: z.preprocess(
        (v) => (typeof v === "string" && v.trim() !== "" ? Number(v.trim().replace(",", ".")) : v === "" ? undefined : v),
        z
          .number(messages(t, { required: t("Fyll i antal timmar.", "Enter the number of hours."), invalid: t("Skriv ett tal.", "Enter a number.") }))
          .positive(t("Måste vara mer än 0.", "Must be more than 0."))
          .max(10_000, tooMany),
      ),
      target_group: text(300),
      skills: commaList(30, false),
      start_date: date(t("Fyll i startdatum.", "Enter the start date.")),
      end_date: optionalDate(),
    })
    .refine((a) => !a.end_date || a.end_date >= a.start_date, { message: endBeforeStart, path: ["end_date"] });

  return { practice, event, activity } as const;
});

/** The schemas with Swedish messages, for parsing where no reader sees the messages (saving, reading snapshots). */
export const RECORD_SCHEMAS = recordSchemas(makeT("sv"));

export type PracticeValues = z.infer<typeof RECORD_SCHEMAS.practice>;
export type EventValues = z.infer<typeof RECORD_SCHEMAS.event>;
export type ActivityValues = z.infer<typeof RECORD_SCHEMAS.activity>;
export type RecordValues = PracticeValues | EventValues | ActivityValues;
export type ValuesOf<K extends RecordKind> = z.infer<(typeof RECORD_SCHEMAS)[K]>;

/** The field that names the record's organisation, per kind. */
export const ORG_FIELD = { practice: "organisation", event: "organiser", activity: "provider" } as const;

/** Markdown fields shown in the editor's preview, per kind, with their headings and most characters. */
export const MARKDOWN_SECTIONS: Record<RecordKind, { field: string; heading: Text; maxLength: number }[]> = {
  practice: [
    { field: "body", heading: { sv: "Beskrivning", en: "Description" }, maxLength: MARKDOWN_MAX_LENGTH },
    { field: "problem", heading: { sv: "Problemet", en: "The problem" }, maxLength: MARKDOWN_SECTION_MAX_LENGTH },
    { field: "solution", heading: { sv: "Lösningen", en: "The solution" }, maxLength: MARKDOWN_SECTION_MAX_LENGTH },
    { field: "results", heading: { sv: "Resultat och belägg", en: "Results and evidence" }, maxLength: MARKDOWN_SECTION_MAX_LENGTH },
    { field: "resources", heading: { sv: "Resurser som behövdes", en: "Resources needed" }, maxLength: MARKDOWN_SECTION_MAX_LENGTH },
    { field: "transferability", heading: { sv: "Så kan andra använda det", en: "How others can use it" }, maxLength: MARKDOWN_SECTION_MAX_LENGTH },
    { field: "difficulties", heading: { sv: "Svårigheter på vägen", en: "Difficulties along the way" }, maxLength: MARKDOWN_SECTION_MAX_LENGTH },
  ],
  event: [{ field: "body", heading: { sv: "Minnesanteckningar", en: "Minutes" }, maxLength: MARKDOWN_MAX_LENGTH }],
  activity: [{ field: "body", heading: { sv: "Beskrivning", en: "Description" }, maxLength: MARKDOWN_MAX_LENGTH }],
};

/** Workflow buttons and the hidden version that guards against overwriting someone else's save. */
export const INTENTS = ["save", "preview", "submit"] as const;
export const workflowSchema = perLanguage((t: Translate) =>
  z.object({
    intent: z.enum(["submit", "publish", "return", "archive", "reopen"], { message: t("Okänd åtgärd.", "Unknown action.") }),
    version: z.coerce
      .number({ message: t("Versionen saknas.", "The version is missing.") })
      .int(t("Ogiltig version.", "Not a valid version."))
      .min(1, t("Ogiltig version.", "Not a valid version.")),
    comment: z.string(messages(t)).trim().max(2000, t("Högst 2000 tecken.", "At most 2,000 characters.")).optional(),
  }),
);
