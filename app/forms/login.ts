import { z } from "zod";

import type { Translate } from "../i18n";
import { messages, perLanguage } from "./lang";

/** The sign-in form; shared by the page (client-side checks) and the action, in the reader's language. */
export const loginSchema = perLanguage((t: Translate) =>
  z.object({
    email: z
      .string(messages(t, { required: t("Fyll i din e-postadress.", "Enter your email address.") }))
      .trim()
      .max(254, t("E-postadressen är för lång.", "The email address is too long."))
      .email(t("Det ser inte ut som en e-postadress.", "That does not look like an email address.")),
    password: z
      .string(messages(t, { required: t("Fyll i ditt lösenord.", "Enter your password.") }))
      .max(1024, t("Lösenordet är för långt.", "The password is too long.")),
    // A hidden field no one types: one that is not a single short address is not followed,
    // rather than refused with an error the page has no place to show.
    redirectTo: z.string().max(2000).optional().catch(undefined),
  }),
);

/** Changing one's own password: the current one, and the new one twice. */
export const passwordSchema = perLanguage((t: Translate) =>
  z
    .object({
      current: z
        .string(messages(t, { required: t("Fyll i ditt nuvarande lösenord.", "Enter your current password.") }))
        .max(1024, t("Lösenordet är för långt.", "The password is too long.")),
      password: z
        .string(messages(t, { required: t("Välj ett nytt lösenord.", "Choose a new password.") }))
        .min(12, t("Minst 12 tecken.", "At least 12 characters."))
        .max(1024, t("Högst 1024 tecken.", "At most 1,024 characters.")),
      confirm: z
        .string(messages(t, { required: t("Skriv det nya lösenordet en gång till.", "Type the new password once more.") }))
        .max(1024, t("Lösenordet är för långt.", "The password is too long.")),
    })
    .refine((v) => v.password === v.confirm, { message: t("Lösenorden är inte lika.", "The passwords do not match."), path: ["confirm"] }),
);
