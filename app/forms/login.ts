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
