import { notFound } from "~/utils/http.server";

/** Any address no other route knows: a 404 page inside the layout. */
export async function loader() {
  throw notFound({ sv: "Adressen stämmer inte med något i Lärdom.", en: "The address does not match anything in Lärdom." });
}

export default function NotFound() {
  return null;
}
