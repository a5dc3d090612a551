import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";

import { langCookie } from "~/i18n/lang.server";
import { badRequest } from "~/utils/http.server";
import { readForm } from "~/utils/request.server";
import { safeRedirect } from "~/utils/session.server";

const schema = z.object({ lang: z.enum(["sv", "en"]), redirectTo: z.string().max(2000).optional() });

/** The header's language switch: keeps the choice in a cookie and goes back to the same page. */
export async function action({ request }: ActionFunctionArgs) {
  const parsed = schema.safeParse(Object.fromEntries(await readForm(request)));
  if (!parsed.success) {
    throw badRequest({ sv: "Välj svenska (sv) eller engelska (en).", en: "Choose Swedish (sv) or English (en)." });
  }
  return redirect(safeRedirect(parsed.data.redirectTo), {
    headers: { "Set-Cookie": await langCookie.serialize(parsed.data.lang) },
  });
}

/** A GET (a followed link) just goes home. */
export async function loader() {
  return redirect("/");
}
