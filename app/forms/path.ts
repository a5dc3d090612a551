import { z } from "zod";

import { SLUG_PATTERN } from "../../seeds/schema";
import type { Translate } from "../i18n";
import { perLanguage } from "./lang";

/** The reading-path form, shared by page and action. Steps name records as in the seeds format. */

export const PATH_STATUSES = ["draft", "published", "archived"] as const;

export const pathSchema = perLanguage((t: Translate) => {
  const most = (max: number) => t(`Högst ${max} tecken.`, `At most ${max.toLocaleString("en-GB")} characters.`);
  const text = (max: number) => z.string().trim().max(max, most(max)).default("");
  const required = (max: number, message: string) => z.string({ required_error: message }).trim().min(1, message).max(max, most(max));
  const chooseMaterial = t("Välj material.", "Choose the material.");
  const atLeastOne = t("Lägg till minst ett steg.", "Add at least one step.");
  return z.object({
    title: required(200, t("Skriv en rubrik.", "Enter a title.")),
    summary: required(600, t("Skriv en kort sammanfattning.", "Write a short summary.")),
    theme: z.string({ required_error: t("Välj tema.", "Choose a theme.") }).regex(SLUG_PATTERN, t("Ogiltigt val.", "Not a valid choice.")),
    audience: text(300),
    status: z.enum(PATH_STATUSES).default("draft"),
    steps: z
      .array(
        z.object({
          entry: z.string({ required_error: chooseMaterial }).regex(/^(practices|events|activities)\/[a-z0-9]+(?:-[a-z0-9]+)*$/, chooseMaterial),
          note: text(1000),
          optional: z.boolean().default(false),
        }),
        { required_error: atLeastOne },
      )
      .min(1, atLeastOne)
      .max(50, t("Högst 50 steg.", "At most 50 steps.")),
  });
});

export type PathValues = z.infer<ReturnType<typeof pathSchema>>;
