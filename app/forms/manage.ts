import { z } from "zod";

import { COUNTIES, ORGANISATION_KINDS, ROLES } from "../../db/schema";
import { SLUG_PATTERN } from "../../seeds/schema";
import type { Translate } from "../i18n";
import { messages, perLanguage, withoutNul } from "./lang";

/**
 * Schemas of the management forms (themes, organisations, accounts), shared by page and action:
 * `themeSchema(t)` with the reader's `t` (`useT()` in the page, `requestT(request)` in the action).
 */

const name = (t: Translate, message: string) =>
  z.string(messages(t, { required: message })).trim().min(1, message).max(200, t("Högst 200 tecken.", "At most 200 characters.")).regex(...withoutNul(t));
const invalid = (t: Translate) => t("Ogiltigt val.", "Not a valid choice.");
const optionalSlug = (t: Translate) => z.string(messages(t, { invalid: invalid(t) })).regex(SLUG_PATTERN, invalid(t)).optional();
const choice = <T extends readonly [string, ...string[]]>(t: Translate, values: T, required: string) =>
  z.enum(values, messages(t, { required, invalid: invalid(t) }));
const chooseRole = (t: Translate) => choice(t, ROLES, t("Välj roll.", "Choose a role."));

export const themeSchema = perLanguage((t: Translate) =>
  z.object({
    name: name(t, t("Skriv temats namn.", "Enter the theme's name.")),
    name_en: name(t, t("Skriv namnet på engelska.", "Enter the name in English.")),
    summary: z.string(messages(t)).trim().max(1000, t("Högst 1000 tecken.", "At most 1,000 characters.")).regex(...withoutNul(t)).default(""),
    parent: optionalSlug(t),
    position: z
      .number(messages(t, { invalid: t("Skriv ett heltal.", "Enter a whole number.") }))
      .int(t("Skriv ett heltal.", "Enter a whole number."))
      .min(0, t("Kan inte vara negativt.", "Cannot be negative."))
      .max(10_000, t("Högst 10 000.", "At most 10,000."))
      .default(0),
  }),
);

export const organisationSchema = perLanguage((t: Translate) =>
  z.object({
    name: name(t, t("Skriv organisationens namn.", "Enter the organisation's name.")),
    kind: choice(t, ORGANISATION_KINDS, t("Välj sort.", "Choose a kind.")),
    municipality: name(t, t("Skriv kommun.", "Enter the municipality.")),
    county: choice(t, COUNTIES, t("Välj län.", "Choose a county.")),
  }),
);

export const accountSchema = perLanguage((t: Translate) =>
  z.object({
    role: chooseRole(t),
    organisation: optionalSlug(t),
    // A checkbox: sent or not (see the path form's "optional").
    disabled: z.preprocess((v) => v !== undefined && v !== false, z.boolean()),
  }),
);

export const newAccountSchema = perLanguage((t: Translate) =>
  z.object({
    email: z
      .string(messages(t, { required: t("Fyll i e-postadress.", "Enter an email address.") }))
      .trim()
      .toLowerCase()
      .email(t("Det ser inte ut som en e-postadress.", "That does not look like an email address."))
      .max(254, t("E-postadressen är för lång.", "The email address is too long.")),
    name: name(t, t("Skriv namnet.", "Enter the name.")),
    role: chooseRole(t),
    organisation: optionalSlug(t),
    password: z
      .string(messages(t, { required: t("Välj ett lösenord.", "Choose a password.") }))
      .min(12, t("Minst 12 tecken.", "At least 12 characters."))
      .max(1024, t("Högst 1024 tecken.", "At most 1,024 characters.")),
  }),
);
