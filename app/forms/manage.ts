import { z } from "zod";

import { COUNTIES, ORGANISATION_KINDS, ROLES } from "../../db/schema";
import { SLUG_PATTERN } from "../../seeds/schema";
import type { Translate } from "../i18n";
import { perLanguage } from "./lang";

/**
 * Schemas of the management forms (themes, organisations, accounts), shared by page and action:
 * `themeSchema(t)` with the reader's `t` (`useT()` in the page, `requestT(request)` in the action).
 */

const name = (t: Translate, message: string) =>
  z.string({ required_error: message }).trim().min(1, message).max(200, t("Högst 200 tecken.", "At most 200 characters."));
const optionalSlug = (t: Translate) => z.string().regex(SLUG_PATTERN, t("Ogiltigt val.", "Not a valid choice.")).optional();
const chooseRole = (t: Translate) => z.enum(ROLES, { required_error: t("Välj roll.", "Choose a role.") });

export const themeSchema = perLanguage((t: Translate) =>
  z.object({
    name: name(t, t("Skriv temats namn.", "Enter the theme's name.")),
    name_en: name(t, t("Skriv namnet på engelska.", "Enter the name in English.")),
    summary: z.string().trim().max(1000, t("Högst 1000 tecken.", "At most 1,000 characters.")).default(""),
    parent: optionalSlug(t),
    position: z
      .number({ invalid_type_error: t("Skriv ett heltal.", "Enter a whole number.") })
      .int(t("Skriv ett heltal.", "Enter a whole number."))
      .min(0)
      .max(10_000)
      .default(0),
  }),
);

export const organisationSchema = perLanguage((t: Translate) =>
  z.object({
    name: name(t, t("Skriv organisationens namn.", "Enter the organisation's name.")),
    kind: z.enum(ORGANISATION_KINDS, { required_error: t("Välj sort.", "Choose a kind.") }),
    municipality: name(t, t("Skriv kommun.", "Enter the municipality.")),
    county: z.enum(COUNTIES, { required_error: t("Välj län.", "Choose a county.") }),
  }),
);

export const accountSchema = perLanguage((t: Translate) =>
  z.object({
    role: chooseRole(t),
    organisation: optionalSlug(t),
    disabled: z.boolean().default(false),
  }),
);

export const newAccountSchema = perLanguage((t: Translate) =>
  z.object({
    email: z
      .string({ required_error: t("Fyll i e-postadress.", "Enter an email address.") })
      .trim()
      .toLowerCase()
      .email(t("Det ser inte ut som en e-postadress.", "That does not look like an email address."))
      .max(254),
    name: name(t, t("Skriv namnet.", "Enter the name.")),
    role: chooseRole(t),
    organisation: optionalSlug(t),
    password: z
      .string({ required_error: t("Välj ett lösenord.", "Choose a password.") })
      .min(12, t("Minst 12 tecken.", "At least 12 characters."))
      .max(1024),
  }),
);
