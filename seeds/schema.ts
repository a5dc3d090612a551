import { z } from "zod";

import { markdownProblem, markdownProblemMessage, MARKDOWN_MAX_LENGTH, MARKDOWN_SECTION_MAX_LENGTH } from "../app/forms/markdown";
import { makeT } from "../app/i18n";
import {
  ACTIVITY_FORMATS,
  ACTIVITY_LEVELS,
  COUNTIES,
  EVENT_TYPES,
  LANGUAGES,
  ORGANISATION_KINDS,
} from "../db/schema";

/** The seeds format of DESIGN.md, as zod schemas. Unknown fields are ignored, not refused. */

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const slug = z
  .string({ required_error: "saknas", invalid_type_error: "ska vara text" })
  .regex(SLUG_PATTERN, "ska vara en slug: små bokstäver a–z, siffror och bindestreck");

// No NUL: SQLite's length() stops at one, so the tables' CHECKs would fail after the checks here passed.
// eslint-disable-next-line no-control-regex -- NUL is exactly what to find
const text = z.string({ required_error: "saknas", invalid_type_error: "ska vara text" }).trim().regex(/^[^\u0000]*$/, "får inte innehålla tecknet NUL");
const requiredText = text.min(1, "får inte vara tom");
const optionalText = text.default("");

/**
 * What is wrong with a Markdown text of the seeds (a body, a practice's section), in Swedish as
 * the rest of the seeds' messages; null when it is within the limits the forms keep too.
 */
export function seedMarkdownProblem(markdown: string, maxLength = MARKDOWN_MAX_LENGTH): string | null {
  const problem = markdownProblem(markdown, maxLength);
  return problem ? markdownProblemMessage(makeT("sv"), problem, maxLength) : null;
}

/** A practice's section, within the limits of the form's (app/forms/record.ts). */
const markdownSection = optionalText.superRefine((s, ctx) => {
  const problem = seedMarkdownProblem(s, MARKDOWN_SECTION_MAX_LENGTH);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

/** YYYY-MM-DD that is also a real calendar date (no 2024-02-30). */
export const isoDate = z
  .string({ required_error: "saknas", invalid_type_error: "ska vara ett datum ÅÅÅÅ-MM-DD" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "ska vara ett datum ÅÅÅÅ-MM-DD")
  .refine((s) => new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), "är inte ett giltigt datum");

const slugList = (what: string) =>
  z.array(slug, { invalid_type_error: `ska vara en lista av ${what}` });

export const ThemeSeed = z.object({
  slug,
  name: requiredText,
  name_en: requiredText,
  summary: optionalText,
  parent: slug.optional(),
});

export const OrganisationSeed = z.object({
  slug,
  name: requiredText,
  kind: z.enum(ORGANISATION_KINDS),
  municipality: requiredText,
  county: z.enum(COUNTIES),
});

const RecordCommon = z.object({
  title: requiredText,
  summary: requiredText,
  themes: slugList("temaslugs").min(1, "minst ett tema krävs"),
  tags: z
    .array(text.toLowerCase().pipe(z.string().min(1, "tom tagg")), { invalid_type_error: "ska vara en lista" })
    .default([]),
  language: z.enum(LANGUAGES).default("sv"),
  visibility: z.enum(["public", "members"]).default("public"),
});

export const PracticeSeed = RecordCommon.extend({
  organisation: slug,
  published: isoDate,
  problem: markdownSection,
  solution: markdownSection,
  results: markdownSection,
  resources: markdownSection,
  transferability: markdownSection,
  difficulties: markdownSection,
  adopted_from: slug.optional(),
  from_event: slug.optional(),
});

export const EventSeed = RecordCommon.extend({
  type: z.enum(EVENT_TYPES),
  date: isoDate,
  end_date: isoDate.optional(),
  location: requiredText,
  municipality: requiredText,
  organiser: slug,
  participants: z
    .number({ required_error: "saknas", invalid_type_error: "ska vara ett heltal" })
    .int("ska vara ett heltal")
    .min(0, "kan inte vara negativt"),
  participating_organisations: slugList("organisationsslugs").default([]),
  lessons: z
    .array(requiredText, { required_error: "saknas", invalid_type_error: "ska vara en lista av lärdomar" })
    .min(1, "minst en lärdom krävs"),
}).refine((e) => !e.end_date || e.end_date >= e.date, {
  message: "får inte vara före date",
  path: ["end_date"],
});

export const ActivitySeed = RecordCommon.extend({
  provider: slug,
  format: z.enum(ACTIVITY_FORMATS),
  level: z.enum(ACTIVITY_LEVELS),
  hours: z.number({ required_error: "saknas", invalid_type_error: "ska vara ett tal" }).positive("ska vara större än 0"),
  target_group: optionalText,
  skills: z.array(requiredText, { invalid_type_error: "ska vara en lista" }).default([]),
  start_date: isoDate,
  end_date: isoDate.optional(),
}).refine((a) => !a.end_date || a.end_date >= a.start_date, {
  message: "får inte vara före start_date",
  path: ["end_date"],
});

export const PathSeed = z.object({
  title: requiredText,
  summary: requiredText,
  theme: slug,
  audience: optionalText,
  steps: z
    .array(
      z.object({
        entry: z
          .string({ required_error: "saknas" })
          .regex(/^(practices|events|activities)\/[a-z0-9]+(?:-[a-z0-9]+)*$/, "ska vara practices/<slug>, events/<slug> eller activities/<slug>"),
        note: optionalText,
        optional: z.boolean({ invalid_type_error: "ska vara true eller false" }).default(false),
      }),
      { required_error: "saknas", invalid_type_error: "ska vara en lista av steg" },
    )
    .min(1, "minst ett steg krävs"),
});

/** A theme's maturity self-assessment: questions with one answer per level, 1 to 5. */
export const AssessmentSeed = z
  .object({
    theme: slug,
    intro: optionalText,
    questions: z
      .array(
        z.object({
          text: requiredText,
          levels: z
            .array(requiredText, { required_error: "saknas", invalid_type_error: "ska vara en lista" })
            .length(5, "ska ha exakt fem svar, för nivå 1 till 5"),
        }),
        { required_error: "saknas", invalid_type_error: "ska vara en lista av frågor" },
      )
      .min(1, "minst en fråga krävs"),
  })
  // Loaded like the other lists, which are keyed by slug: a theme has one questionnaire.
  .transform((a) => ({ ...a, slug: a.theme }));

export type ThemeSeed = z.infer<typeof ThemeSeed>;
export type AssessmentSeed = z.infer<typeof AssessmentSeed>;
export type OrganisationSeed = z.infer<typeof OrganisationSeed>;
export type PracticeSeed = z.infer<typeof PracticeSeed>;
export type EventSeed = z.infer<typeof EventSeed>;
export type ActivitySeed = z.infer<typeof ActivitySeed>;
export type PathSeed = z.infer<typeof PathSeed>;
