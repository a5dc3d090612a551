import { z } from "zod";

import { COUNTIES, ORGANISATION_KINDS, ROLES } from "../../db/schema";
import { SLUG_PATTERN } from "../../seeds/schema";

/** Schemas of the management forms (themes, organisations, accounts), shared by page and action. */

const name = (message: string) => z.string({ required_error: message }).trim().min(1, message).max(200, "Högst 200 tecken.");
const optionalSlug = z.string().regex(SLUG_PATTERN, "Ogiltigt val.").optional();

export const ThemeSchema = z.object({
  name: name("Skriv temats namn."),
  name_en: name("Skriv namnet på engelska."),
  summary: z.string().trim().max(1000, "Högst 1000 tecken.").default(""),
  parent: optionalSlug,
  position: z.number({ invalid_type_error: "Skriv ett heltal." }).int("Skriv ett heltal.").min(0).max(10_000).default(0),
});

export const OrganisationSchema = z.object({
  name: name("Skriv organisationens namn."),
  kind: z.enum(ORGANISATION_KINDS, { required_error: "Välj sort." }),
  municipality: name("Skriv kommun."),
  county: z.enum(COUNTIES, { required_error: "Välj län." }),
});

export const AccountSchema = z.object({
  role: z.enum(ROLES, { required_error: "Välj roll." }),
  organisation: optionalSlug,
  disabled: z.boolean().default(false),
});

export const NewAccountSchema = z.object({
  email: z.string({ required_error: "Fyll i e-postadress." }).trim().toLowerCase().email("Det ser inte ut som en e-postadress.").max(254),
  name: name("Skriv namnet."),
  role: z.enum(ROLES, { required_error: "Välj roll." }),
  organisation: optionalSlug,
  password: z.string({ required_error: "Välj ett lösenord." }).min(12, "Minst 12 tecken.").max(1024),
});
