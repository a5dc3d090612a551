import { json } from "@remix-run/node";

/** Thrown from loaders; the error boundary shows the message. Never carries internals. */
export function badRequest(message: string): Response {
  return json({ message }, { status: 400 });
}

export function notFound(message = "Sidan finns inte."): Response {
  return json({ message }, { status: 404 });
}
