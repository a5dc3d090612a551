import { json } from "@remix-run/node";

import type { Text } from "~/i18n";

/**
 * Thrown from loaders; the error boundary shows the message in the reader's language (a pair,
 * or one string where it quotes the reader's own input). Never carries internals.
 */
export function badRequest(message: string | Text): Response {
  return json({ message }, { status: 400 });
}

export function notFound(message: string | Text = { sv: "Sidan finns inte.", en: "The page does not exist." }): Response {
  return json({ message }, { status: 404 });
}
