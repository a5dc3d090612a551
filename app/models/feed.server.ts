import type { Kysely } from "kysely";
import { z } from "zod";

import { RECORD_KINDS, type Database, type RecordKind } from "../../db/schema";
import { SLUG_PATTERN } from "../../seeds/schema";
import type { Access } from "../utils/access.server";
import { findRecords, themeAndChildren, visibleTo, type RecordSummary } from "./record.server";
import { getTheme } from "./theme.server";

/** Feeds are read by programs without a session: public published content only, always. */
const PUBLIC: Access = { members: false };

/** How many entries a feed carries: enough for a reader that polls daily. */
const FEED_SIZE = 50;

const KIND_PATH: Record<RecordKind, string> = { practice: "practices", event: "events", activity: "activities" };
const KIND_LABEL: Record<RecordKind, string> = { practice: "Goda exempel", event: "Träffar", activity: "Kompetensutveckling" };

const FeedQuery = z.object({
  kind: z.enum(RECORD_KINDS, { message: `ska vara ${RECORD_KINDS.join(", ")}` }).optional(),
  theme: z.string().max(200).regex(SLUG_PATTERN, "ska vara ett temas kortnamn").optional(),
});

export type FeedParams = { ok: true; kind?: RecordKind; theme?: { slug: string; name: string } } | { ok: false; error: string };

/**
 * Reads a feed's query string (`kind`, `theme`; `allowKind` false for the event calendar).
 * A bad value or unknown theme is an error message naming the parameter, for a 400.
 */
export async function parseFeedQuery(db: Kysely<Database>, url: URL, { allowKind = true } = {}): Promise<FeedParams> {
  const params = Object.fromEntries(url.searchParams);
  if (!allowKind && "kind" in params) return { ok: false, error: "Ogiltig parameter kind: kalendern innehåller bara träffar." };
  const parsed = FeedQuery.safeParse({ kind: params.kind || undefined, theme: params.theme || undefined });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: `Ogiltig parameter ${issue.path.join(".")}: ${issue.message}.` };
  }
  const { kind, theme } = parsed.data;
  if (!theme) return { ok: true, kind };
  const found = await getTheme(db, { slug: theme });
  if (!found) return { ok: false, error: `Ogiltig parameter theme: det finns inget tema som heter "${theme}".` };
  return { ok: true, kind, theme: { slug: found.slug, name: found.name } };
}

