import { parseWithZod } from "@conform-to/zod";
import type { AppLoadContext } from "@remix-run/node";
import type { ZodTypeAny } from "zod";

import type { Text } from "../i18n";

/** The client's address as the server saw it (app/cli/start.ts puts it in the load context). */
export function clientAddress(context: AppLoadContext): string {
  const value = (context as { clientAddress?: unknown }).clientAddress;
  return typeof value === "string" && value ? value : "okänd";
}

/** A 4xx whose message the error boundary shows in the reader's language. */
function refused(status: 400 | 415, message: Text): Response {
  return new Response(JSON.stringify({ message }), {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8" },
  });
}

const UNREADABLE: Text = { sv: "Formuläret gick inte att läsa.", en: "The form could not be read." };

/** A form body, refusing anything that is not a form post with a clear 4xx instead of a 500. */
export async function readForm(request: Request): Promise<FormData> {
  const type = request.headers.get("Content-Type") ?? "";
  if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(type)) {
    throw refused(415, { sv: "Skicka formuläret som ett formulär.", en: "Send the form as a form." });
  }
  try {
    return await request.formData();
  } catch {
    throw refused(400, UNREADABLE);
  }
}

/**
 * Conform's parseWithZod, answering a malformed Conform intent (a hand-made `__intent__`, say)
 * with a 400 instead of letting its JSON error become a 500.
 */
export function parseSubmission<Schema extends ZodTypeAny>(formData: FormData, schema: Schema) {
  try {
    return parseWithZod(formData, { schema });
  } catch {
    throw refused(400, UNREADABLE);
  }
}
