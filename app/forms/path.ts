import { z } from "zod";

import { SLUG_PATTERN } from "../../seeds/schema";
import type { Translate } from "../i18n";
import { messages, perLanguage, withoutNul } from "./lang";

/** The reading-path form, shared by page and action. Steps name records as in the seeds format. */

export const PATH_STATUSES = ["draft", "published", "archived"] as const;

export const pathSchema = perLanguage((t: Translate) => {
  const most = (max: number) => t(`Högst ${max} tecken.`, `At most ${max.toLocaleString("en-GB")} characters.`);
  const text = (max: number) => z.string(messages(t)).trim().max(max, most(max)).regex(...withoutNul(t)).default("");
  const required = (max: number, message: string) =>
    z.string(messages(t, { required: message })).trim().min(1, message).max(max, most(max)).regex(...withoutNul(t));
  const invalid = t("Ogiltigt val.", "Not a valid choice.");
  const chooseMaterial = t("Välj material.", "Choose the material.");
  const atLeastOne = t("Lägg till minst ett steg.", "Add at least one step.");
  return z.object({
    title: required(200, t("Skriv en rubrik.", "Enter a title.")),
    summary: required(600, t("Skriv en kort sammanfattning.", "Write a short summary.")),
    theme: z.string(messages(t, { required: t("Välj tema.", "Choose a theme."), invalid })).regex(SLUG_PATTERN, invalid),
    audience: text(300),
    status: z.enum(PATH_STATUSES, messages(t, { invalid })).default("draft"),
    steps: z
      .array(
        z.object(
          {
            entry: z
              .string(messages(t, { required: chooseMaterial, invalid: chooseMaterial }))
              .regex(/^(practices|events|activities)\/[a-z0-9]+(?:-[a-z0-9]+)*$/, chooseMaterial),
            // Plain text (the path page shows it as written), not Markdown.
            note: text(1000),
            // A checkbox: sent ("on") or not. Any other value, or the box twice, says "checked" too,
            // rather than an error that no field on the page would show.
            optional: z.preprocess((v) => v !== undefined && v !== false, z.boolean()),
          },
          messages(t, { invalid: chooseMaterial }),
        ),
        messages(t, { required: atLeastOne }),
      )
      .min(1, atLeastOne)
      .max(50, t("Högst 50 steg.", "At most 50 steps.")),
  });
});

export type PathValues = z.infer<ReturnType<typeof pathSchema>>;
