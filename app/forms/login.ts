import { z } from "zod";

import type { Translate } from "../i18n";
import { perLanguage } from "./lang";

/** The sign-in form; shared by the page (client-side checks) and the action, in the reader's language. */
export const loginSchema = perLanguage((t: Translate) =>
  z.object({
    email: z
      .string({ required_error: t("Fyll i din e-postadress.", "Enter your email address.") })
      .trim()
      .max(254, t("E-postadressen är för lång.", "The email address is too long."))
      .email(t("Det ser inte ut som en e-postadress.", "That does not look like an email address.")),
    password: z
      .string({ required_error: t("Fyll i ditt lösenord.", "Enter your password.") })
      .max(1024, t("Lösenordet är för långt.", "The password is too long.")),
    redirectTo: z.string().max(2000).optional(),
  }),
);

/** Changing one's own password: the current one, and the new one twice. */
export const passwordSchema = perLanguage((t: Translate) =>
  z
    .object({
      current: z.string({ required_error: t("Fyll i ditt nuvarande lösenord.", "Enter your current password.") }).max(1024),
      password: z
        .string({ required_error: t("Välj ett nytt lösenord.", "Choose a new password.") })
        .min(12, t("Minst 12 tecken.", "At least 12 characters."))
        .max(1024, t("Högst 1024 tecken.", "At most 1,024 characters.")),
      confirm: z.string({ required_error: t("Skriv det nya lösenordet en gång till.", "Type the new password once more.") }),
    })
    .refine((v) => v.password === v.confirm, { message: t("Lösenorden är inte lika.", "The passwords do not match."), path: ["confirm"] }),
);
