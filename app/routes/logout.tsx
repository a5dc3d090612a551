import { redirect, type ActionFunctionArgs } from "@remix-run/node";

import { signOutAndRedirect } from "~/utils/session.server";

/** Signing out is a POST (a link could be followed by a prefetcher); a GET just goes home. */
export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  return signOutAndRedirect(request);
}
