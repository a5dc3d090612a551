import { z } from "zod";

/** The sign-in form; shared by the page (client-side checks) and the action. */
export const LoginSchema = z.object({
  email: z
    .string({ required_error: "Fyll i din e-postadress." })
    .trim()
    .max(254, "E-postadressen är för lång.")
    .email("Det ser inte ut som en e-postadress."),
  password: z.string({ required_error: "Fyll i ditt lösenord." }).max(1024, "Lösenordet är för långt."),
  redirectTo: z.string().max(2000).optional(),
});

/** Changing one's own password: the current one, and the new one twice. */
export const PasswordSchema = z
  .object({
    current: z.string({ required_error: "Fyll i ditt nuvarande lösenord." }).max(1024),
    password: z.string({ required_error: "Välj ett nytt lösenord." }).min(12, "Minst 12 tecken.").max(1024, "Högst 1024 tecken."),
    confirm: z.string({ required_error: "Skriv det nya lösenordet en gång till." }),
  })
  .refine((v) => v.password === v.confirm, { message: "Lösenorden är inte lika.", path: ["confirm"] });
