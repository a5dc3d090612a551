import { z } from "zod";

import { SLUG_PATTERN } from "../../seeds/schema";

/** The reading-path form, shared by page and action. Steps name records as in the seeds format. */

const text = (max: number) => z.string().trim().max(max, `Högst ${max} tecken.`).default("");
const required = (max: number, message: string) => z.string({ required_error: message }).trim().min(1, message).max(max, `Högst ${max} tecken.`);

export const PATH_STATUSES = ["draft", "published", "archived"] as const;

export const PathSchema = z.object({
  title: required(200, "Skriv en rubrik."),
  summary: required(600, "Skriv en kort sammanfattning."),
  theme: z.string({ required_error: "Välj tema." }).regex(SLUG_PATTERN, "Ogiltigt val."),
  audience: text(300),
  status: z.enum(PATH_STATUSES).default("draft"),
  steps: z
    .array(
      z.object({
        entry: z
          .string({ required_error: "Välj material." })
          .regex(/^(practices|events|activities)\/[a-z0-9]+(?:-[a-z0-9]+)*$/, "Välj material."),
        note: text(1000),
        optional: z.boolean().default(false),
      }),
      { required_error: "Lägg till minst ett steg." },
    )
    .min(1, "Lägg till minst ett steg.")
    .max(50, "Högst 50 steg."),
});

export type PathValues = z.infer<typeof PathSchema>;