/** SQLite's CURRENT_TIMESTAMP ("YYYY-MM-DD HH:MM:SS", UTC) or an ISO string, as RFC 3339. */
export function toRfc3339(value: string): string {
  const iso = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(value) ? `${value.replace(" ", "T")}Z` : value;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? new Date(0).toISOString() : date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

export interface FeedEntry extends RecordSummary {
  updatedAt: string;
}

/** The newest public published records (by their last change), optionally of a kind and theme. */
export async function feedRecords(
  db: Kysely<Database>,
  { kind, theme }: { kind?: RecordKind; theme?: string },
): Promise<FeedEntry[]> {
  const rows = await db
    .selectFrom("records as r")
    .select(["r.id", "r.updated_at"])
    .where(visibleTo(PUBLIC))
    .$if(!!kind, (q) => q.where("r.kind", "=", kind!))
    .$if(!!theme, (q) =>
      q.where("r.id", "in", (eb) =>
        eb.selectFrom("record_themes as rt").select("rt.record_id").where("rt.theme_id", "in", themeAndChildren(db, theme!)),
      ),
    )
    .orderBy("r.updated_at", "desc")
    .orderBy("r.published_on", "desc")
    .orderBy("r.id", "desc")
    .limit(FEED_SIZE)
    .execute();
  const summaries = new Map(
    (await findRecords(db, { access: PUBLIC, filters: { ids: rows.map((r) => r.id) } })).map((s) => [s.id, s]),
  );
  return rows.flatMap((r) => {
    const s = summaries.get(r.id);
    return s ? [{ ...s, updatedAt: toRfc3339(r.updated_at) }] : [];
  });
}

export function recordUrl(origin: string, kind: RecordKind, slug: string): string {
  return `${origin}/${KIND_PATH[kind]}/${slug}`;
}

function xml(text: string): string {
  return text
    // XML 1.0 does not allow these control characters at all.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/** The feed's own address and title, for the feed itself and for `<link rel="alternate">`. */
export function feedTitle({ kind, theme }: { kind?: RecordKind; theme?: { name: string } }): string {
  return ["Lärdom", kind ? KIND_LABEL[kind] : "Nytt", theme?.name].filter(Boolean).join(" – ");
}

/** An Atom 1.0 document (RFC 4287) of the entries. */
export function atomFeed(
  entries: FeedEntry[],
  { origin, selfUrl, kind, theme }: { origin: string; selfUrl: string; kind?: RecordKind; theme?: { slug: string; name: string } },
): string {
  const updated = entries.reduce((max, e) => (e.updatedAt > max ? e.updatedAt : max), "1970-01-01T00:00:00Z");
  const alternate = kind ? `${origin}/${KIND_PATH[kind]}` : theme ? `${origin}/themes/${theme.slug}` : `${origin}/`;
  const lines = [
    `<?xml version="1.0" encoding="utf-8"?>`,
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="sv">`,
    `  <id>${xml(selfUrl)}</id>`,
    `  <title>${xml(feedTitle({ kind, theme }))}</title>`,
    `  <subtitle>Goda exempel, träffar och kompetensutveckling för industrins värdskap i Norra Mellansverige.</subtitle>`,
    `  <updated>${updated}</updated>`,
    `  <author><name>Lärdom</name><uri>${xml(origin)}/</uri></author>`,
    `  <link rel="self" type="application/atom+xml" href="${xml(selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xml(alternate)}"/>`,
    `  <generator>Lärdom</generator>`,
  ];
  for (const e of entries) {
    const url = recordUrl(origin, e.kind, e.slug);
    lines.push(
      `  <entry xml:lang="${e.language}">`,
      `    <id>${xml(url)}</id>`,
      `    <title>${xml(e.title)}</title>`,
      `    <updated>${e.updatedAt}</updated>`,
      ...(e.publishedOn ? [`    <published>${e.publishedOn}T00:00:00Z</published>`] : []),
      `    <link rel="alternate" type="text/html" href="${xml(url)}"/>`,
      `    <author><name>${xml(e.organisation.name)}</name><uri>${xml(origin)}/organisations/${xml(e.organisation.slug)}</uri></author>`,
      `    <summary>${xml(e.summary)}</summary>`,
      `    <category term="${e.kind}" label="${xml(KIND_LABEL[e.kind])}"/>`,
      ...e.themes.map((t) => `    <category term="${xml(t.slug)}" label="${xml(t.name)}"/>`),
      `  </entry>`,
    );
  }
  lines.push(`</feed>`, "");
  return lines.join("\n");
}

export interface CalendarEvent {
  slug: string;
  title: string;
  summary: string;
  startsOn: string;
  endsOn: string | null;
  location: string;
  municipality: string;
  organisation: string;
  updatedAt: string;
}

/** Public published events, optionally of a theme (a top theme with its children), by date. */
export async function calendarEvents(db: Kysely<Database>, { theme }: { theme?: string }): Promise<CalendarEvent[]> {
  const rows = await db
    .selectFrom("records as r")
    .innerJoin("event_details as ed", "ed.record_id", "r.id")
    .innerJoin("organisations as o", "o.id", "r.organisation_id")
    .select(["r.slug", "r.title", "r.summary", "r.updated_at", "ed.starts_on", "ed.ends_on", "ed.location", "ed.municipality", "o.name as org_name"])
    .where("r.kind", "=", "event")
    .where(visibleTo(PUBLIC))
    .$if(!!theme, (q) =>
      q.where("r.id", "in", (eb) =>
        eb.selectFrom("record_themes as rt").select("rt.record_id").where("rt.theme_id", "in", themeAndChildren(db, theme!)),
      ),
    )
    .orderBy("ed.starts_on", "desc")
    .orderBy("r.slug")
    .execute();
  return rows.map((r) => ({
    slug: r.slug,
    title: r.title,
    summary: r.summary,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    location: r.location,
    municipality: r.municipality,
    organisation: r.org_name,
    updatedAt: toRfc3339(r.updated_at),
  }));
}

/** RFC 5545 TEXT: backslash, semicolon, comma and newlines escaped. */
export function icsText(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    // Control characters other than newline are not allowed in a TEXT value.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, "")
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\n/g, "\\n");
}

/**
 * Folds a content line to at most 75 octets per physical line (RFC 5545 3.1), never inside a
 * UTF-8 sequence: continuation lines begin with one space.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, "utf8");
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = "";
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

const icsDate = (date: string) => date.replace(/-/g, "");

/** The day after a YYYY-MM-DD date: DTEND of an all-day event is exclusive. */
export function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The place, with the municipality unless the place already names it. */
function placeOf(e: CalendarEvent): string {
  if (!e.municipality || e.location.toLowerCase().includes(e.municipality.toLowerCase())) return e.location;
  return e.location ? `${e.location}, ${e.municipality}` : e.municipality;
}

/** An iCalendar (RFC 5545) document with one all-day VEVENT per event. */
export function icalendar(
  events: CalendarEvent[],
  { origin, theme, now = new Date() }: { origin: string; theme?: { name: string }; now?: Date },
): string {
  const host = new URL(origin).hostname;
  const stamp = now.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Lärdom//Träffar//SV",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${icsText(["Lärdom – träffar", theme?.name].filter(Boolean).join(" – "))}`,
  ];
  for (const e of events) {
    const url = recordUrl(origin, "event", e.slug);
    const last = e.endsOn && e.endsOn > e.startsOn ? e.endsOn : e.startsOn;
    lines.push(
      "BEGIN:VEVENT",
      `UID:event-${e.slug}@${host}`,
      `DTSTAMP:${stamp}`,
      `LAST-MODIFIED:${e.updatedAt.replace(/[-:]/g, "")}`,
      `DTSTART;VALUE=DATE:${icsDate(e.startsOn)}`,
      `DTEND;VALUE=DATE:${icsDate(nextDay(last))}`,
      `SUMMARY:${icsText(e.title)}`,
      `DESCRIPTION:${icsText(`${e.summary}\n\nArrangör: ${e.organisation}\n${url}`)}`,
      `LOCATION:${icsText(placeOf(e))}`,
      `URL:${url}`,
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return lines.map(foldLine).join("\r\n") + "\r\n";
}
