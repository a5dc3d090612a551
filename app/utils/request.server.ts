import type { AppLoadContext } from "@remix-run/node";

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
