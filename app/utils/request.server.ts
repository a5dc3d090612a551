import { parseWithZod } from "@conform-to/zod";
import type { AppLoadContext } from "@remix-run/node";
import type { ZodTypeAny } from "zod";

/** The client's address as the server saw it (app/cli/start.ts puts it in the load context). */
export function clientAddress(context: AppLoadContext): string {
  const value = (context as { clientAddress?: unknown }).clientAddress;
  return typeof value === "string" && value ? value : "okänd";
}

/** A form body, refusing anything that is not a form post with a clear 4xx instead of a 500. */
export async function readForm(request: Request): Promise<FormData> {
  const type = request.headers.get("Content-Type") ?? "";
  if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(type)) {
    throw new Response(JSON.stringify({ message: "Skicka formuläret som ett formulär." }), {
      status: 415,
      headers: { "Content-Type": "application/json; charset=utf-8" },
    });
  }
  try {
    return await request.formData();
  } catch {
    throw new Response(JSON.stringify({ message: "Formuläret gick inte att läsa." }), {
      status: 400,
      headers: { "Content-Type": "application/json; charset=utf-8" },
    });
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
    throw new Response(JSON.stringify({ message: "Formuläret gick inte att läsa." }), {
      status: 400,
      headers: { "Content-Type": "application/json; charset=utf-8" },
    });
  }
}
