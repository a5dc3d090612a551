import type { LoaderFunctionArgs } from "@remix-run/node";

import { calendarEvents, icalendar, parseFeedQuery } from "~/models/feed.server";
import { getDb } from "~/utils/db.server";

/** GET /feeds/events.ics?theme= — public published events as iCalendar; 400 for a bad parameter. */
export async function loader({ request }: LoaderFunctionArgs) {
  const db = getDb();
  const url = new URL(request.url);
  const parsed = await parseFeedQuery(db, url, { allowKind: false });
  if (!parsed.ok) return new Response(`${parsed.error}\n`, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const events = await calendarEvents(db, { theme: parsed.theme?.slug });
  return new Response(icalendar(events, { origin: url.origin, theme: parsed.theme }), {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'inline; filename="lardom-traffar.ics"',
      "Cache-Control": "public, max-age=300",
    },
  });
}
